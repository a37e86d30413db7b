import { useCallback, useState, type RefObject } from 'react';
import {
  REFERENCE_KIND_LABELS,
  type ReferenceLayerData,
} from '../../../shared/analysis/overlapsReferenceLayer';
import type { BackgroundCrs } from '../../../shared/domain/backgrounds';
import type { InspectedBackground } from '../../map/backgrounds/backgroundFactory';
import { backgroundKindName } from '../../map/backgrounds/mapBackgrounds';
import type { PlanMap } from '../../map/createPlanMap';
import { layerOrder, listedLayers } from '../../map/layerStack';
import type { ProjectData } from '../hooks/useProjectData';
import { AddCogUrlDialog } from './AddCogUrlDialog';
import { AddBackgroundMenu } from './AddBackgroundMenu';
import { CadLayerRows } from './CadLayerRows';
import { CrsAsk, type CrsQuestion } from './CrsAsk';
import { DatumAsk, type DatumQuestion } from './DatumAsk';
import type { CrsDef } from '../../../shared/crs/crsDef';
import type { DatumShift } from '../../../shared/crs/datumShift';
import { LayerRow, type RowModel } from './LayerRow';
import { useLayerActions } from './useLayerActions';
import { useLayerList } from './useLayerList';
import { useOverlap } from './useOverlap';
import { ReferenceSection } from './ReferenceSection';
import { useLayersText } from './layersText';
import { useTileServiceDialog } from './useTileServiceDialog';
import { useTileOriginAccess } from './tileOriginAccess';
import { useWorkbench } from '../hooks/useWorkbench';
import { ZoneTypeRows } from './ZoneTypeRows';
import './layers.css';

interface Props {
  data: ProjectData;
  references: readonly ReferenceLayerData[];
  map: RefObject<PlanMap | null>;
}

/**
 * Everything on the map in one list: backgrounds and reference layers in drawing order (drag a
 * row, or Move up / Move down from the keyboard), each with visibility, opacity, zoom to layer and
 * remove (confirmed); backgrounds with their status and, when their file cannot be read here,
 * "allow again" or "locate file…". The zone layers are pinned on top, with a checkbox per zone
 * type and the label field. Reference layers are added (and their overlap results shown) in the
 * panel's reference section. Saved per project as settings, never as undo steps.
 */
export function LayersPanel({ data, references, map }: Props) {
  const { lang, l } = useLayersText();
  const projectId = data.project.id;
  const { backgrounds, loaded, prefs, statuses, update } = useLayerList(projectId, map);
  const { platform } = useWorkbench();
  const blocked = useTileOriginAccess(
    platform,
    projectId,
    loaded ? backgrounds : null,
    data.project.settings,
  );
  const [question, setQuestion] = useState<CrsQuestion | null>(null);
  const [datumQuestion, setDatumQuestion] = useState<DatumQuestion | null>(null);
  const [cogOpen, setCogOpen] = useState(false);
  const storedShifts = data.project.settings.datumShifts;
  const askDatumShift = useCallback(
    (file: string, crs: CrsDef) =>
      new Promise<DatumShift | null>((resolve) =>
        setDatumQuestion({
          file,
          crs,
          stored: storedShifts[crs.datumKey],
          answer: (shift) => {
            setDatumQuestion(null);
            resolve(shift);
          },
        }),
      ),
    [storedShifts],
  );
  const askCrs = useCallback(
    (file: string, inspected: InspectedBackground) =>
      new Promise<BackgroundCrs | null>((resolve) =>
        setQuestion({
          file,
          candidates: inspected.crsCandidates ?? [],
          answer: (crs) => {
            setQuestion(null);
            resolve(crs);
          },
        }),
      ),
    [],
  );

  const listed = listedLayers(backgrounds, references);
  const order = prefs ? layerOrder(prefs.order, listed) : [];
  const overlap = useOverlap(data, map);
  const actions = useLayerActions({
    overlap,
    data,
    backgrounds,
    references,
    listed,
    order,
    prefs,
    update,
    map,
    askCrs,
    askDatumShift,
  });
  const tiles = useTileServiceDialog({ data, backgrounds, listed, order, prefs });
  const rows: RowModel[] = order.flatMap((id): RowModel[] => {
    const background = backgrounds.find((b) => b.id === id);
    const opacity = prefs?.opacity[id] ?? 1;
    if (background)
      return [
        {
          id,
          group: 'background',
          name: background.name,
          detail: backgroundKindName(background.source.kind)[lang],
          visible: prefs?.visible[id] !== false,
          opacity,
          status: blocked.get(id) ?? statuses.get(id) ?? { state: 'loading' },
        },
      ];
    const reference = references.find((r) => r.id === id);
    if (!reference) return [];
    const detail = REFERENCE_KIND_LABELS[reference.kind][lang];
    return [
      {
        id,
        group: 'reference',
        name: reference.name,
        detail,
        visible: actions.referenceVisible(reference),
        opacity,
        status: null,
      },
    ];
  });

  return (
    <section className="panel layers-panel" aria-label={l('layers')}>
      <h2>{l('layers')}</h2>
      <AddBackgroundMenu
        disabled={!prefs}
        items={[
          { id: 'file', label: { zh: '来自文件…', en: 'From file…' }, run: () => void actions.addFromFile() },
          { id: 'cogUrl', label: { zh: '按网址添加 COG…', en: 'COG by URL…' }, run: () => setCogOpen(true) },
          ...tiles.items,
        ]}
      />
      {prefs && <ZoneTypeRows zones={data.zones} prefs={prefs} onChange={update} />}
      <h3>{l('listedLayers')}</h3>
      {rows.length === 0 ? (
        <p className="muted">{l('noListedLayers')}</p>
      ) : (
        <>
          <p className="muted hint">{l('dragHint')}</p>
          <ul className="layer-list" aria-label={l('listedLayers')}>
            {rows.map((row, i) => (
              <LayerRow
                key={row.id}
                row={row}
                first={i === 0}
                last={i === rows.length - 1}
                actions={actions.forRow(row)}
              >
                <CadLayerRows background={backgrounds.find((b) => b.id === row.id)} />
              </LayerRow>
            ))}
          </ul>
        </>
      )}
      <ReferenceSection
        data={data}
        layers={references}
        result={overlap.result}
        busy={overlap.busy}
        setBusy={overlap.setBusy}
      />
      <CrsAsk question={question} projectZone={data.project.settings.gkZone} />
      <DatumAsk question={datumQuestion} />
      <AddCogUrlDialog open={cogOpen} onClose={() => setCogOpen(false)} onAdd={actions.addFromUrl} />
      {tiles.dialog}
    </section>
  );
}

import { useMemo, useState, type RefObject } from 'react';
import type { PlanMap } from '../../map/createPlanMap';
import { figureLayers } from '../../map/figures/figureBackgrounds';
import { useFigureBackgrounds } from './useFigureBackgrounds';
import type { Lang } from '../../../shared/domain/labels';
import type { ZoneType } from '../../../shared/domain/taxonomy';
import { TitleBlockSchema, type FigureSettings } from '../../../shared/figures/figureSettings';
import { planFigure, type FigureTarget } from '../../../shared/figures/figurePlan';
import { layoutFigure } from '../../../shared/figures/layoutFigure';
import { fitScale } from '../../../shared/figures/paper';
import { estimateTextWidth } from '../../../shared/figures/textMeasure';
import { useFigureFont } from './useFigureFont';
import { useHiddenZoneTypes } from './useHiddenZoneTypes';
import { gkBox, zoneToGk } from '../../../shared/figures/zonesOnPage';
import { updateProjectSettings } from '../../editor/commands/projectCommands';
import { SchemaForm } from '../form/SchemaForm';
import { Modal } from '../Modal';
import { useEditorState } from '../hooks/useEditorState';
import { useLang } from '../hooks/useLang';
import { useProjectData, type ProjectData } from '../hooks/useProjectData';
import { useReferenceLayers } from '../hooks/useReferenceLayers';
import { useWorkbench } from '../hooks/useWorkbench';
import { FigureControls } from './FigureControls';
import { stillPending, type PendingSettings } from './pendingSettings';
import { FigureOutput } from './FigureOutput';
import { FigurePreview } from './FigurePreview';
import { setFigureComposerOpen, useFigureComposerOpen } from './figureOpen';
import { FIGURE_TEXT as T } from './figureText';
import { useInsetBasemap } from './useInsetBasemap';
import { usePreviewBackground } from './usePreviewBackground';
import './figures.css';

const NO_TYPES: ReadonlySet<ZoneType> = new Set();

/** The preview's width in CSS pixels. */
const PREVIEW_PX = 560;

/** Mounted once in the app; reads the project only while the composer is open. */
export function FigureComposerHost({ map }: { map: RefObject<PlanMap | null> }) {
  const open = useFigureComposerOpen();
  const projectId = useEditorState((s) => s.projectId);
  const data = useProjectData(open ? projectId : null);
  return open && data ? (
    <FigureComposer data={data} map={map} onClose={() => setFigureComposerOpen(false)} />
  ) : null;
}

/** 出图: one object's or the project's 保护区划图, previewed from the page the files are written from. */
export function FigureComposer({
  data,
  map,
  onClose,
}: {
  data: ProjectData;
  map: RefObject<PlanMap | null>;
  onClose(): void;
}) {
  const { lang } = useLang();
  return (
    <Modal
      id="figure-composer"
      open
      onClose={onClose}
      title={`${T.figure[lang]} / ${T.figure[lang === 'zh' ? 'en' : 'zh']}`}
    >
      <ComposerBody data={data} lang={lang} map={map} />
    </Modal>
  );
}

function ComposerBody({
  data,
  lang,
  map,
}: {
  data: ProjectData;
  lang: Lang;
  map: RefObject<PlanMap | null>;
}) {
  const { workbench } = useWorkbench();
  const readOnly = useEditorState((s) => s.readOnly);
  const objectsWithZones = useMemo(
    () => data.objects.filter((o) => data.zones.some((z) => z.objectId === o.id)),
    [data],
  );
  const [target, setTarget] = useState<FigureTarget>(() =>
    objectsWithZones[0] ? { kind: 'object', objectId: objectsWithZones[0].id } : { kind: 'project' },
  );
  // Changes show (and export) at once and are saved with the project, one undo step each; a review
  // copy keeps them here (pendingSettings.ts).
  const stored = data.project.settings.figure;
  const [pending, setPending] = useState<PendingSettings>({});
  const carried = stillPending(pending, stored);
  if (carried !== pending) setPending(carried);
  const settings = useMemo<FigureSettings>(() => ({ ...stored, ...carried }), [stored, carried]);
  const change = (patch: PendingSettings) => {
    setPending((p) => ({ ...p, ...patch }));
    if (!readOnly) void workbench.run(updateProjectSettings(data.project.id, { figure: patch }));
  };
  const inset = useInsetBasemap(settings.inset);
  const { font, failed: fontFailed } = useFigureFont();
  // As the map draws them now (the stored layer settings follow a moment later).
  const hidden = useHiddenZoneTypes(map) ?? NO_TYPES;
  // The reference layers shown on the map are drawn in the figure too, bottom first as on the map.
  const references = useReferenceLayers(data.project.id);
  const source = useMemo(
    () => ({ ...data, settings: data.project.settings, references: references.filter((r) => r.visible) }),
    [data, references],
  );
  const backgrounds = figureLayers(useFigureBackgrounds(map));
  const plan = useMemo(
    () => planFigure(source, target, settings, hidden),
    [source, target, settings, hidden],
  );
  const layout = useMemo(
    () =>
      plan
        ? layoutFigure({ ...plan, measure: font?.measure ?? estimateTextWidth, ...(inset && { inset }) })
        : null,
    [plan, inset, font],
  );
  // The preview shows the backgrounds too, rendered at its own resolution once the settings settle.
  const drawnKey = backgrounds.drawn.map((b) => `${b.id}:${b.opacity}`).join(',');
  const preview = usePreviewBackground(map, plan, drawnKey, PREVIEW_PX);
  const previewPage = useMemo(
    () =>
      plan && layout && preview.background
        ? layoutFigure({
            ...plan,
            background: preview.background.raster,
            measure: font?.measure ?? estimateTextWidth,
            ...(inset && { inset }),
          }).page
        : layout?.page,
    [plan, layout, preview.background, font, inset],
  );
  const fit = () => {
    if (!plan || !layout) return;
    const zones =
      target.kind === 'object' ? plan.zones.filter((z) => z.objectId === target.objectId) : plan.zones;
    const box = gkBox(zones.map((z) => zoneToGk(z.geometry, plan.gkZone)));
    if (box)
      change({
        scale: fitScale(box.maxE - box.minE, box.maxN - box.minN, layout.frame.map.wMm, layout.frame.map.hMm),
      });
  };
  return (
    <div className="figure-composer">
      <div className="figure-settings">
        <label>
          {T.target[lang]}{' '}
          <select
            aria-label={T.target[lang]}
            value={target.kind === 'object' ? target.objectId : ''}
            onChange={(e) =>
              setTarget(e.target.value ? { kind: 'object', objectId: e.target.value } : { kind: 'project' })
            }
          >
            {objectsWithZones.map((o) => (
              <option key={o.id} value={o.id}>
                {o.attributes.name}
              </option>
            ))}
            <option value="">{T.wholeProject[lang]}</option>
          </select>
        </label>
        <FigureControls settings={settings} lang={lang} onChange={change} onFit={fit} />
        <fieldset className="form-group">
          <legend>{T.titleBlock[lang]}</legend>
          <SchemaForm
            idPrefix="figure-title"
            schema={TitleBlockSchema}
            value={settings.titleBlock}
            lang={lang}
            onCommit={(patch) => change({ titleBlock: { ...settings.titleBlock, ...patch } })}
          />
        </fieldset>
      </div>
      <div className="figure-side">
        {!layout ? (
          <p role="status">{T.noZones[lang]}</p>
        ) : font ? (
          <FigurePreview
            page={previewPage ?? layout.page}
            images={preview.background?.images}
            widthPx={PREVIEW_PX}
            label={`${T.preview[lang]} / ${T.preview[lang === 'zh' ? 'en' : 'zh']}`}
            fontFamily={font.family}
          />
        ) : (
          <p role="status">{fontFailed ? T.fontFailed[lang] : T.fontLoading[lang]}</p>
        )}
        <p className="figure-backgrounds" role="status" aria-label={T.backgrounds[lang]}>
          {T.backgrounds[lang]}：
          {backgrounds.drawn.length
            ? backgrounds.drawn.map((b) => `「${b.name}」`).join('')
            : T.noBackgrounds[lang]}
          {backgrounds.drawn.length > 0 && ` ${settings.dpi} dpi`}
          {preview.pending && `（${T.previewBackgroundPending[lang]}）`}
          {backgrounds.left.map((l) => (
            <span key={l.id} className="figure-background-left">
              <br />
              {l.message[lang]}
            </span>
          ))}
        </p>
        <FigureOutput
          map={map}
          hidden={hidden}
          source={source}
          settings={settings}
          plan={plan}
          layout={layout}
          inset={inset}
          font={font}
          lang={lang}
        />
      </div>
    </div>
  );
}

import { useEffect, useState, type RefObject } from 'react';
import type { Bilingual } from '../../../shared/domain/labels';
import { AREA_UNITS, AREA_UNIT_LABELS, type AreaUnit } from '../../../shared/domain/units';
import type { ProjectDocument } from '../../../shared/formats/projectDocument';
import type { CompareResult, ComparisonView } from '../../../shared/review/compareTypes';
import { interiorPoint } from '../../../shared/geometry/interiorPoint';
import { currentDocument } from '../../editor/projectSession';
import { withJob } from '../../editor/transferJob';
import type { PlanMap } from '../../map/createPlanMap';
import type { VersionHeader } from '../../../shared/review/model';
import { Modal } from '../Modal';
import { useLang } from '../hooks/useLang';
import type { ProjectData } from '../hooks/useProjectData';
import { useWorkbench } from '../hooks/useWorkbench';
import { ChangeExportDialog } from './ChangeExportDialog';
import { CompareTable, type CompareTarget } from './CompareTable';
import { ReportButtons } from './ReportButtons';
import { setCompareOpen, useCompareOpen } from './compareOpen';
import { COMPARE_TEXT as T } from './compareText';
import './compare.css';

/** One side of a comparison as chosen: the live project, a named version, or a file read in. */
type Side =
  | { kind: 'current' }
  | { kind: 'version'; versionId: string; name: string }
  | { kind: 'file'; name: string; document: ProjectDocument };

/** A finished comparison; kept while the app runs, so the map and the table survive closing. */
interface Comparison {
  projectId: string;
  a: ProjectDocument;
  b: ProjectDocument;
  bIsCurrent: boolean;
  result: CompareResult;
  /** How the change report names the two sides. */
  labels: [Bilingual, Bilingual];
}
let last: Comparison | null = null;

/** A side as the change report names it. */
function sideLabel(side: Side): Bilingual {
  return side.kind === 'current' ? T.current : { zh: side.name, en: side.name };
}

/** The compare dialog, mounted once by the app; open through `setCompareOpen` (CompareButton). */
export function CompareHost({ data, map }: { data: ProjectData; map: RefObject<PlanMap | null> }) {
  return useCompareOpen() ? <CompareDialog data={data} map={map} /> : null;
}

function viewOf(c: Comparison): ComparisonView {
  const changed = new Set(c.result.units.flatMap((u) => u.before));
  return {
    before: c.a.zones.map((z) => ({
      zoneId: z.id,
      zoneType: z.attributes.zoneType,
      geometry: z.geometry,
      changed: changed.has(z.id),
    })),
    gained: c.result.units.flatMap((u) =>
      u.gained ? [{ objectId: u.objectId, zoneType: u.zoneType, geometry: u.gained }] : [],
    ),
    lost: c.result.units.flatMap((u) =>
      u.lost ? [{ objectId: u.objectId, zoneType: u.zoneType, geometry: u.lost }] : [],
    ),
    ...(c.bIsCurrent
      ? {}
      : {
          after: c.b.zones.map((z) => ({
            zoneId: z.id,
            zoneType: z.attributes.zoneType,
            geometry: z.geometry,
          })),
        }),
  };
}

const sideKey = (side: Side) => (side.kind === 'version' ? `version:${side.versionId}` : side.kind);

function SidePicker({
  label,
  side,
  versions,
  file,
  onChange,
  onPickFile,
}: {
  label: string;
  side: Side;
  versions: readonly VersionHeader[];
  file: Side | null;
  onChange(side: Side): void;
  onPickFile(): void;
}) {
  const { lang } = useLang();
  const choose = (key: string) => {
    if (key === 'current') onChange({ kind: 'current' });
    else if (key === 'file' && file) onChange(file);
    const version = versions.find((v) => `version:${v.versionId}` === key);
    if (version) onChange({ kind: 'version', versionId: version.versionId, name: version.name });
  };
  return (
    <label>
      {label}{' '}
      <select aria-label={label} value={sideKey(side)} onChange={(e) => choose(e.target.value)}>
        <option value="current">{T.current[lang]}</option>
        {versions.map((v) => (
          <option key={v.versionId} value={`version:${v.versionId}`}>
            {v.name}
          </option>
        ))}
        {file?.kind === 'file' && <option value="file">{file.name}</option>}
      </select>{' '}
      <button type="button" onClick={onPickFile}>
        {T.file[lang]}
      </button>
    </label>
  );
}

function CompareDialog({ data, map }: { data: ProjectData; map: RefObject<PlanMap | null> }) {
  const { workbench, platform } = useWorkbench();
  const { lang } = useLang();
  const projectId = data.project.id;
  const [versions, setVersions] = useState<VersionHeader[]>([]);
  const [file, setFile] = useState<Side | null>(null);
  const [a, setA] = useState<Side>({ kind: 'current' });
  const [b, setB] = useState<Side>({ kind: 'current' });
  const [comparison, setComparison] = useState<Comparison | null>(
    last?.projectId === projectId ? last : null,
  );
  const [running, setRunning] = useState(false);
  const [unit, setUnit] = useState<AreaUnit>('m2');
  const [swipe, setSwipe] = useState(false);
  const [exporting, setExporting] = useState(false);
  useEffect(() => {
    workbench.store.read.versions(projectId).then(
      (list) => {
        setVersions(list);
        // The usual question: what changed since the newest named version.
        const newest = list.at(-1);
        if (newest) setA({ kind: 'version', versionId: newest.versionId, name: newest.name });
      },
      (e: unknown) => workbench.reportError(e),
    );
  }, [workbench, projectId]);

  const close = () => setCompareOpen(false);
  const pickFile = async (set: (side: Side) => void) => {
    const opened = await platform.openProject().catch((e: unknown) => (workbench.reportError(e), null));
    if (!opened) return;
    const label = { zh: `正在读取 ${opened.name}`, en: `Reading ${opened.name}` };
    const content = await withJob(workbench, label, 'readProject', {
      name: opened.name,
      bytes: opened.bytes,
    });
    if (!content) return;
    const side: Side = { kind: 'file', name: opened.name, document: content };
    setFile(side);
    set(side);
  };
  const load = async (side: Side): Promise<ProjectDocument> => {
    if (side.kind === 'file') return side.document;
    if (side.kind === 'current') return currentDocument(workbench);
    const state = await workbench.store.read.versionState(projectId, side.versionId);
    if (!state) throw new Error(`version ${side.name} is missing`);
    return state;
  };
  const run = async () => {
    setRunning(true);
    try {
      const [docA, docB] = await Promise.all([load(a), load(b)]);
      const input = { a: docA, b: docB, options: { gkZone: data.project.settings.gkZone } };
      const result = await withJob(workbench, T.running, 'compareStates', input);
      if (!result) return;
      const labels: [Bilingual, Bilingual] = [sideLabel(a), sideLabel(b)];
      const next = { projectId, a: docA, b: docB, bIsCurrent: b.kind === 'current', result, labels };
      last = next;
      setComparison(next);
      map.current?.showComparison(viewOf(next));
    } catch (error) {
      workbench.reportError(error);
    } finally {
      setRunning(false);
    }
  };
  const show = (target: CompareTarget) => {
    const planMap = map.current;
    if (!planMap || !comparison) return;
    planMap.showComparison(viewOf(comparison));
    // Zones that exist now are framed whole; anything else is centred on its land.
    const now = new Set(comparison.bIsCurrent ? comparison.b.zones.map((z) => z.id) : []);
    const ids = target.kind === 'unit' ? target.unit.after : [target.change.zoneId];
    const shown = ids.filter((id) => now.has(id));
    const zoneOf = (id: string) => [...comparison.b.zones, ...comparison.a.zones].find((z) => z.id === id);
    const geometry =
      target.kind === 'unit'
        ? (target.unit.gained ?? target.unit.lost)
        : (zoneOf(target.change.zoneId)?.geometry ?? null);
    if (shown.length) planMap.zoomToZones(shown);
    else if (geometry) planMap.zoomToPoint(interiorPoint(geometry));
    close();
  };
  const names = new Map<string, string>();
  for (const o of [...(comparison?.a.objects ?? []), ...(comparison?.b.objects ?? [])])
    names.set(o.id, o.attributes.name);
  const result = comparison?.result;
  return (
    <Modal id="compare" open onClose={close} title={T.compare[lang]}>
      <div className="compare-dialog">
        <div className="area-statistics-controls">
          <SidePicker
            label={T.sideA[lang]}
            side={a}
            versions={versions}
            file={file}
            onChange={setA}
            onPickFile={() => void pickFile(setA)}
          />{' '}
          <SidePicker
            label={T.sideB[lang]}
            side={b}
            versions={versions}
            file={file}
            onChange={setB}
            onPickFile={() => void pickFile(setB)}
          />{' '}
          <button type="button" onClick={() => void run()} disabled={running}>
            {running ? T.running[lang] : T.run[lang]}
          </button>
        </div>
        {result && (
          <>
            <div className="area-statistics-controls">
              <label>
                {T.unit[lang]}{' '}
                <select
                  aria-label={T.unit[lang]}
                  value={unit}
                  onChange={(e) => setUnit(e.target.value as AreaUnit)}
                >
                  {AREA_UNITS.map((u) => (
                    <option key={u} value={u}>
                      {AREA_UNIT_LABELS[u][lang]}
                    </option>
                  ))}
                </select>
              </label>{' '}
              <label>
                <input
                  type="checkbox"
                  checked={swipe}
                  onChange={(e) => {
                    setSwipe(e.target.checked);
                    map.current?.setSwipe(e.target.checked);
                  }}
                />{' '}
                {T.swipe[lang]}
              </label>{' '}
              <button
                type="button"
                onClick={() => {
                  map.current?.showComparison(null);
                  last = null;
                  setComparison(null);
                }}
              >
                {T.clear[lang]}
              </button>{' '}
              <button type="button" onClick={() => setExporting(true)}>
                {T.exportLayer[lang]}
              </button>
              {comparison && (
                <ReportButtons
                  projectName={data.project.settings.name}
                  change={async () => ({
                    result: comparison.result,
                    a: { label: comparison.labels[0], document: comparison.a },
                    b: { label: comparison.labels[1], document: comparison.b },
                    gkZone: data.project.settings.gkZone,
                  })}
                />
              )}
            </div>
            {result.matchedShare < 0.5 && <p className="warning">{T.otherProject[lang]}</p>}
            {result.zones.length === 0 && result.objects.length === 0 && (
              <p role="status">{T.noChange[lang]}</p>
            )}
            {exporting && comparison && (
              <ChangeExportDialog comparison={comparison} names={names} onDone={() => setExporting(false)} />
            )}
            <CompareTable result={result} names={names} unit={unit} lang={lang} onShow={show} />
            <p className="hint">{T.areaNote[lang]}</p>
          </>
        )}
      </div>
    </Modal>
  );
}

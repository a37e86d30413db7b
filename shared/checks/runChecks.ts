import type { ProjectDocument } from '../formats/projectDocument';
import { attributeChecks } from './attributeChecks';
import { DEFAULT_CHECK_OPTIONS, SEVERITY_ORDER, type CheckOptions, type Finding } from './findings';
import { nestingChecks } from './nestingChecks';
import { overlapChecks } from './overlapChecks';
import { planarZone, type PlanarZone } from './planarZones';
import { shapeChecks, type Emit } from './shapeChecks';

export type CheckDocument = Pick<ProjectDocument, 'objects' | 'zones'> & {
  settings: { gkZone: number };
};

export interface CheckReport {
  findings: Finding[];
  /** Zones examined (all, or those of `options.objectIds`). */
  zoneCount: number;
  /** The objects whose findings this report replaces (all when null). */
  objectIds: string[] | null;
  elapsedMs: number;
}

/**
 * The heritage checker: geometry validity, spikes, slivers, multipart, per-object nesting and
 * partition, overlaps between objects, required attributes. Pure and synchronous: the app runs it
 * in a worker (job kind `runChecks`); benchmarks call it from Node. Progress goes 0 → 1.
 */
export function runChecks(
  document: CheckDocument,
  options: Partial<CheckOptions> = {},
  progress: (fraction: number) => void = () => {},
): CheckReport {
  const started = performance.now();
  const opts: CheckOptions = { ...DEFAULT_CHECK_OPTIONS, gkZone: document.settings.gkZone, ...options };
  const focus = opts.objectIds ? new Set(opts.objectIds) : null;
  const findings: Finding[] = [];
  const ids = new Set<string>();
  const emit: Emit = ({ key, ...finding }) => {
    let id = `${finding.code}:${finding.zoneIds.join('+')}:${key}`;
    for (let n = 2; ids.has(id); n++) id = `${finding.code}:${finding.zoneIds.join('+')}:${key}#${n}`;
    ids.add(id);
    findings.push({ id, ...finding });
  };
  const planar: PlanarZone[] = [];
  const broken = new Set<string>();
  const byObject = new Map<string, PlanarZone[]>();
  const total = document.zones.length;
  document.zones.forEach((zone, i) => {
    const z = planarZone(zone, opts.gkZone);
    planar.push(z);
    if (focus && !focus.has(zone.objectId)) return;
    const list = byObject.get(zone.objectId) ?? [];
    list.push(z);
    byObject.set(zone.objectId, list);
    const before = findings.length;
    shapeChecks(z, opts, emit);
    // Overlays on a broken geometry mean nothing: such zones are left out of the area checks.
    if (findings.slice(before).some((f) => f.severity === 'error')) broken.add(zone.id);
    attributeChecks(z, opts, emit);
    if (i % 200 === 0) progress((0.5 * i) / total);
  });
  const objectTypes = new Map(document.objects.map((o) => [o.id, o.attributes.objectType]));
  let done = 0;
  for (const [objectId, zones] of byObject) {
    const sound = zones.filter((z) => !broken.has(z.zone.id));
    nestingChecks(objectId, objectTypes.get(objectId), sound, opts, emit);
    if (++done % 100 === 0) progress(0.5 + (0.3 * done) / byObject.size);
  }
  progress(0.8);
  overlapChecks(
    planar.filter((z) => !broken.has(z.zone.id)),
    opts,
    emit,
    focus,
  );
  progress(1);
  findings.sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.id.localeCompare(b.id),
  );
  return {
    findings,
    zoneCount: focus ? [...byObject.values()].reduce((s, l) => s + l.length, 0) : total,
    objectIds: focus ? [...focus] : null,
    elapsedMs: performance.now() - started,
  };
}

/**
 * Merge a live (per-object) report into the previous findings: findings touching any zone of the
 * re-checked objects are replaced, the rest kept.
 */
export function mergeReport(
  previous: readonly Finding[],
  report: CheckReport,
  zoneObject: ReadonlyMap<string, string>,
): Finding[] {
  if (!report.objectIds) return report.findings;
  const scope = new Set(report.objectIds);
  const kept = previous.filter(
    (f) =>
      !(f.objectId && scope.has(f.objectId)) && !f.zoneIds.some((id) => scope.has(zoneObject.get(id) ?? '')),
  );
  return [...kept, ...report.findings].sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.id.localeCompare(b.id),
  );
}

import { useCallback, useEffect, useRef, useState } from 'react';
import type { Finding } from '../../shared/checks/findings';
import { mergeReport, type CheckDocument } from '../../shared/checks/runChecks';
import { JobCancelled, runJob } from '../jobs/runJob';
import type { ProjectData } from './hooks/useProjectData';

/** Debounce between the last edit and the live re-check, ms. */
const LIVE_DELAY_MS = 400;

function documentOf(data: ProjectData): CheckDocument {
  return { settings: { gkZone: data.project.settings.gkZone }, objects: data.objects, zones: data.zones };
}

/** Objects whose own record or any of whose zones changed between two snapshots; null = all. */
function changedObjects(before: ProjectData | null, after: ProjectData): string[] | null {
  if (!before || before.project.id !== after.project.id) return null;
  const changed = new Set<string>();
  const stamp = (list: readonly { id: string; updatedAt: string }[]) =>
    new Map(list.map((r) => [r.id, r.updatedAt]));
  const oldZones = new Map(before.zones.map((z) => [z.id, z]));
  const newZones = new Map(after.zones.map((z) => [z.id, z]));
  for (const [id, z] of newZones) {
    const old = oldZones.get(id);
    if (!old || old.updatedAt !== z.updatedAt) {
      changed.add(z.objectId);
      if (old) changed.add(old.objectId);
    }
  }
  for (const [id, z] of oldZones) if (!newZones.has(id)) changed.add(z.objectId);
  const oldObjects = stamp(before.objects);
  for (const o of after.objects) if (oldObjects.get(o.id) !== o.updatedAt) changed.add(o.id);
  if (after.project.settings.gkZone !== before.project.settings.gkZone) return null;
  return [...changed];
}

export interface ChecksState {
  findings: Finding[] | null;
  /** 0…1 while a full check runs, else null. */
  progress: number | null;
  runFull(): void;
}

/**
 * Findings kept up to date while editing: each change re-checks only the objects it touched (in a
 * worker, debounced) and merges the result; the full check re-checks everything with progress.
 */
export function useChecks(
  data: ProjectData | null | undefined,
  live: boolean,
  onError: (error: unknown) => void,
): ChecksState {
  const [findings, setFindings] = useState<Finding[] | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const checked = useRef<ProjectData | null>(null);
  const current = useRef<Finding[] | null>(null);
  const abort = useRef<AbortController | null>(null);

  const run = useCallback(
    async (snapshot: ProjectData, objectIds: string[] | null, withProgress: boolean) => {
      abort.current?.abort();
      const controller = new AbortController();
      abort.current = controller;
      if (withProgress) setProgress(0);
      try {
        const report = await runJob(
          'runChecks',
          { document: documentOf(snapshot), options: objectIds ? { objectIds } : {} },
          { signal: controller.signal, ...(withProgress ? { onProgress: setProgress } : {}) },
        );
        const zoneObject = new Map(snapshot.zones.map((z) => [z.id, z.objectId]));
        const next =
          current.current && objectIds ? mergeReport(current.current, report, zoneObject) : report.findings;
        current.current = next;
        checked.current = snapshot;
        setFindings(next);
      } catch (error) {
        if (!(error instanceof JobCancelled)) onError(error);
      } finally {
        if (abort.current === controller) {
          abort.current = null;
          setProgress(null);
        }
      }
    },
    [onError],
  );

  useEffect(() => {
    if (!data || !live) return;
    const objectIds = current.current ? changedObjects(checked.current, data) : null;
    if (objectIds && objectIds.length === 0) return;
    const timer = setTimeout(() => void run(data, objectIds, false), LIVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [data, live, run]);

  useEffect(
    () => () => {
      abort.current?.abort();
    },
    [],
  );

  const runFull = useCallback(() => {
    if (data) void run(data, null, true);
  }, [data, run]);
  return { findings, progress, runFull };
}

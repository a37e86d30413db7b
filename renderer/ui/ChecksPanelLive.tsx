import { useCallback, useEffect, useRef, useState } from 'react';
import type { Finding } from '../../shared/checks/findings';
import { mergeReport } from '../../shared/checks/runChecks';
import { JobCancelled } from '../jobs/runJob';
import { checkStoredProject } from '../editor/checksClient';
import type { ChangedRecords } from '../editor/storedChecks';
import type { ProjectData } from './hooks/useProjectData';

/** Debounce between the last edit and the live re-check, ms. */
const LIVE_DELAY_MS = 400;

/**
 * What changed between two snapshots: the zones and objects (ids, for the checks worker to
 * re-read) and the objects whose findings to replace (an object whose own record or any of whose
 * zones changed). Null: check everything (another project, another GK zone, nothing checked yet).
 */
function changesBetween(
  before: ProjectData | null,
  after: ProjectData,
): (ChangedRecords & { affected: string[] }) | null {
  if (!before || before.project.id !== after.project.id) return null;
  if (after.project.settings.gkZone !== before.project.settings.gkZone) return null;
  const affected = new Set<string>();
  const zones: string[] = [];
  const objects: string[] = [];
  const oldZones = new Map(before.zones.map((z) => [z.id, z]));
  const newZones = new Set<string>();
  for (const z of after.zones) {
    newZones.add(z.id);
    const old = oldZones.get(z.id);
    if (old === z) continue;
    if (!old || old.updatedAt !== z.updatedAt || old.objectId !== z.objectId) {
      zones.push(z.id);
      affected.add(z.objectId);
      if (old) affected.add(old.objectId);
    }
  }
  for (const [id, z] of oldZones)
    if (!newZones.has(id)) {
      zones.push(id);
      affected.add(z.objectId);
    }
  const oldObjects = new Map(before.objects.map((o) => [o.id, o]));
  const newObjects = new Set<string>();
  for (const o of after.objects) {
    newObjects.add(o.id);
    const old = oldObjects.get(o.id);
    if (old !== o && old?.updatedAt !== o.updatedAt) {
      objects.push(o.id);
      affected.add(o.id);
    }
  }
  for (const id of oldObjects.keys()) if (!newObjects.has(id)) objects.push(id);
  return { zones, objects, affected: [...affected] };
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
    async (snapshot: ProjectData, changes: ReturnType<typeof changesBetween>, withProgress: boolean) => {
      // A full check (with progress) stops whatever runs; live checks queue in the worker, one
      // after the other, each relative to the last one that finished.
      if (withProgress) abort.current?.abort();
      const controller = new AbortController();
      abort.current = controller;
      if (withProgress) setProgress(0);
      const objectIds = changes?.affected ?? null;
      try {
        const request = {
          projectId: snapshot.project.id,
          changed: changes && { zones: changes.zones, objects: changes.objects },
          options: objectIds ? { objectIds } : {},
        };
        const report = await checkStoredProject(
          request,
          withProgress ? { signal: controller.signal, onProgress: setProgress } : {},
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
    const changes = current.current ? changesBetween(checked.current, data) : null;
    if (changes && changes.affected.length === 0 && changes.objects.length === 0) return;
    const timer = setTimeout(() => void run(data, changes, false), LIVE_DELAY_MS);
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

import { derivationState, requestFromDerivation, shapeIndex } from '../../shared/derive/record';
import { type DeriveRequest } from '../../shared/derive/types';
import type { Zone } from '../../shared/domain/schema';
import { runJob } from '../jobs/runJob';
import type { ChangeSet } from '../storage/records';
import { regenerateDerivedZones, type Regenerated } from './commands/deriveCommands';
import type { Workbench } from './workbench';

/** Derived zones among `zones` whose source changed since they were derived. */
export function staleZones(zones: readonly Zone[]): Zone[] {
  const byId = new Map(zones.map((z) => [z.id, z.geometry]));
  return zones.filter((z) => derivationState(z.attributes.derivation, (id) => byId.get(id)) === 'stale');
}

/**
 * Recompute the given derived zones from their sources' current geometry in the worker, then
 * write them as one commit (one undo step). Refusals become an error notice; false if nothing
 * was written.
 */
export async function regenerate(
  workbench: Workbench,
  targets: readonly Zone[],
  all: readonly Zone[],
  gkZone: number,
): Promise<boolean> {
  const byId = new Map(all.map((z) => [z.id, z.geometry]));
  const jobs: { zone: Zone; request: DeriveRequest }[] = [];
  for (const zone of targets) {
    const d = zone.attributes.derivation;
    if (!d) continue;
    const request = requestFromDerivation(d, d.sourceZoneId ? (byId.get(d.sourceZoneId) ?? null) : null);
    if (request) jobs.push({ zone, request });
  }
  if (jobs.length === 0) return false;
  try {
    const results = await runJob('deriveZones', { requests: jobs.map((j) => j.request), gkZone });
    const updates: Regenerated[] = jobs.map((j, i) => {
      const shapes = results[i]!;
      const shape = shapes[Math.min(shapeIndex(j.zone.attributes.derivation!), shapes.length - 1)]!;
      return { zoneId: j.zone.id, request: j.request, shape };
    });
    return (await workbench.run(regenerateDerivedZones(updates))) !== null;
  } catch (error) {
    workbench.reportError(error);
    return false;
  }
}

/** Zones a change set wrote (created or changed, not deleted). */
export function writtenZoneIds(changes: ChangeSet): Set<string> {
  const ids = new Set<string>();
  for (const c of changes) if (c.table === 'zones' && c.after) ids.add(c.key);
  return ids;
}

/**
 * The project setting autoRegenerateDerived: after a commit that changed a source zone, its
 * stale derived zones are regenerated right away, as a commit (and undo step) of their own —
 * deriving runs in a worker, which cannot happen inside the source edit's transaction. Undo of
 * the source edit therefore takes two steps: the regeneration first, then the edit.
 */
export async function autoRegenerate(workbench: Workbench, written: ReadonlySet<string>): Promise<void> {
  if (written.size === 0) return;
  const projectId = workbench.state.get().projectId;
  const project = projectId ? await workbench.store.read.project(projectId) : undefined;
  if (!project?.settings.autoRegenerateDerived) return;
  const all = await workbench.store.read.zonesOfProject(project.id);
  const targets = staleZones(all).filter((z) => written.has(z.attributes.derivation!.sourceZoneId!));
  if (targets.length > 0) await regenerate(workbench, targets, all, project.settings.gkZone);
}

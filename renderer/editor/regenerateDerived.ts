import { derivationState, requestFromDerivation, shapeIndex } from '../../shared/derive/record';
import { type DeriveRequest } from '../../shared/derive/types';
import type { Zone } from '../../shared/domain/schema';
import { runJob } from '../jobs/runJob';
import type { CommitResult } from '../storage/commit';
import type { ChangeSet } from '../storage/records';
import type { Queries } from '../storage/store';
import type { Command } from './commands/command';
import { regenerateDerivedZones, type Regenerated } from './commands/deriveCommands';

/**
 * Regeneration computes a command; whoever runs commands (the Workbench) writes it. This module
 * knows nothing of the Workbench: it only needs something that runs a command and reports.
 */
export interface CommandRunner {
  run(command: Command): Promise<CommitResult | null>;
  reportError(error: unknown): void;
}

/** Derived zones among `zones` whose source changed since they were derived. */
export function staleZones(zones: readonly Zone[]): Zone[] {
  const byId = new Map(zones.map((z) => [z.id, z.geometry]));
  return zones.filter((z) => derivationState(z.attributes.derivation, (id) => byId.get(id)) === 'stale');
}

/**
 * Recompute the given derived zones from their sources' current geometry in the worker: the
 * command that writes them (one change set), or null when there is nothing to regenerate.
 */
export async function regenerationCommand(
  targets: readonly Zone[],
  all: readonly Zone[],
  gkZone: number,
): Promise<Command | null> {
  const byId = new Map(all.map((z) => [z.id, z.geometry]));
  const jobs: { zone: Zone; request: DeriveRequest }[] = [];
  for (const zone of targets) {
    const d = zone.attributes.derivation;
    if (!d) continue;
    const request = requestFromDerivation(d, d.sourceZoneId ? (byId.get(d.sourceZoneId) ?? null) : null);
    if (request) jobs.push({ zone, request });
  }
  if (jobs.length === 0) return null;
  const results = await runJob('deriveZones', { requests: jobs.map((j) => j.request), gkZone });
  const updates: Regenerated[] = jobs.map((j, i) => {
    const shapes = results[i]!;
    const shape = shapes[Math.min(shapeIndex(j.zone.attributes.derivation!), shapes.length - 1)]!;
    return { zoneId: j.zone.id, request: j.request, shape };
  });
  return regenerateDerivedZones(updates);
}

/**
 * Regenerate on the planner's request (one undo step of its own). Refusals become an error
 * notice; false if nothing was written.
 */
export async function regenerate(
  runner: CommandRunner,
  targets: readonly Zone[],
  all: readonly Zone[],
  gkZone: number,
): Promise<boolean> {
  try {
    const command = await regenerationCommand(targets, all, gkZone);
    return command !== null && (await runner.run(command)) !== null;
  } catch (error) {
    runner.reportError(error);
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
 * The project setting autoRegenerateDerived: after a commit that changed a source zone, the
 * command regenerating its stale derived zones (null when the setting is off or none is stale).
 * Deriving runs in a worker, which cannot happen inside the source edit's transaction; the
 * Workbench commits the command as an amendment of the edit's undo step (workbench.ts).
 */
export async function autoRegeneration(
  read: Queries,
  projectId: string,
  written: ReadonlySet<string>,
): Promise<Command | null> {
  if (written.size === 0) return null;
  const project = await read.project(projectId);
  if (!project?.settings.autoRegenerateDerived) return null;
  const all = await read.zonesOfProject(project.id);
  const targets = staleZones(all).filter((z) => written.has(z.attributes.derivation!.sourceZoneId!));
  return targets.length > 0 ? regenerationCommand(targets, all, project.settings.gkZone) : null;
}

import type { Position, ZoneGeometry } from '../../../shared/domain/geometry';
import type { Bilingual } from '../../../shared/domain/labels';
import type { Zone } from '../../../shared/domain/schema';
import { OpError } from '../../../shared/geometry/ops/opError';
import { clipZone, differenceZones, unionZones } from '../../../shared/geometry/ops/overlay';
import { removeSpikes, simplifyZone } from '../../../shared/geometry/ops/simplify';
import { reshapeZone, splitZone } from '../../../shared/geometry/ops/split';
import { commitError } from '../../storage/commitError';
import type { Reader } from '../../storage/reader';
import type { Put } from '../../storage/records';
import { newId, now, type Command } from './command';

/**
 * Geometry operations as commands: each reads the zones inside the commit, computes in the
 * project's Gauss-Krüger plane (shared/geometry/ops) and writes the result as one undo step.
 */
async function zonesOrFail(read: Reader, ids: readonly string[]): Promise<Zone[]> {
  const zones = await read.zones(ids);
  if (zones.length !== ids.length) {
    throw commitError('zones', { zh: '所选区划已不存在', en: 'A selected zone no longer exists' });
  }
  return zones;
}

async function gkZoneOf(read: Reader, zone: Zone): Promise<number> {
  const project = await read.project(zone.projectId);
  if (!project)
    throw commitError(`projects/${zone.projectId}`, { zh: '项目不存在', en: 'The project does not exist' });
  return project.settings.gkZone;
}

/** Run an operation, turning its refusal into a commit error naming the zone. */
function attempt<T>(zone: Zone, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof OpError) throw commitError(`zones/${zone.id}`, error.reason);
    throw error;
  }
}

const put = (zone: Zone, geometry: ZoneGeometry, at: string): Put => ({
  table: 'zones',
  key: zone.id,
  value: { ...zone, geometry, updatedAt: at },
});

function op(label: Bilingual, build: (read: Reader, at: string) => Promise<Put[]>): Command {
  return { label, undo: 'record', build: (read) => build(read, now()) };
}

/** Split a zone by a drawn line: the largest part keeps the zone, the others become new zones. */
export function splitZoneCommand(zoneId: string, line: readonly Position[]): Command {
  return op({ zh: '分割区划', en: 'Split zone' }, async (read, at) => {
    const [zone] = await zonesOrFail(read, [zoneId]);
    const gkZone = await gkZoneOf(read, zone!);
    const parts = attempt(zone!, () => splitZone(zone!.geometry, line, { gkZone }));
    return parts.map((geometry, i): Put => {
      if (i === 0) return put(zone!, geometry, at);
      const id = newId();
      return { table: 'zones', key: id, value: { ...zone!, id, geometry, createdAt: at, updatedAt: at } };
    });
  });
}

/**
 * Which merged zone keeps its id and attributes: the first (in selection order) that a derived
 * zone names as its source, so the derivation keeps pointing at the merged shape (and shows
 * "source changed"); else the first selected.
 */
function lineageKeeper(zones: readonly Zone[], derived: readonly Zone[]): Zone {
  const sources = new Set(derived.map((z) => z.attributes.derivation?.sourceZoneId));
  return zones.find((z) => sources.has(z.id)) ?? zones[0]!;
}

/**
 * Merge the selected zones into one; the others are removed. Derived zones whose source was one
 * of the removed zones now name the kept one (their recorded source hash no longer matches, so
 * they show as stale), all in the same undo step.
 */
export function mergeZonesCommand(zoneIds: readonly string[]): Command {
  return op({ zh: `合并${zoneIds.length}个区划`, en: `Merge ${zoneIds.length} zones` }, async (read, at) => {
    const zones = await zonesOrFail(read, zoneIds);
    const merged = new Set(zoneIds);
    const derived = (await read.zonesOfProject(zones[0]!.projectId)).filter(
      (z) => !merged.has(z.id) && merged.has(z.attributes.derivation?.sourceZoneId ?? ''),
    );
    const keep = lineageKeeper(zones, derived);
    const gkZone = await gkZoneOf(read, keep);
    const geometry = attempt(keep, () =>
      unionZones(
        zones.map((z) => z.geometry),
        { gkZone },
      ),
    );
    const repointed = derived
      .filter((z) => z.attributes.derivation!.sourceZoneId !== keep.id)
      .map((z): Put => {
        const derivation = { ...z.attributes.derivation!, sourceZoneId: keep.id };
        return {
          table: 'zones',
          key: z.id,
          value: { ...z, attributes: { ...z.attributes, derivation }, updatedAt: at },
        };
      });
    return [
      put(keep, geometry, at),
      ...zones.filter((z) => z.id !== keep.id).map((z): Put => ({ table: 'zones', key: z.id, value: null })),
      ...repointed,
    ];
  });
}

/** Cut `cutterId` out of `targetId` (difference) or keep only the part inside it (clip). */
export function overlayCommand(kind: 'difference' | 'clip', targetId: string, otherId: string): Command {
  const label =
    kind === 'difference' ? { zh: '裁除区划', en: 'Cut out zone' } : { zh: '按区划裁剪', en: 'Clip to zone' };
  return op(label, async (read, at) => {
    const [target, other] = await zonesOrFail(read, [targetId, otherId]);
    const gkZone = await gkZoneOf(read, target!);
    const fn = kind === 'difference' ? differenceZones : clipZone;
    return [
      put(
        target!,
        attempt(target!, () => fn(target!.geometry, other!.geometry, { gkZone })),
        at,
      ),
    ];
  });
}

/** Reshape a zone's boundary with a drawn line. */
export function reshapeZoneCommand(zoneId: string, line: readonly Position[]): Command {
  return op({ zh: '修整边界', en: 'Reshape boundary' }, async (read, at) => {
    const [zone] = await zonesOrFail(read, [zoneId]);
    const gkZone = await gkZoneOf(read, zone!);
    return [
      put(
        zone!,
        attempt(zone!, () => reshapeZone(zone!.geometry, line, { gkZone })),
        at,
      ),
    ];
  });
}

/** Simplify the selected zones within a tolerance in metres. */
export function simplifyZonesCommand(zoneIds: readonly string[], toleranceM: number): Command {
  return op(
    { zh: `简化边界（${toleranceM}米）`, en: `Simplify boundary (${toleranceM} m)` },
    async (read, at) => {
      const zones = await zonesOrFail(read, zoneIds);
      const puts: Put[] = [];
      for (const zone of zones) {
        const gkZone = await gkZoneOf(read, zone);
        puts.push(
          put(
            zone,
            attempt(zone, () => simplifyZone(zone.geometry, toleranceM, { gkZone })),
            at,
          ),
        );
      }
      return puts;
    },
  );
}

/** Remove spikes (angles below 10°) from the selected zones; zones without spikes are left alone. */
export function removeSpikesCommand(zoneIds: readonly string[]): Command {
  return op({ zh: '去除尖刺', en: 'Remove spikes' }, async (read, at) => {
    const zones = await zonesOrFail(read, zoneIds);
    const puts: Put[] = [];
    for (const zone of zones) {
      const gkZone = await gkZoneOf(read, zone);
      try {
        puts.push(put(zone, removeSpikes(zone.geometry, { gkZone }).geometry, at));
      } catch (error) {
        // With several zones selected, one without spikes is simply left as it is.
        if (!(error instanceof OpError) || zones.length === 1) {
          attempt(zone, () => {
            throw error;
          });
        }
      }
    }
    return puts;
  });
}

import type { Bilingual } from '../../../shared/domain/labels';
import type { ProtectedObject, Zone } from '../../../shared/domain/schema';
import {
  OBJECT_PROPERTIES,
  ZONE_PROPERTIES,
  getPath,
  setPath,
} from '../../../shared/formats/geojson/properties';
import type { ProjectDocument } from '../../../shared/formats/projectDocument';
import type { Reader } from '../../storage/reader';
import type { Put } from '../../storage/records';
import { sameRecord } from '../../storage/sameRecord';
import { now } from './command';
import { idClaimer } from './documentPuts';
import { sameShape } from './sameShape';

/** What accepting an import does to the open project's zones (and their objects). */
export interface ImportSummary {
  added: number;
  /** Zones whose attributes, geometry or object changed. */
  updated: number;
  unchanged: number;
  objectsAdded: number;
  objectsUpdated: number;
}

type Attributes = Record<string, unknown>;

/** Attribute paths (below `attributes`) of the properties a file supplied; null: all of them. */
function attributePaths(
  mapped: readonly string[] | undefined,
  table: typeof ZONE_PROPERTIES,
): string[] | null {
  if (!mapped) return null;
  return table
    .filter((m) => mapped.includes(m.property) && m.path.startsWith('attributes.'))
    .map((m) => m.path.slice('attributes.'.length));
}

/** The stored attributes with what the file supplied laid over them; the rest stays as it was. */
function merge(stored: Attributes, imported: Attributes, paths: string[] | null): Attributes {
  if (!paths) return imported;
  const out = structuredClone(stored);
  for (const path of paths) setPath(out, path, structuredClone(getPath(imported, path)));
  return out;
}

function mergeZone(stored: Zone['attributes'], imported: Zone['attributes'], paths: string[] | null) {
  const out = merge(stored, imported, paths) as Zone['attributes'];
  // A zone that stops being a CCZ loses what only a CCZ has (the write door would refuse it).
  if (out.zoneType !== 'construction_control_zone') return { ...out, cczClass: null, sameAsRange: false };
  return out;
}

function mergeObject(
  stored: ProtectedObject['attributes'],
  imported: ProtectedObject['attributes'],
  paths: string[] | null,
) {
  const out = merge(stored, imported, paths) as ProtectedObject['attributes'];
  return out.objectType === 'relic_unit' ? out : { ...out, category: null };
}

const nameKey = (a: ProtectedObject['attributes']) => `${a.name}|${a.objectType}`;

/**
 * The puts that bring an import into a project, and what they amount to. A zone that carries the
 * id of one of the project's zones — or the BSM one of them stores — updates it: attributes the
 * file supplied (`mappedProperties`) replace the stored ones, the others stay; a geometry equal
 * within 1 cm (sameShape) keeps the stored one. Objects match by id, else by name and type.
 * Everything else is added, keeping its id where no record anywhere holds it. Nothing that
 * would not change is put, so an unchanged re-import writes nothing.
 */
export async function importPlan(
  read: Reader,
  projectId: string,
  document: Pick<ProjectDocument, 'objects' | 'zones'>,
  mappedProperties?: readonly string[],
): Promise<{ puts: Put[]; summary: ImportSummary }> {
  const at = now();
  const summary: ImportSummary = { added: 0, updated: 0, unchanged: 0, objectsAdded: 0, objectsUpdated: 0 };
  const puts: Put[] = [];
  const claim = await idClaimer(read, document);

  const objects = await read.objectsOfProject(projectId);
  const objectsById = new Map(objects.map((o) => [o.id, o]));
  const objectsByName = new Map<string, ProtectedObject>();
  for (const o of objects)
    if (!objectsByName.has(nameKey(o.attributes))) objectsByName.set(nameKey(o.attributes), o);
  const objectPaths = attributePaths(mappedProperties, OBJECT_PROPERTIES);
  const objectIds = new Map<string, string>();
  for (const object of document.objects) {
    const match = objectsById.get(object.id) ?? objectsByName.get(nameKey(object.attributes));
    if (match) {
      objectIds.set(object.id, match.id);
      const attributes = mergeObject(match.attributes, object.attributes, objectPaths);
      if (sameRecord(attributes, match.attributes)) continue;
      puts.push({ table: 'objects', key: match.id, value: { ...match, attributes, updatedAt: at } });
      summary.objectsUpdated++;
    } else {
      const id = claim(object.id, 'objects');
      objectIds.set(object.id, id);
      puts.push({ table: 'objects', key: id, value: { ...object, id, projectId } });
      summary.objectsAdded++;
    }
  }

  const zones = await read.zonesOfProject(projectId);
  const zonesById = new Map(zones.map((z) => [z.id, z]));
  const bsmCount = new Map<string, number>();
  for (const z of zones)
    if (z.attributes.bsm) bsmCount.set(z.attributes.bsm, (bsmCount.get(z.attributes.bsm) ?? 0) + 1);
  // A BSM two stored zones share identifies neither.
  const zonesByBsm = new Map(
    zones.filter((z) => bsmCount.get(z.attributes.bsm) === 1).map((z) => [z.attributes.bsm, z]),
  );
  const zonePaths = attributePaths(mappedProperties, ZONE_PROPERTIES);
  const zoneIds = new Map<string, string>();
  const matched = new Set<string>();
  const pending: { zone: (typeof document.zones)[number]; id: string; stored: Zone | null }[] = [];
  for (const zone of document.zones) {
    const byId = zonesById.get(zone.id);
    const byBsm = zone.attributes.bsm ? zonesByBsm.get(zone.attributes.bsm) : undefined;
    const stored = [byId, byBsm].find((z) => z && !matched.has(z.id)) ?? null;
    if (stored) matched.add(stored.id);
    const id = stored ? stored.id : claim(zone.id, 'zones');
    zoneIds.set(zone.id, id);
    pending.push({ zone, id, stored });
  }
  for (const { zone, id, stored } of pending) {
    const objectId = objectIds.get(zone.objectId) ?? zone.objectId;
    const supersedes = (a: Zone['attributes']) =>
      a.supersedesId && zoneIds.has(a.supersedesId)
        ? { ...a, supersedesId: zoneIds.get(a.supersedesId)! }
        : a;
    if (!stored) {
      const attributes = supersedes(zone.attributes);
      puts.push({ table: 'zones', key: id, value: { ...zone, id, projectId, objectId, attributes } });
      summary.added++;
      continue;
    }
    const attributes = supersedes(mergeZone(stored.attributes, zone.attributes, zonePaths));
    const geometry = sameShape(stored.geometry, zone.geometry) ? stored.geometry : zone.geometry;
    if (
      objectId === stored.objectId &&
      geometry === stored.geometry &&
      sameRecord(attributes, stored.attributes)
    ) {
      summary.unchanged++;
      continue;
    }
    puts.push({
      table: 'zones',
      key: id,
      value: { ...stored, objectId, attributes, geometry, updatedAt: at },
    });
    summary.updated++;
  }
  return { puts, summary };
}

/** "2 updated, 5 unchanged, 0 added" as the dialog and the notice say it. */
export function summaryText(s: ImportSummary): Bilingual {
  const objects =
    s.objectsAdded || s.objectsUpdated
      ? {
          zh: `；保护对象新增 ${s.objectsAdded} 个，更新 ${s.objectsUpdated} 个`,
          en: `; objects: ${s.objectsAdded} added, ${s.objectsUpdated} updated`,
        }
      : { zh: '', en: '' };
  return {
    zh: `区划：新增 ${s.added} 个，更新 ${s.updated} 个，未变 ${s.unchanged} 个${objects.zh}`,
    en: `Zones: ${s.added} added, ${s.updated} updated, ${s.unchanged} unchanged${objects.en}`,
  };
}

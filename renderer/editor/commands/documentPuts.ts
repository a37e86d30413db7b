import type { ProjectDocument } from '../../../shared/formats/projectDocument';
import type { Reader } from '../../storage/reader';
import type { Put } from '../../storage/records';
import { newId } from './command';

/**
 * Puts that insert a document's objects and zones into a project. Ids are kept where they are
 * free, so a file opened or imported once keeps its identities; an id already used in the store
 * (the same file opened twice) gets a fresh one, and references to it follow (`ids` receives
 * every record's old id → new id, for references held outside the document).
 */
export async function documentPuts(
  read: Reader,
  projectId: string,
  document: Pick<ProjectDocument, 'objects' | 'zones'>,
  ids = new Map<string, string>(),
): Promise<Put[]> {
  const claimFree = await idClaimer(read, document);
  const claim = (id: string, table: 'objects' | 'zones') => {
    const next = claimFree(id, table);
    ids.set(id, next);
    return next;
  };

  const puts: Put[] = [];
  for (const object of document.objects) {
    const id = claim(object.id, 'objects');
    puts.push({ table: 'objects', key: id, value: { ...object, id, projectId } });
  }
  const zoneIds: string[] = [];
  for (const zone of document.zones) zoneIds.push(claim(zone.id, 'zones'));
  document.zones.forEach((zone, i) => {
    const id = zoneIds[i]!;
    const supersedesId = zone.attributes.supersedesId;
    const attributes = supersedesId
      ? { ...zone.attributes, supersedesId: ids.get(supersedesId) ?? supersedesId }
      : zone.attributes;
    const objectId = ids.get(zone.objectId) ?? zone.objectId;
    puts.push({ table: 'zones', key: id, value: { ...zone, id, projectId, objectId, attributes } });
  });
  return puts;
}

/**
 * Hands out ids for a document's records: the record's own id while no stored record and no
 * earlier claim holds it, else a fresh one. The store is asked once per table, not once per record.
 */
export async function idClaimer(
  read: Reader,
  document: Pick<ProjectDocument, 'objects' | 'zones'>,
): Promise<(id: string, table: 'objects' | 'zones') => string> {
  const existing = {
    objects: await read.existingIds(
      'objects',
      document.objects.map((o) => o.id),
    ),
    zones: await read.existingIds(
      'zones',
      document.zones.map((z) => z.id),
    ),
  };
  const taken = new Set<string>();
  return (id, table) => {
    const next = !taken.has(id) && !existing[table].has(id) ? id : newId();
    taken.add(next);
    return next;
  };
}

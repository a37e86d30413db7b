import {
  ObjectAttributesSchema,
  ZoneAttributesSchema,
  type ProtectedObject,
  type Zone,
} from '../../../shared/domain/schema';
import { canonicalJson } from '../../../shared/review/contentHash';

/** What happened to one record between a signed state and now. */
export interface RecordChange {
  table: 'objects' | 'zones';
  /** Store id (the record now, or as it was when removed). */
  id: string;
  change: 'added' | 'removed' | 'geometry' | 'attributes' | 'geometry+attributes';
}

interface State {
  objects: readonly ProtectedObject[];
  zones: readonly Zone[];
}

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/**
 * The records that differ between two states, judged as the content hash judges them (attributes
 * with defaults filled, geometry exactly, zone's object): the "查看变化" list of a superseded
 * sign-off. Objects first, then zones, each in the order of `after` (removed ones last).
 */
export function changesSince(before: State, after: State): RecordChange[] {
  const out: RecordChange[] = [];
  const was = new Map(before.objects.map((o) => [o.id, o]));
  for (const o of after.objects) {
    const old = was.get(o.id);
    if (!old) out.push({ table: 'objects', id: o.id, change: 'added' });
    else if (!same(ObjectAttributesSchema.parse(old.attributes), ObjectAttributesSchema.parse(o.attributes)))
      out.push({ table: 'objects', id: o.id, change: 'attributes' });
    was.delete(o.id);
  }
  for (const id of was.keys()) out.push({ table: 'objects', id, change: 'removed' });
  const wasZone = new Map(before.zones.map((z) => [z.id, z]));
  for (const z of after.zones) {
    const old = wasZone.get(z.id);
    wasZone.delete(z.id);
    if (!old) {
      out.push({ table: 'zones', id: z.id, change: 'added' });
      continue;
    }
    const geometry = !same(old.geometry, z.geometry);
    const attributes =
      old.objectId !== z.objectId ||
      !same(ZoneAttributesSchema.parse(old.attributes), ZoneAttributesSchema.parse(z.attributes));
    if (geometry || attributes)
      out.push({
        table: 'zones',
        id: z.id,
        change: geometry && attributes ? 'geometry+attributes' : geometry ? 'geometry' : 'attributes',
      });
  }
  for (const id of wasZone.keys()) out.push({ table: 'zones', id, change: 'removed' });
  return out;
}

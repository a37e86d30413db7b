import { ObjectAttributesSchema, ZoneAttributesSchema } from '../domain/schema';
import type { ZoneGeometry } from '../domain/geometry';
import { CONTENT_HASH_ALGORITHM, type Signoff, type SignoffState, type UnsealedSignoff } from './model';

/**
 * What a sign-off is bound to: a SHA-256 over canonical JSON of the reviewed objects and zones
 * (design §2.4). Web Crypto only, so the page, the job worker and Node compute the same hashes.
 */

/** An object as hashed: its document id and attributes (defaults filled, unknown keys dropped). */
export interface ObjectView {
  id: string;
  attributes: unknown;
}
/** A zone as hashed: document id, object id, attributes and the geometry exactly as stored. */
export interface ZoneView {
  id: string;
  objectId: string;
  attributes: unknown;
  geometry: ZoneGeometry;
}

/**
 * Canonical JSON (RFC 8785 rules): member names sorted by UTF-16 code units, no whitespace,
 * strings and numbers as JSON.stringify writes them (−0 as 0), undefined members left out,
 * arrays in order. Non-finite numbers and non-plain values are refused.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonical JSON: ${value} is not a finite number`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
      const record = value as Record<string, unknown>;
      const members = Object.keys(record)
        .filter((k) => record[k] !== undefined)
        .sort()
        .map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`);
      return `{${members.join(',')}}`;
    }
    default:
      throw new TypeError(`canonical JSON: cannot encode a ${typeof value}`);
  }
}

const utf8 = new TextEncoder();

/** Lowercase hex SHA-256 of a text's UTF-8 bytes. */
export async function sha256Text(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', utf8.encode(text));
  let hex = '';
  for (const byte of new Uint8Array(digest)) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

export function objectView(object: ObjectView): ObjectView {
  return { id: object.id, attributes: ObjectAttributesSchema.parse(object.attributes) };
}

export function zoneView(zone: ZoneView): ZoneView {
  return {
    id: zone.id,
    objectId: zone.objectId,
    attributes: ZoneAttributesSchema.parse(zone.attributes),
    geometry: { type: zone.geometry.type, coordinates: zone.geometry.coordinates } as ZoneGeometry,
  };
}

export function objectHash(object: ObjectView): Promise<string> {
  return sha256Text(canonicalJson(objectView(object)));
}

export function zoneHash(zone: ZoneView): Promise<string> {
  return sha256Text(canonicalJson(zoneView(zone)));
}

/** Record hashes by document id, as contentHash takes them. */
export interface RecordHashes {
  objects: ReadonlyMap<string, string>;
  zones: ReadonlyMap<string, string>;
}

function byId(a: [string, string], b: [string, string]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}

/** The content hash from record hashes: one line per object, then per zone, each sorted by id. */
export function contentHashOf(hashes: RecordHashes): Promise<string> {
  let text = `${CONTENT_HASH_ALGORITHM}\n`;
  for (const [id, hash] of [...hashes.objects].sort(byId)) text += `O\t${id}\t${hash}\n`;
  for (const [id, hash] of [...hashes.zones].sort(byId)) text += `Z\t${id}\t${hash}\n`;
  return sha256Text(text);
}

/** Every record hash of a document, in document ids. */
export async function recordHashes(content: {
  objects: readonly ObjectView[];
  zones: readonly ZoneView[];
}): Promise<RecordHashes> {
  const objects = await Promise.all(content.objects.map(async (o) => [o.id, await objectHash(o)] as const));
  const zones = await Promise.all(content.zones.map(async (z) => [z.id, await zoneHash(z)] as const));
  return { objects: new Map(objects), zones: new Map(zones) };
}

/** The content hash of a document's objects and zones (settings, styles, review records excluded). */
export async function contentHash(content: {
  objects: readonly ObjectView[];
  zones: readonly ZoneView[];
}): Promise<string> {
  return contentHashOf(await recordHashes(content));
}

/**
 * The seal over a sign-off without its seal: catches edits by other tools, not a forger (no key).
 * The store's bookkeeping keys (`id`, `projectId` of a SignoffRecord) are not part of it, so a
 * stored sign-off checks as the file's does.
 */
export function sealOf(signoff: UnsealedSignoff | Signoff): Promise<string> {
  const { seal: _seal, id: _id, projectId: _projectId, ...unsealed } = signoff as Signoff;
  return sha256Text(`hzw-seal/1\n${canonicalJson(unsealed)}`);
}

export async function seal(signoff: UnsealedSignoff): Promise<Signoff> {
  return { ...signoff, seal: await sealOf(signoff) };
}

/**
 * A sign-off's state, derived: a seal mismatch → invalid; bound to the current content → valid;
 * to a named version's content → superseded (that version is what to compare with now); else
 * unverifiable.
 */
export async function signoffState(
  signoff: Signoff,
  currentHash: string,
  versions: readonly { versionId: string; contentHash: string }[],
): Promise<{ state: SignoffState; versionId?: string }> {
  if ((await sealOf(signoff)) !== signoff.seal) return { state: 'invalid' };
  if (signoff.contentHash === currentHash) return { state: 'valid' };
  const version = versions.find((v) => v.contentHash === signoff.contentHash);
  return version ? { state: 'superseded', versionId: version.versionId } : { state: 'unverifiable' };
}

/** The `reviewHashes` job's answer: record hashes by document id and the content hash. */
export interface ReviewHashes {
  objects: Record<string, string>;
  zones: Record<string, string>;
  contentHash: string;
}

export async function reviewHashes(content: {
  objects: readonly ObjectView[];
  zones: readonly ZoneView[];
}): Promise<ReviewHashes> {
  const hashes = await recordHashes(content);
  return {
    objects: Object.fromEntries(hashes.objects),
    zones: Object.fromEntries(hashes.zones),
    contentHash: await contentHashOf(hashes),
  };
}

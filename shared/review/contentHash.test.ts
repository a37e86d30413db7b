import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  contentHash,
  objectHash,
  seal,
  sealOf,
  signoffState,
  zoneHash,
  type ZoneView,
} from './contentHash';
import type { UnsealedSignoff } from './model';

/** The reference: Node's own SHA-256 over a text we wrote by hand. */
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const ring: [number, number][] = [
  [116.4, 39.9],
  [116.401, 39.9],
  [116.401, 39.901],
  [116.4, 39.9],
];
const zone: ZoneView & Record<string, unknown> = {
  id: 'z1',
  objectId: 'o1',
  attributes: { zoneType: 'protection_range', rules: '禁止建设 "x"', unknownKey: 1 },
  geometry: { type: 'Polygon', coordinates: [ring] },
  createdAt: '2026-01-01T00:00:00.000Z',
  projectId: 'p',
};
/** The zone's canonical JSON written out by hand: defaults filled, keys sorted, no whitespace. */
const zoneCanonical =
  '{"attributes":{"approval":{"authority":"","date":"","documentNo":""},"boundaryText":"","bsm":"",' +
  '"cczClass":null,"derivation":null,"heightLimitM":null,"heightLimitStoreys":null,' +
  '"provenance":{"accuracyM":null,"date":"","method":"digitised","source":""},' +
  '"rules":"禁止建设 \\"x\\"","sameAsRange":false,"status":"proposed","subZoneNo":null,' +
  '"supersedesId":null,"version":1,"zoneType":"protection_range"},' +
  '"geometry":{"coordinates":[[[116.4,39.9],[116.401,39.9],[116.401,39.901],[116.4,39.9]]],"type":"Polygon"},' +
  '"id":"z1","objectId":"o1"}';

describe('canonicalJson', () => {
  it('sorts member names by UTF-16 code units, drops undefined, keeps array order and −0 as 0', () => {
    const value = { b: [3, 1, -0], a: { é: 1, Z: 'x', '\uD83D\uDE00': true, ｚ: null }, c: undefined };
    expect(canonicalJson(value)).toBe('{"a":{"Z":"x","é":1,"\uD83D\uDE00":true,"ｚ":null},"b":[3,1,0]}');
  });
  it('refuses numbers JSON cannot carry', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson([Infinity])).toThrow(TypeError);
  });
});

describe('record and content hashes', () => {
  it('hashes a zone as the hand-written canonical text, independent of timestamps and unknown keys', async () => {
    expect(await zoneHash(zone)).toBe(sha256(zoneCanonical));
  });

  it('changes when one coordinate moves by 1e-9 degrees', async () => {
    const moved = structuredClone(zone);
    moved.geometry.coordinates[0]![1] = [116.401000001, 39.9];
    expect(await zoneHash(moved)).not.toBe(await zoneHash(zone));
  });

  it('builds the content hash from sorted O and Z lines', async () => {
    const object = { id: 'o1', attributes: { name: '故宫', objectType: 'relic_unit' as const } };
    const later = { ...zone, id: 'z0' };
    const expected = sha256(
      'hzw-content/1\n' +
        `O\to1\t${await objectHash(object)}\n` +
        `Z\tz0\t${sha256(zoneCanonical.replace('"id":"z1"', '"id":"z0"'))}\n` +
        `Z\tz1\t${sha256(zoneCanonical)}\n`,
    );
    expect(await contentHash({ objects: [object], zones: [zone, later] })).toBe(expected);
    expect(await contentHash({ objects: [object], zones: [later, zone] })).toBe(expected);
  });
});

describe('sign-off seal and state', () => {
  const unsealed: UnsealedSignoff = {
    entryId: 's1',
    reviewer: '李审',
    organisation: '某县文物局',
    signedAt: '2026-12-01T08:00:00.000Z',
    verdict: 'approve_with_changes',
    opinion: '同意，按意见修改',
    contentHash: 'a'.repeat(64),
    algorithm: 'hzw-content/1',
    objects: 1,
    zones: 2,
  };

  it('seals the canonical JSON of the sign-off without its seal', async () => {
    const sealed = await seal(unsealed);
    const text =
      'hzw-seal/1\n{"algorithm":"hzw-content/1","contentHash":"' +
      'a'.repeat(64) +
      '","entryId":"s1","objects":1,"opinion":"同意，按意见修改","organisation":"某县文物局",' +
      '"reviewer":"李审","signedAt":"2026-12-01T08:00:00.000Z","verdict":"approve_with_changes","zones":2}';
    expect(sealed.seal).toBe(sha256(text));
    expect(await sealOf(sealed)).toBe(sealed.seal);
    // As the store keeps it (SignoffRecord): its key and project are not sealed.
    expect(await sealOf({ ...sealed, id: 'p/s1', projectId: 'p' })).toBe(sealed.seal);
  });

  it('is valid on its content, superseded on a version, unverifiable otherwise, invalid when edited', async () => {
    const sealed = await seal(unsealed);
    const other = 'b'.repeat(64);
    expect(await signoffState(sealed, 'a'.repeat(64), [])).toEqual({ state: 'valid' });
    expect(await signoffState(sealed, other, [{ versionId: 'v1', contentHash: 'a'.repeat(64) }])).toEqual({
      state: 'superseded',
      versionId: 'v1',
    });
    expect(await signoffState(sealed, other, [])).toEqual({ state: 'unverifiable' });
    const tampered = { ...sealed, opinion: '不同意' };
    expect(await signoffState(tampered, 'a'.repeat(64), [])).toEqual({ state: 'invalid' });
  });
});

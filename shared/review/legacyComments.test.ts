import { describe, expect, it } from 'vitest';
import type { ProtectedObject, Zone } from '../domain/schema';
import { ObjectAttributesSchema, ZoneAttributesSchema } from '../domain/schema';
import { legacyCommentEntries } from './legacyComments';
import { CommentEntrySchema } from './model';

const at = '2026-01-01T00:00:00.000Z';
const square = (lon: number, lat: number, half: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [lon - half, lat - half],
      [lon + half, lat - half],
      [lon + half, lat + half],
      [lon - half, lat + half],
      [lon - half, lat - half],
    ] as [number, number][],
  ],
});
const object = (id: string, representativePoint: [number, number] | null = null): ProtectedObject => ({
  id,
  projectId: 'p',
  attributes: ObjectAttributesSchema.parse({ name: '承化寺', objectType: 'relic_unit', representativePoint }),
  createdAt: at,
  updatedAt: at,
});
const zone = (id: string, objectId: string, geometry: Zone['geometry']): Zone => ({
  id,
  projectId: 'p',
  objectId,
  attributes: ZoneAttributesSchema.parse({ zoneType: 'protection_range' }),
  geometry,
  createdAt: at,
  updatedAt: at,
});
const legacy = (
  id: string,
  target: { kind: 'project' | 'object' | 'zone'; id: string | null },
  extra = {},
) => ({
  id,
  target,
  author: '县文物局',
  text: '请核实',
  createdAt: at,
  resolved: false,
  ...extra,
});

describe('legacy review comments as thread entries', () => {
  // A small zone in the west, a large one in the east: an object's pin goes in the large one.
  const document = {
    objects: [object('o1'), object('o2', [84.5, 44.5])],
    zones: [zone('z1', 'o1', square(84.1, 44.4, 0.001)), zone('z2', 'o1', square(84.3, 44.4, 0.01))],
  };

  it('pins an object’s comment at its representative point, else inside its largest zone', () => {
    const [onO1] = legacyCommentEntries(legacy('c1', { kind: 'object', id: 'o1' }), document);
    const pin = onO1!.anchor as { kind: string; objectId: string; at: [number, number] };
    expect([pin.kind, pin.objectId]).toEqual(['object', 'o1']);
    expect(Math.abs(pin.at[0] - 84.3)).toBeLessThan(0.01);
    expect(Math.abs(pin.at[1] - 44.4)).toBeLessThan(0.01);
    const [onO2] = legacyCommentEntries(legacy('c2', { kind: 'object', id: 'o2' }), document);
    expect(onO2!.anchor).toEqual({ kind: 'object', objectId: 'o2', at: [84.5, 44.5] });
  });

  it('keeps a comment whose record is gone as a remark on the project naming it', () => {
    const [gone] = legacyCommentEntries(legacy('c3', { kind: 'zone', id: 'z9' }), document);
    expect(gone!.anchor).toEqual({ kind: 'project', at: null });
    expect(gone!.detachedFrom).toEqual({ kind: 'zone', id: 'z9' });
  });

  it('gives a resolved comment a status entry with a deterministic id, and plain text only', () => {
    const comment = legacy(
      'c4',
      { kind: 'zone', id: 'z1' },
      { resolved: true, text: '范围\u0007偏小\n北侧', author: '' },
    );
    const entries = legacyCommentEntries(comment, document);
    expect(entries.map((e) => [e.entryId, e.kind, e.status, e.parents])).toEqual([
      ['c4', 'comment', 'open', []],
      ['c4/resolved', 'status', 'resolved', ['c4']],
    ]);
    expect(entries[0]!.text).toBe('范围偏小\n北侧');
    expect(entries[0]!.author).toEqual({ name: '未署名', organisation: '' });
    // The same comment maps to the same entries: migrating or merging it twice adds nothing.
    expect(legacyCommentEntries(comment, document)).toEqual(entries);
    for (const entry of entries) expect(CommentEntrySchema.safeParse(entry).success).toBe(true);
  });
});

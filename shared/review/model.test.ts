import { describe, expect, it } from 'vitest';
import { CommentEntrySchema, DecisionSchema, REVIEW_LIMITS, VersionHeaderSchema } from './model';

const root = {
  entryId: 't1',
  threadId: 't1',
  kind: 'comment',
  parents: [],
  text: '保护范围东侧应包括古井\n第二行',
  status: 'open',
  author: { name: '李审', organisation: '某县文物局' },
  createdAt: '2026-12-01T08:00:00.000Z',
  anchor: { kind: 'zone', zoneId: 'z1', at: [116.4, 39.9] },
};

describe('CommentEntrySchema', () => {
  it('accepts a root with an anchor and keeps fields a newer version adds', () => {
    const parsed = CommentEntrySchema.parse({ ...root, mood: 'calm' });
    expect(parsed.anchor).toEqual({ kind: 'zone', zoneId: 'z1', at: [116.4, 39.9] });
    expect((parsed as Record<string, unknown>).mood).toBe('calm');
  });

  it('refuses control characters, oversize text, a root without anchor and a reply with one', () => {
    expect(CommentEntrySchema.safeParse({ ...root, text: 'a\u0007b' }).success).toBe(false);
    expect(CommentEntrySchema.safeParse({ ...root, text: 'x'.repeat(REVIEW_LIMITS.text + 1) }).success).toBe(
      false,
    );
    expect(CommentEntrySchema.safeParse({ ...root, anchor: undefined }).success).toBe(false);
    const reply = { ...root, entryId: 'r1', parents: ['t1'] };
    expect(CommentEntrySchema.safeParse(reply).success).toBe(false);
    expect(CommentEntrySchema.safeParse({ ...reply, anchor: undefined }).success).toBe(true);
  });

  it('refuses a pin outside lon/lat range and an edge parameter at its end', () => {
    expect(
      CommentEntrySchema.safeParse({ ...root, anchor: { kind: 'position', at: [200, 0] } }).success,
    ).toBe(false);
    const edge = { kind: 'edge', zoneId: 'z1', part: 0, ring: 0, index: 2, t: 1, at: [116, 39] };
    expect(CommentEntrySchema.safeParse({ ...root, anchor: edge }).success).toBe(false);
  });
});

describe('DecisionSchema and VersionHeaderSchema', () => {
  it('needs a target hash and a known verdict; a version needs a name and a hash', () => {
    const decision = {
      entryId: 'd1',
      target: { kind: 'zone', id: 'z1' },
      verdict: 'approve_with_changes',
      reason: '',
      author: root.author,
      createdAt: root.createdAt,
      targetHash: 'f'.repeat(64),
    };
    expect(DecisionSchema.parse(decision).parents).toEqual([]);
    expect(DecisionSchema.safeParse({ ...decision, verdict: 'maybe' }).success).toBe(false);
    expect(DecisionSchema.safeParse({ ...decision, targetHash: 'F'.repeat(64) }).success).toBe(false);
    const version = {
      versionId: 'v1',
      seq: 1,
      name: '送审稿 2026-12',
      createdAt: root.createdAt,
      contentHash: 'a'.repeat(64),
      counts: { objects: 1, zones: 2 },
      origin: 'planner',
    };
    expect(VersionHeaderSchema.parse(version)).toMatchObject({ note: '', author: null });
    expect(VersionHeaderSchema.safeParse({ ...version, name: '' }).success).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import type { CommentEntry, Decision } from '../../../shared/review/model';
import { buildThreads, currentDecisions } from './reviewIndex';

const planner = { name: '规划师', organisation: '规划院' };
const reviewer = { name: '审阅人', organisation: '文物局' };
const H1 = '1'.repeat(64);
const H2 = '2'.repeat(64);

let clock = 0;
function entry(patch: Partial<CommentEntry> & Pick<CommentEntry, 'entryId'>): CommentEntry {
  clock += 1;
  return {
    threadId: 't1',
    kind: 'comment',
    parents: [],
    text: 'x',
    status: 'open',
    author: reviewer,
    createdAt: new Date(Date.UTC(2026, 11, 1, 0, 0, clock)).toISOString(),
    ...patch,
  } as CommentEntry;
}
const root = (id = 't1', extra: Partial<CommentEntry> = {}) =>
  entry({ entryId: id, threadId: id, anchor: { kind: 'zone', zoneId: 'z1', at: [84, 44] }, ...extra });

describe('buildThreads', () => {
  it('numbers threads by start time and takes the status of the newest head', () => {
    const a = root('a');
    const b = root('b');
    const resolve = entry({
      entryId: 'r',
      threadId: 'a',
      kind: 'status',
      parents: ['a'],
      status: 'resolved',
      text: '',
    });
    const [ta, tb] = buildThreads([resolve, b, a], null);
    expect(ta).toMatchObject({ threadId: 'a', number: 1, status: 'resolved', conflict: false });
    expect(ta!.entries.map((e) => e.entryId)).toEqual(['a', 'r']);
    expect(tb).toMatchObject({ threadId: 'b', number: 2, status: 'open' });
  });

  it('flags resolved on one side and answered on the other as a conflict, keeping both', () => {
    const a = root('a');
    const resolved = entry({
      entryId: 'r',
      threadId: 'a',
      kind: 'status',
      parents: ['a'],
      status: 'resolved',
      text: '',
    });
    const answered = entry({ entryId: 'p', threadId: 'a', parents: ['a'], author: planner, text: '已改' });
    const [thread] = buildThreads([a, resolved, answered], null);
    expect(thread!.conflict).toBe(true);
    expect(thread!.heads.map((h) => h.entryId).sort()).toEqual(['p', 'r']);
    expect(thread!.entries).toHaveLength(3);
  });

  it('is no conflict once a later entry has seen both branches', () => {
    const a = root('a');
    const r = entry({
      entryId: 'r',
      threadId: 'a',
      kind: 'status',
      parents: ['a'],
      status: 'resolved',
      text: '',
    });
    const p = entry({ entryId: 'p', threadId: 'a', parents: ['a'], author: planner });
    const s = entry({
      entryId: 's',
      threadId: 'a',
      kind: 'status',
      parents: ['r', 'p'],
      status: 'resolved',
      text: '',
    });
    expect(buildThreads([a, r, p, s], null)[0]).toMatchObject({ conflict: false, status: 'resolved' });
  });

  it('flags a thread whose zone changed since it was written, and not before', () => {
    const a = root('a', { targetHash: H1 });
    const hashes = (h: string) => ({ objects: new Map(), zones: new Map([['z1', h]]) });
    expect(buildThreads([a], hashes(H1))[0]!.targetChanged).toBe(false);
    expect(buildThreads([a], hashes(H2))[0]!.targetChanged).toBe(true);
  });

  it('leaves out entries whose root is missing', () => {
    expect(buildThreads([entry({ entryId: 'x', threadId: 'gone', parents: ['gone'] })], null)).toEqual([]);
  });
});

describe('currentDecisions', () => {
  const decision = (
    id: string,
    verdict: Decision['verdict'],
    parents: string[],
    org = '文物局',
    at = 1,
  ): Decision => ({
    entryId: id,
    target: { kind: 'zone', id: 'z1' },
    verdict,
    reason: '',
    author: { name: 'n', organisation: org },
    createdAt: new Date(Date.UTC(2026, 11, 1, 0, 0, at)).toISOString(),
    parents,
    targetHash: H1,
  });

  it('keeps the newest verdict per organisation and flags concurrent disagreement', () => {
    const later = currentDecisions(
      [decision('d1', 'reject', []), decision('d2', 'approve', ['d1'], '文物局', 2)],
      null,
    );
    expect(later.get('zone:z1')).toEqual([expect.objectContaining({ conflict: false })]);
    expect(later.get('zone:z1')![0]!.decision.entryId).toBe('d2');
    const concurrent = currentDecisions(
      [decision('d1', 'reject', []), decision('d2', 'approve', [], '文物局', 2)],
      null,
    );
    expect(concurrent.get('zone:z1')![0]!.conflict).toBe(true);
    const twoOrgs = currentDecisions(
      [decision('d1', 'reject', []), decision('d2', 'approve', [], '规划局', 2)],
      null,
    );
    expect(twoOrgs.get('zone:z1')!.map((c) => c.conflict)).toEqual([false, false]);
  });

  it('flags a verdict on a record changed since (对象已修改)', () => {
    const changed = currentDecisions([decision('d1', 'approve', [])], {
      objects: new Map(),
      zones: new Map([['z1', H2]]),
    });
    expect(changed.get('zone:z1')![0]!.targetChanged).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { CONTENT_HASH_ALGORITHM, type CommentEntry, type Decision } from '../../../shared/review/model';
import { seal } from '../../../shared/review/contentHash';
import type { Reader } from '../../storage/reader';
import { addComment, decide, replyToThread, setThreadStatus, signOff } from './reviewCommands';

const read = {} as Reader;
const author = { name: '李审', organisation: '乌苏市文物局' };
const H = 'a'.repeat(64);

describe('review commands', () => {
  it('start a thread as one review-stack record keyed by project and entry', async () => {
    const command = addComment('p1', {
      anchor: { kind: 'zone', zoneId: 'z1', at: [84.6, 44.4] },
      text: '东侧\n外扩',
      author,
      targetHash: H,
    });
    expect(command).toMatchObject({ history: 'review', undo: 'record' });
    const [put, ...more] = await command.build(read);
    expect(more).toEqual([]);
    const entry = put!.value as CommentEntry & { id: string; projectId: string };
    expect(put).toMatchObject({ table: 'comments', key: `p1/${command.entryId}` });
    expect(entry).toMatchObject({
      id: `p1/${command.entryId}`,
      projectId: 'p1',
      entryId: command.entryId,
      threadId: command.entryId,
      parents: [],
      kind: 'comment',
      status: 'open',
      text: '东侧\n外扩',
      targetHash: H,
    });
  });

  it('answer and close a thread naming the heads they saw, keeping or setting the status', async () => {
    const thread = { threadId: 't', heads: [{ entryId: 'a' }, { entryId: 'b' }], status: 'open' as const };
    const [reply] = await replyToThread('p1', thread, { text: '已改', author, adoption: 'partly' }).build(
      read,
    );
    expect(reply!.value).toMatchObject({
      threadId: 't',
      parents: ['a', 'b'],
      status: 'open',
      adoption: 'partly',
    });
    const [closed] = await setThreadStatus('p1', thread, { status: 'resolved', author }).build(read);
    expect(closed!.value).toMatchObject({
      kind: 'status',
      status: 'resolved',
      parents: ['a', 'b'],
      text: '',
    });
  });

  it('refuse control characters in comment text (nothing is written)', async () => {
    const command = addComment('p1', { anchor: { kind: 'project', at: null }, text: 'a\u0007b', author });
    await expect(command.build(read)).rejects.toThrow();
  });

  it('record a verdict with its target index and a sealed sign-off', async () => {
    const [put] = await decide('p1', {
      target: { kind: 'object', id: 'o1' },
      verdict: 'approve_with_changes',
      reason: '外扩后同意',
      author,
      targetHash: H,
      parents: ['d0'],
    }).build(read);
    expect(put).toMatchObject({ table: 'decisions' });
    expect(put!.value as Decision & { targetId: string }).toMatchObject({ targetId: 'o1', parents: ['d0'] });
    const signoff = await seal({
      entryId: 's1',
      reviewer: author.name,
      organisation: author.organisation,
      signedAt: '2026-12-03T10:00:00.000Z',
      verdict: 'approve',
      opinion: '同意',
      contentHash: H,
      algorithm: CONTENT_HASH_ALGORITHM,
      objects: 1,
      zones: 1,
    });
    const [signed] = await signOff('p1', signoff).build(read);
    expect(signed).toMatchObject({ table: 'signoffs', key: 'p1/s1', value: { seal: signoff.seal } });
  });
});

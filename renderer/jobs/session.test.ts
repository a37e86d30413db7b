import { describe, expect, it } from 'vitest';
import { FormatError } from '../../shared/formats/formatError';
import { CommitRefused } from './jobFailure';
import { JobCancelled } from './runJob';
import { openSession } from './session';
import type { SessionCall, SessionReply } from './sessionTypes';
import { serveSession } from './sessionWorker';

interface Calls {
  add: { input: number; output: number };
  slow: { input: null; output: string };
  refuse: { input: null; output: null };
  commit: { input: null; output: null };
}

/**
 * A worker and its page in one thread: messages cross through structuredClone and a macrotask,
 * as between threads; terminate stops delivery both ways.
 */
function pair() {
  let total = 0;
  const release: (() => void)[] = [];
  const scope = {
    onmessage: null as ((event: MessageEvent<SessionCall>) => void) | null,
    postMessage: (message: SessionReply) =>
      setTimeout(() => !worker.terminated && worker.onmessage?.({ data: structuredClone(message) } as never)),
  };
  const worker = {
    terminated: false,
    onmessage: null as ((event: MessageEvent<SessionReply>) => void) | null,
    onerror: null as unknown,
    postMessage(message: SessionCall) {
      setTimeout(() => !this.terminated && scope.onmessage?.({ data: structuredClone(message) } as never));
    },
    terminate() {
      this.terminated = true;
    },
  };
  serveSession<Calls>(
    {
      add: (n, progress) => {
        progress(1);
        return (total += n);
      },
      slow: () => new Promise((resolve) => release.push(() => resolve('done'))),
      refuse: () => {
        throw new FormatError('a.shp', [{ index: 3, field: 'geometry', reason: { zh: '坏', en: 'bad' } }]);
      },
      commit: () => {
        const error = Object.assign(new Error('refused'), {
          name: 'CommitError',
          problems: [{ subject: 'zones/1', message: { zh: '无效', en: 'invalid' } }],
          title: { zh: '未保存', en: 'Not saved' },
        });
        throw error;
      },
    },
    scope,
  );
  const session = openSession<Calls>(worker as unknown as Worker);
  return { session, worker, release };
}

describe('a worker session', () => {
  it('keeps state between calls, answers them in order and reports progress', async () => {
    const { session } = pair();
    const progress: number[] = [];
    const answers = await Promise.all([
      session.call('add', 2, { onProgress: (f) => progress.push(f) }),
      session.call('add', 3),
      session.call('add', 5),
    ]);
    expect(answers).toEqual([2, 5, 10]);
    expect(progress).toEqual([1]);
  });

  it('brings refusals back as the errors the page knows', async () => {
    const { session } = pair();
    await expect(session.call('refuse', null)).rejects.toBeInstanceOf(FormatError);
    const refused = await session.call('commit', null).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(CommitRefused);
    expect((refused as CommitRefused).detail).toEqual({
      commitProblems: [{ subject: 'zones/1', message: { zh: '无效', en: 'invalid' } }],
      title: { zh: '未保存', en: 'Not saved' },
    });
    expect(await session.call('add', 1)).toBe(1);
  });

  it('ends when a call is cancelled: the worker is terminated and every call waiting is cancelled', async () => {
    const { session, worker, release } = pair();
    const controller = new AbortController();
    const slow = session.call('slow', null, { signal: controller.signal });
    const queued = session.call('add', 1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    await expect(slow).rejects.toBeInstanceOf(JobCancelled);
    await expect(queued).rejects.toBeInstanceOf(JobCancelled);
    expect(worker.terminated).toBe(true);
    expect(session.ended).toBe(true);
    release.forEach((r) => r());
    await expect(session.call('add', 1)).rejects.toBeInstanceOf(JobCancelled);
  });
});

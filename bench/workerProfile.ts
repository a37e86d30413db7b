import type { CDPSession } from '@playwright/test';
import { saveProfile, type Profile } from './cpuProfile';

/**
 * CPU profiles of the page's dedicated workers (BENCH_PROFILE=1): the import parses, maps and
 * commits in its session's worker, which the page's own profile does not see. Every worker the
 * page starts from now on is profiled from its start; `stop` saves one profile per worker still
 * alive. The page ends the import's worker right after its commit, so while this runs the page's
 * `Worker.terminate` waits 20 s (bench only: the worker's memory outlives the import that long).
 */
export async function profileWorkers(cdp: CDPSession): Promise<{ stop(name: string): Promise<string> }> {
  let next = 1;
  const replies = new Map<number, (result: unknown) => void>();
  const workers: { sessionId: string; url: string }[] = [];
  const send = (sessionId: string, method: string, params: object = {}) =>
    new Promise<unknown>((resolve) => {
      const id = next++;
      replies.set(id, resolve);
      void cdp.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id, method, params }),
      } as never);
    });
  cdp.on(
    'Target.receivedMessageFromTarget' as never,
    ((e: { message: string }) => {
      const message = JSON.parse(e.message) as { id?: number; result?: unknown };
      if (message.id !== undefined) replies.get(message.id)?.((message.result ?? null) as unknown);
    }) as never,
  );
  cdp.on(
    'Target.attachedToTarget' as never,
    ((e: { sessionId: string; targetInfo: { type: string; url: string } }) => {
      if (e.targetInfo.type !== 'worker') return;
      workers.push({ sessionId: e.sessionId, url: e.targetInfo.url });
      void (async () => {
        await send(e.sessionId, 'Profiler.enable');
        await send(e.sessionId, 'Profiler.setSamplingInterval', { interval: 500 });
        await send(e.sessionId, 'Profiler.start');
        await send(e.sessionId, 'Runtime.runIfWaitingForDebugger');
      })();
    }) as never,
  );
  await cdp.send('Runtime.evaluate', {
    expression: `(() => { const t = Worker.prototype.terminate;
      Worker.prototype.terminate = function () { setTimeout(() => t.call(this), 20000); }; })()`,
  });
  await cdp.send('Target.setAutoAttach', {
    autoAttach: true,
    waitForDebuggerOnStart: true,
    flatten: false,
  } as never);
  return {
    async stop(name) {
      const out: string[] = [];
      for (const [i, w] of workers.entries()) {
        const reply = (await Promise.race([
          send(w.sessionId, 'Profiler.stop'),
          new Promise((resolve) => setTimeout(() => resolve(null), 5000)),
        ])) as { profile: Profile } | null;
        if (!reply) continue;
        out.push(
          `worker ${i} ${w.url.split('/').pop()}\n${saveProfile(reply.profile, `${name}-worker${i}`)}`,
        );
      }
      return out.join('\n');
    },
  };
}

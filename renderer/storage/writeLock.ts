/**
 * Serialise writes across windows and tabs of the same origin with the Web Locks API, so a
 * gesture's commit (read current state → write → record history) never interleaves with another
 * window's. Where Web Locks are missing (Node tests), an in-process queue gives the same order.
 */
const LOCK_NAME = 'hzw:write';
let tail: Promise<unknown> = Promise.resolve();

export function withWriteLock<T>(work: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks) return locks.request(LOCK_NAME, { mode: 'exclusive' }, work) as Promise<T>;
  const run = tail.then(work, work);
  tail = run.catch(() => undefined);
  return run;
}

/**
 * Calls that replace each other: one runs at a time; a call made while one runs waits, and a
 * waiting call is dropped (resolves null) when a newer one comes. For work where the newest
 * request covers the older ones (a live check naming every change since the last finished one).
 */
export function latestOnly<T, R>(run: (request: T) => Promise<R>): (request: T) => Promise<R | null> {
  let running: Promise<void> | null = null;
  let waiting: { request: T; resolve(result: R | null): void; reject(error: unknown): void } | null = null;

  const start = (request: T): Promise<R> => {
    const call = run(request);
    const settled = call.then(
      () => {},
      () => {},
    );
    running = settled;
    void settled.then(() => {
      if (running !== settled) return;
      running = null;
      const next = waiting;
      waiting = null;
      if (next) start(next.request).then(next.resolve, next.reject);
    });
    return call;
  };

  return (request) => {
    if (!running) return start(request);
    waiting?.resolve(null);
    return new Promise((resolve, reject) => {
      waiting = { request, resolve, reject };
    });
  };
}

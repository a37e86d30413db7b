import { useEffect, useState } from 'react';
import type { Queries } from '../../storage/store';
import { useWorkbench } from './useWorkbench';

/**
 * A live query: re-runs whenever a committed transaction (in any window) touches what it read.
 * Returns undefined until the first result arrives.
 */
export function useLive<T>(query: (q: Queries) => Promise<T>, deps: readonly unknown[]): T | undefined {
  const { workbench } = useWorkbench();
  const [value, setValue] = useState<{ deps: readonly unknown[]; value: T } | undefined>();
  useEffect(
    () =>
      workbench.store.observe(
        query,
        (next) => setValue({ deps, value: next }),
        (error) => workbench.reportError(error),
      ),
    // The query closes over deps; re-subscribe exactly when they change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [workbench, ...deps],
  );
  // A result computed for other deps is stale: report "loading" rather than the wrong project's data.
  return value && sameDeps(value.deps, deps) ? value.value : undefined;
}

function sameDeps(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}

import { useEffect, useRef, useState } from 'react';
import type { Zone } from '../../shared/domain/schema';
import { packedGeometryOf } from '../../shared/domain/packedGeometry';
import { JobCancelled, runJob } from '../jobs/runJob';

interface Cached {
  updatedAt: string;
  areaM2: number;
}

/**
 * Ellipsoidal area per zone id, computed in the job worker (a 3 000-vertex zone takes ms, so a
 * county's zones would block the page for seconds) and kept per zone version: after an edit only
 * the zones whose `updatedAt` changed are computed again. A zone not yet computed is absent.
 */
export function useZoneAreas(
  zones: readonly Zone[],
  onError: (error: unknown) => void,
): ReadonlyMap<string, number> {
  const cache = useRef(new Map<string, Cached>());
  const [areas, setAreas] = useState<ReadonlyMap<string, number>>(new Map());

  useEffect(() => {
    const missing = zones.filter((z) => cache.current.get(z.id)?.updatedAt !== z.updatedAt);
    const publish = () => {
      const next = new Map<string, number>();
      for (const z of zones) {
        const c = cache.current.get(z.id);
        if (c && c.updatedAt === z.updatedAt) next.set(z.id, c.areaM2);
      }
      setAreas(next);
    };
    if (missing.length === 0) {
      publish();
      return;
    }
    const abort = new AbortController();
    runJob(
      'zoneAreas',
      { zones: missing.map((z) => ({ geometry: packedGeometryOf(z) ?? z.geometry })) },
      { signal: abort.signal },
    ).then(
      (result) => {
        missing.forEach((z, i) => cache.current.set(z.id, { updatedAt: z.updatedAt, areaM2: result[i]! }));
        publish();
      },
      (error: unknown) => {
        if (!(error instanceof JobCancelled)) onError(error);
      },
    );
    return () => abort.abort();
  }, [zones, onError]);

  return areas;
}

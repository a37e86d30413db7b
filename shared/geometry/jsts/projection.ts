import { centralMeridianOf } from '../../crs/definitions';
import { gkEpsg } from '../../crs/gaussKruger';
import type { Project, Unproject } from './convert';
import { tmForward, tmInverse } from './transverseMercator';

export interface Projection {
  project: Project;
  unproject: Unproject;
}

const cache = new Map<number, Projection>();

/**
 * lon/lat ↔ unprefixed Gauss-Krüger metres of a 3° CGCS2000 zone (the project setting gkZone).
 * The series is inlined (transverseMercator.ts) rather than going through proj4: it gives the
 * same coordinates to well under a millimetre at a tenth of the cost per vertex, which matters
 * when a batch of derivations projects every vertex in and out.
 */
export function gkProjection(gkZone: number): Projection {
  let p = cache.get(gkZone);
  if (!p) {
    gkEpsg(gkZone, { prefixed: false, width: 3 }); // throws for a zone outside China's 25–45
    const lon0 = centralMeridianOf(gkZone, 3);
    p = {
      project: (pos) => tmForward(pos, lon0),
      unproject: (xy) => tmInverse(xy, lon0),
    };
    cache.set(gkZone, p);
  }
  return p;
}

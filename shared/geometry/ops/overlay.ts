import type { ZoneGeometry } from '../../domain/geometry';
import { area, difference, intersection, unionAll } from '../jsts/ops';
import { OpError } from './opError';
import { planar, stored, type OpOptions } from './planar';

/** Merge zones into one geometry (a MultiPolygon when they do not touch). */
export function unionZones(geometries: readonly ZoneGeometry[], options: OpOptions): ZoneGeometry {
  if (geometries.length < 2)
    throw new OpError('union', { zh: '请至少选择两个区划', en: 'select at least two zones' });
  return stored(unionAll(geometries.map((g) => planar(g, options))), 'union', options);
}

/** `target` with `cutter` cut out of it. */
export function differenceZones(
  target: ZoneGeometry,
  cutter: ZoneGeometry,
  options: OpOptions,
): ZoneGeometry {
  const result = difference(planar(target, options), planar(cutter, options));
  if (area(result) <= 0) {
    throw new OpError('difference', { zh: '裁切后不剩任何部分', en: 'nothing is left after cutting' });
  }
  return stored(result, 'difference', options);
}

/** The part of `target` inside `clip`. */
export function clipZone(target: ZoneGeometry, clip: ZoneGeometry, options: OpOptions): ZoneGeometry {
  const result = intersection(planar(target, options), planar(clip, options));
  if (area(result) <= 0) {
    throw new OpError('clip', { zh: '两个区划不重叠', en: 'the two zones do not overlap' });
  }
  return stored(result, 'clip', options);
}

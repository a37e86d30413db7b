import { arcSegmentCount } from '../../geometry/densify';
import { extrusionOf, type Vec3 } from './dxfOcs';
import { numberOf } from './dxfEntities';
import { invalid, type EntityShape } from './dxfShape';
import type { DxfPair } from './dxfText';

/**
 * ELLIPSE (world coordinates): centre 10/20/30, major axis end point 11/21/31 relative to the
 * centre, minor/major ratio 40, start and end parameters 41/42 in radians, the minor axis along
 * extrusion × major axis. The chords of an ellipse stray from it no more than those of the circle
 * on its major axis (an ellipse is that circle squeezed), so the arc rule on the major radius
 * keeps them within the tolerance. A full ellipse is a polygon, a partial one a line.
 */
const TAU = 2 * Math.PI;

export function ellipseShape(pairs: readonly DxfPair[], tolerance: number): EntityShape {
  const c: Vec3 = [numberOf(pairs, 10, NaN), numberOf(pairs, 20, NaN), numberOf(pairs, 30)];
  const major: Vec3 = [numberOf(pairs, 11, NaN), numberOf(pairs, 21, NaN), numberOf(pairs, 31)];
  const ratio = numberOf(pairs, 40, NaN);
  const start = numberOf(pairs, 41, 0);
  let end = numberOf(pairs, 42, TAU);
  if (![...c, ...major, ratio, start, end].every(Number.isFinite))
    return invalid('坐标或参数不是数字', 'a coordinate or parameter is not numeric');
  const radius = Math.hypot(...major);
  if (!(radius > 0) || !(ratio > 0))
    return invalid('椭圆长轴或轴比不大于 0', 'ellipse axis or axis ratio is not greater than 0');
  const n = extrusionOf(pairs);
  const minor: Vec3 = [
    ratio * (n[1] * major[2] - n[2] * major[1]),
    ratio * (n[2] * major[0] - n[0] * major[2]),
    ratio * (n[0] * major[1] - n[1] * major[0]),
  ];
  while (end <= start) end += TAU;
  const full = end - start >= TAU - 1e-9;
  const sweep = full ? TAU : end - start;
  const count = arcSegmentCount(radius, (sweep * 180) / Math.PI, tolerance);
  const points: Vec3[] = [];
  for (let k = 0; k <= count; k++) {
    const t = start + (sweep * k) / count;
    const cos = Math.cos(t);
    const sin = Math.sin(t);
    points.push([
      c[0] + major[0] * cos + minor[0] * sin,
      c[1] + major[1] * cos + minor[1] * sin,
      c[2] + major[2] * cos + minor[2] * sin,
    ]);
  }
  if (!full) return { kind: 'line', points };
  points[points.length - 1] = points[0]!;
  return { kind: 'polygon', polygons: [[points]] };
}

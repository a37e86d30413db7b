import { spendActive } from '../budgets';
import type { Vec3 } from './dxfOcs';
import { clampedUniformKnots, evaluate, interpolate, type Nurbs } from './dxfNurbs';
import { invalid, type EntityShape } from './dxfShape';
import type { DxfPair } from './dxfText';

/**
 * SPLINE (world coordinates): degree 71, flags 70 (1 closed), knots 40, weights 41, control
 * points 10/20/30, fit points 11/21/31 with optional end tangents 12/22/32 and 13/23/33. Control
 * points win; a spline with fit points only is interpolated through them (the curve passes
 * every fit point; between them it may differ slightly from the CAD program's own fit). The
 * curve is sampled span by span and each piece halved until its chord stays within the
 * tolerance. A closed spline is a polygon.
 */
const MAX_DEGREE = 25;
const MAX_POINTS = 200_000;
const MAX_DEPTH = 24;

interface SplineData {
  degree: number;
  flags: number;
  knots: number[];
  weights: number[];
  control: Vec3[];
  fit: Vec3[];
  start?: Vec3;
  end?: Vec3;
}

function parse(pairs: readonly DxfPair[]): SplineData {
  const data: SplineData = { degree: 3, flags: 0, knots: [], weights: [], control: [], fit: [] };
  for (const { code, value } of pairs) {
    const v = Number(value);
    if (code === 71) data.degree = v;
    else if (code === 70) data.flags = v;
    else if (code === 40) data.knots.push(v);
    else if (code === 41) data.weights.push(v);
    else if (code === 10) data.control.push([v, NaN, 0]);
    else if (code === 20 && data.control.length) data.control.at(-1)![1] = v;
    else if (code === 30 && data.control.length) data.control.at(-1)![2] = v;
    else if (code === 11) data.fit.push([v, NaN, 0]);
    else if (code === 21 && data.fit.length) data.fit.at(-1)![1] = v;
    else if (code === 31 && data.fit.length) data.fit.at(-1)![2] = v;
    else if (code === 12) data.start = [v, 0, 0];
    else if (code === 22 && data.start) data.start[1] = v;
    else if (code === 32 && data.start) data.start[2] = v;
    else if (code === 13) data.end = [v, 0, 0];
    else if (code === 23 && data.end) data.end[1] = v;
    else if (code === 33 && data.end) data.end[2] = v;
  }
  return data;
}

const unit = (v: Vec3 | undefined): Vec3 | undefined => {
  const n = v ? Math.hypot(...v) : 0;
  return v && n > 0 && Number.isFinite(n) ? [v[0] / n, v[1] / n, v[2] / n] : undefined;
};

function curveOf(d: SplineData): Nurbs | EntityShape {
  const numbers = [d.degree, ...d.knots, ...d.weights, ...d.control.flat(), ...d.fit.flat()];
  if (!numbers.every(Number.isFinite))
    return invalid('坐标或节点不是数字', 'a coordinate or knot is not numeric');
  if (!Number.isInteger(d.degree) || d.degree < 1 || d.degree > MAX_DEGREE)
    return invalid(`阶数 ${d.degree} 无效`, `invalid degree ${d.degree}`);
  if (d.control.length === 0) {
    const curve = interpolate(d.fit, d.degree, unit(d.start), unit(d.end));
    return curve ?? invalid('拟合点不足或重合', 'too few or coincident fit points');
  }
  const count = d.control.length;
  if (count < d.degree + 1)
    return invalid(
      `${count} 个控制点不足以构成 ${d.degree} 阶样条`,
      `${count} control points are too few for degree ${d.degree}`,
    );
  const knots = d.knots.length
    ? d.knots.map((k) => (k < 0 && k > -1e-10 ? 0 : k))
    : clampedUniformKnots(count, d.degree);
  if (knots.length !== count + d.degree + 1)
    return invalid(
      `节点数 ${knots.length} 与控制点数 ${count}、阶数 ${d.degree} 不符`,
      `${knots.length} knots do not match ${count} control points of degree ${d.degree}`,
    );
  if (knots.some((k, i) => i > 0 && k < knots[i - 1]!)) return invalid('节点序列递减', 'knots decrease');
  if (!(knots[count]! > knots[d.degree]!))
    return invalid('样条参数区间为空', 'the spline has an empty parameter range');
  const weights = d.weights.length ? d.weights : d.control.map(() => 1);
  if (weights.length !== count || weights.some((w) => !(w > 0)))
    return invalid('权重个数不符或不为正', 'weights are missing, extra or not positive');
  return { degree: d.degree, control: d.control, knots, weights };
}

/** Distance from p to the segment a–b. */
function offChord(p: Vec3, a: Vec3, b: Vec3): number {
  const ab: Vec3 = [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
  const ap: Vec3 = [p[0] - a[0], p[1] - a[1], p[2] - a[2]];
  const len2 = ab[0] ** 2 + ab[1] ** 2 + ab[2] ** 2;
  const t = len2 > 0 ? Math.max(0, Math.min(1, (ap[0] * ab[0] + ap[1] * ab[1] + ap[2] * ab[2]) / len2)) : 0;
  return Math.hypot(ap[0] - t * ab[0], ap[1] - t * ab[1], ap[2] - t * ab[2]);
}

export function sampleCurve(curve: Nurbs, tolerance: number): Vec3[] {
  const { degree, knots, control } = curve;
  const points: Vec3[] = [evaluate(curve, knots[degree]!)];
  const refine = (u0: number, p0: Vec3, u1: number, p1: Vec3, depth: number) => {
    const probes = [1, 2, 3, 4, 5, 6, 7].map((k) => u0 + ((u1 - u0) * k) / 8);
    const values = probes.map((u) => evaluate(curve, u));
    const worst = Math.max(...values.map((v) => offChord(v, p0, p1)));
    if (depth >= MAX_DEPTH || points.length >= MAX_POINTS || (worst <= tolerance && depth > 0)) {
      spendActive('curveVertices', 1);
      points.push(p1);
      return;
    }
    refine(u0, p0, probes[3]!, values[3]!, depth + 1);
    refine(probes[3]!, values[3]!, u1, p1, depth + 1);
  };
  for (let k = degree; k < control.length; k++) {
    const u0 = knots[k]!;
    const u1 = knots[k + 1]!;
    if (!(u1 > u0)) continue;
    refine(u0, points.at(-1)!, u1, evaluate(curve, u1), 0);
  }
  return points;
}

export function splineShape(pairs: readonly DxfPair[], tolerance: number): EntityShape {
  const data = parse(pairs);
  const curve = curveOf(data);
  if ('kind' in curve) return curve;
  const points = sampleCurve(curve, tolerance);
  const first = points[0]!;
  const last = points.at(-1)!;
  const meets = Math.hypot(first[0] - last[0], first[1] - last[1], first[2] - last[2]) <= tolerance;
  if ((data.flags & 1 || meets) && points.length >= 4) {
    if (meets) points[points.length - 1] = first;
    else points.push(first);
    return { kind: 'polygon', polygons: [[points]] };
  }
  return { kind: 'line', points };
}

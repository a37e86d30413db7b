import { arcFromDxf, arcSegmentCount, densifyArc, type Point } from '../../geometry/densify';
import { clampedUniformKnots, interpolate, type Nurbs } from './dxfNurbs';
import type { Vec3 } from './dxfOcs';
import { sampleCurve } from './dxfSpline';
import type { DxfPair } from './dxfText';

/**
 * The edges of a HATCH edge boundary path (HATCH reference, "Edge data"): lines (type 1),
 * circular arcs (2), elliptic arcs (3) and splines (4). Arc and ellipse angles are stored
 * counter-clockwise; a clockwise edge (73 = 0) stores them mirrored, so it runs clockwise from the
 * negated start. Ellipse angles are circular angles, turned into ellipse parameters.
 */
export class Cursor {
  constructor(
    private readonly pairs: readonly DxfPair[],
    public at: number,
  ) {}
  peek(ahead = 0): DxfPair | undefined {
    return this.pairs[this.at + ahead];
  }
  num(code: number): number {
    const p = this.pairs[this.at];
    if (!p || p.code !== code)
      throw new Error(`group ${code} expected at pair ${this.at}, found ${p?.code ?? 'end'}`);
    this.at++;
    return Number(p.value);
  }
  text(code: number): string {
    const p = this.pairs[this.at];
    if (!p || p.code !== code)
      throw new Error(`group ${code} expected at pair ${this.at}, found ${p?.code ?? 'end'}`);
    this.at++;
    return p.value;
  }
  optional(code: number, fallback: number): number {
    return this.peek()?.code === code ? this.num(code) : fallback;
  }
}

const TAU = 2 * Math.PI;
const RAD = Math.PI / 180;
const turn = (a: number) => ((a % TAU) + TAU) % TAU;

function arcEdge(c: Cursor, tolerance: number): Point[] {
  const center: Point = [c.num(10), c.num(20)];
  const radius = c.num(40);
  const start = c.num(50);
  const end = c.num(51);
  const ccw = c.optional(73, 1) !== 0;
  const ccwArc = arcFromDxf(center, radius, start, end);
  return densifyArc(
    ccw ? ccwArc : { center, radius, startDeg: -start, sweepDeg: -ccwArc.sweepDeg },
    tolerance,
  );
}

function ellipseEdge(c: Cursor, tolerance: number): Point[] {
  const center: Point = [c.num(10), c.num(20)];
  const major: Point = [c.num(11), c.num(21)];
  const ratio = c.num(40);
  const start = c.num(50) * RAD;
  const end = c.num(51) * RAD;
  const ccw = c.optional(73, 1) !== 0;
  const param = (a: number) => Math.atan2(Math.sin(a) / ratio, Math.cos(a));
  const p0 = param(ccw ? start : -start);
  const p1 = param(ccw ? end : -end);
  const full = Math.abs(end - start) >= TAU - 1e-9;
  const sweep = full ? (ccw ? TAU : -TAU) : ccw ? turn(p1 - p0) || TAU : -(turn(p0 - p1) || TAU);
  const radius = Math.hypot(...major);
  const n = arcSegmentCount(radius, Math.abs(sweep) / RAD, tolerance);
  const minor: Point = [-major[1] * ratio, major[0] * ratio];
  const points: Point[] = [];
  for (let k = 0; k <= n; k++) {
    const t = p0 + (sweep * k) / n;
    points.push([
      center[0] + major[0] * Math.cos(t) + minor[0] * Math.sin(t),
      center[1] + major[1] * Math.cos(t) + minor[1] * Math.sin(t),
    ]);
  }
  return points;
}

function splineEdge(c: Cursor, tolerance: number, last: boolean): Point[] {
  const degree = c.num(94);
  const rational = c.num(73) !== 0;
  c.num(74); // periodic: the knots and control points already say it
  const knotCount = c.num(95);
  const controlCount = c.num(96);
  const knots: number[] = [];
  for (let i = 0; i < knotCount; i++) knots.push(c.num(40));
  const control: Vec3[] = [];
  const weights: number[] = [];
  for (let i = 0; i < controlCount; i++) {
    control.push([c.num(10), c.num(20), 0]);
    weights.push(rational ? c.optional(42, 1) : 1);
  }
  // R2010+ adds fit data (97 count, 11/21 points, 12/22 and 13/23 tangents). A 97 after the last
  // edge may instead be the path's count of source objects.
  const fit: Vec3[] = [];
  const next = c.peek(1)?.code;
  if (c.peek()?.code === 97 && (!last || next === 11 || next === 12 || next === 97)) {
    const fitCount = c.num(97);
    for (let i = 0; i < fitCount; i++) fit.push([c.num(11), c.num(21), 0]);
    for (const code of [12, 22, 13, 23]) c.optional(code, 0); // end tangents: the fit ignores them
  }
  const k = knots.length === controlCount + degree + 1 ? knots : clampedUniformKnots(controlCount, degree);
  const curve: Nurbs | null =
    controlCount > degree ? { degree, control, knots: k, weights } : interpolate(fit, degree);
  if (!curve) throw new Error('spline edge without enough control or fit points');
  return sampleCurve(curve, tolerance).map(([x, y]) => [x, y]);
}

/** One edge of an edge path, from its type code (72) on. */
export function readEdge(c: Cursor, tolerance: number, last: boolean): Point[] {
  const type = c.num(72);
  if (type === 1)
    return [
      [c.num(10), c.num(20)],
      [c.num(11), c.num(21)],
    ];
  if (type === 2) return arcEdge(c, tolerance);
  if (type === 3) return ellipseEdge(c, tolerance);
  if (type === 4) return splineEdge(c, tolerance, last);
  throw new Error(`unknown boundary edge type ${type}`);
}

import type { Vec3 } from './dxfOcs';

/**
 * B-spline and NURBS curves (Piegl & Tiller, "The NURBS Book", chapters 2, 4 and 9): evaluation
 * by de Boor's algorithm in homogeneous coordinates, and global interpolation of fit points.
 */
export interface Nurbs {
  degree: number;
  control: Vec3[];
  /** control.length + degree + 1 non-decreasing values. */
  knots: number[];
  /** One positive weight per control point. */
  weights: number[];
}

/** The knot span index k with knots[k] ≤ u < knots[k+1], limited to the curve's domain. */
export function findSpan(knots: readonly number[], degree: number, count: number, u: number): number {
  if (u >= knots[count]!) {
    let k = count - 1;
    while (k > degree && knots[k]! >= knots[k + 1]!) k--;
    return k;
  }
  let lo = degree;
  let hi = count;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (u < knots[mid]!) hi = mid;
    else lo = mid;
  }
  return lo;
}

/** The degree + 1 non-zero basis functions at u in span k (The NURBS Book A2.2). */
export function basisFunctions(knots: readonly number[], degree: number, k: number, u: number): number[] {
  const n = [1];
  const left: number[] = [];
  const right: number[] = [];
  for (let j = 1; j <= degree; j++) {
    left[j] = u - knots[k + 1 - j]!;
    right[j] = knots[k + j]! - u;
    let saved = 0;
    for (let r = 0; r < j; r++) {
      const denominator = right[r + 1]! + left[j - r]!;
      const t = denominator === 0 ? 0 : n[r]! / denominator;
      n[r] = saved + right[r + 1]! * t;
      saved = left[j - r]! * t;
    }
    n[j] = saved;
  }
  return n;
}

export function evaluate(curve: Nurbs, u: number): Vec3 {
  const { degree, control, knots, weights } = curve;
  const k = findSpan(knots, degree, control.length, u);
  const basis = basisFunctions(knots, degree, k, u);
  let x = 0;
  let y = 0;
  let z = 0;
  let w = 0;
  for (let j = 0; j <= degree; j++) {
    const i = k - degree + j;
    const f = basis[j]! * weights[i]!;
    x += f * control[i]![0];
    y += f * control[i]![1];
    z += f * control[i]![2];
    w += f;
  }
  return [x / w, y / w, z / w];
}

/** Clamped knots with uniform interior spacing (what CAD programs assume when none are given). */
export function clampedUniformKnots(count: number, degree: number): number[] {
  const knots: number[] = [];
  for (let i = 0; i <= count + degree; i++) knots.push(Math.min(Math.max(i - degree, 0), count - degree));
  return knots;
}

/**
 * Solves a banded system without pivoting (the collocation matrices of interpolation are totally
 * positive, so elimination in order is stable). Rows are given as {first column, values}.
 */
function solveBanded(rows: { first: number; values: number[] }[], rhs: Vec3[]): Vec3[] | null {
  const n = rows.length;
  const a = rows.map((r) => {
    const full = new Map<number, number>();
    r.values.forEach((v, j) => full.set(r.first + j, v));
    return full;
  });
  const b = rhs.map((p) => [...p] as Vec3);
  for (let j = 0; j < n; j++) {
    const pivot = a[j]!.get(j) ?? 0;
    if (Math.abs(pivot) < 1e-300) return null;
    for (let i = j + 1; i < n; i++) {
      const f = (a[i]!.get(j) ?? 0) / pivot;
      if (f === 0) {
        if (rows[i]!.first > j) break; // later rows start further right
        continue;
      }
      for (const [c, v] of a[j]!) if (c >= j) a[i]!.set(c, (a[i]!.get(c) ?? 0) - f * v);
      for (let d = 0; d < 3; d++) b[i]![d] = b[i]![d]! - f * b[j]![d]!;
    }
  }
  const x: Vec3[] = new Array<Vec3>(n);
  for (let i = n - 1; i >= 0; i--) {
    const s: Vec3 = [...b[i]!];
    for (const [c, v] of a[i]!) if (c > i) for (let d = 0; d < 3; d++) s[d] = s[d]! - v * x[c]![d]!;
    const pivot = a[i]!.get(i)!;
    x[i] = [s[0] / pivot, s[1] / pivot, s[2] / pivot];
  }
  return x;
}

/**
 * The curve of the given degree through the fit points (chord-length parameters, averaged
 * knots; The NURBS Book 9.2.1), with end tangent directions when given (9.2.2; scaled by the
 * total chord length). Null when the points do not define a curve.
 */
export function interpolate(points: Vec3[], degree: number, start?: Vec3, end?: Vec3): Nurbs | null {
  const n = points.length - 1;
  const p = Math.min(degree, n);
  if (n < 1 || p < 1) return null;
  const chords = points
    .slice(1)
    .map((q, i) => Math.hypot(q[0] - points[i]![0], q[1] - points[i]![1], q[2] - points[i]![2]));
  const total = chords.reduce((s, c) => s + c, 0);
  if (!(total > 0) || chords.some((c) => c === 0)) return null;
  const params = [0];
  for (const c of chords) params.push(params.at(-1)! + c / total);
  params[n] = 1;
  const tangents = start && end && p >= 2;
  const count = tangents ? n + 3 : n + 1;
  const knots = new Array<number>(p + 1).fill(0);
  for (let j = tangents ? 0 : 1; knots.length < count; j++) {
    let s = 0;
    for (let i = j; i < j + p; i++) s += params[Math.min(i, n)]!;
    knots.push(s / p);
  }
  while (knots.length < count + p + 1) knots.push(1);
  const rows: { first: number; values: number[] }[] = [];
  const rhs: Vec3[] = [];
  const collocate = (u: number, q: Vec3) => {
    const k = findSpan(knots, p, count, u);
    rows.push({ first: k - p, values: basisFunctions(knots, p, k, u) });
    rhs.push(q);
  };
  const scaled = (v: Vec3, f: number): Vec3 => [v[0] * f, v[1] * f, v[2] * f];
  if (tangents) {
    rows.push({ first: 0, values: [1] });
    rhs.push(points[0]!);
    rows.push({ first: 0, values: [-1, 1] });
    rhs.push(scaled(start!, (knots[p + 1]! / p) * total));
    for (let k = 1; k < n; k++) collocate(params[k]!, points[k]!);
    rows.push({ first: count - 2, values: [-1, 1] });
    rhs.push(scaled(end!, ((1 - knots[count - 1]!) / p) * total));
    rows.push({ first: count - 1, values: [1] });
    rhs.push(points[n]!);
  } else for (let k = 0; k <= n; k++) collocate(params[k]!, points[k]!);
  const control = solveBanded(rows, rhs);
  return control ? { degree: p, control, knots, weights: control.map(() => 1) } : null;
}

import { numberOf } from './dxfEntities';
import type { DxfPair } from './dxfText';

/**
 * DXF coordinate systems as affine maps. 2D entities (LWPOLYLINE, CIRCLE, ARC, TEXT, INSERT,
 * SOLID, HATCH, 2D POLYLINE) store their points in an Object Coordinate System given by the
 * extrusion direction (groups 210/220/230) through the "arbitrary axis algorithm" of the DXF
 * reference; a mirrored drawing has extrusion 0,0,−1, so x runs west. Block references compose
 * one more map per nesting level. The plan view keeps x and y of the world coordinates.
 */
export type Vec3 = [number, number, number];

/** Row-major 3×4 affine map: x' = m[0]x + m[1]y + m[2]z + m[3], y' = m[4]x + …, z' = m[8]x + …. */
export type Affine = readonly number[];

export const IDENTITY: Affine = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0];

export function applyAffine(m: Affine, p: Vec3): Vec3 {
  const [x, y, z] = p;
  return [
    m[0]! * x + m[1]! * y + m[2]! * z + m[3]!,
    m[4]! * x + m[5]! * y + m[6]! * z + m[7]!,
    m[8]! * x + m[9]! * y + m[10]! * z + m[11]!,
  ];
}

/** A direction (no translation) through the map. */
export function applyLinear(m: Affine, v: Vec3): Vec3 {
  const [x, y, z] = v;
  return [
    m[0]! * x + m[1]! * y + m[2]! * z,
    m[4]! * x + m[5]! * y + m[6]! * z,
    m[8]! * x + m[9]! * y + m[10]! * z,
  ];
}

/** `outer` after `inner`: compose(outer, inner)(p) = outer(inner(p)). */
export function compose(outer: Affine, inner: Affine): Affine {
  const out: number[] = [];
  for (let r = 0; r < 3; r++) {
    for (let c = 0; c < 4; c++) {
      let v = c === 3 ? outer[r * 4 + 3]! : 0;
      for (let k = 0; k < 3; k++) v += outer[r * 4 + k]! * inner[k * 4 + c]!;
      out.push(v);
    }
  }
  return out;
}

export const translation = ([x, y, z]: Vec3): Affine => [1, 0, 0, x, 0, 1, 0, y, 0, 0, 1, z];

/** Scale along the axes, then rotate about z by `degrees` counter-clockwise. */
export function scaleRotate(sx: number, sy: number, sz: number, degrees: number): Affine {
  const a = (degrees * Math.PI) / 180;
  const c = Math.cos(a);
  const s = Math.sin(a);
  return [c * sx, -s * sy, 0, 0, s * sx, c * sy, 0, 0, 0, 0, sz, 0];
}

const cross = (a: Vec3, b: Vec3): Vec3 => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];
const unit = (v: Vec3): Vec3 | null => {
  const n = Math.hypot(...v);
  return n > 0 && Number.isFinite(n) ? [v[0] / n, v[1] / n, v[2] / n] : null;
};

/** The extrusion direction of an entity (210/220/230), unit length; +Z when absent or null. */
export function extrusionOf(pairs: readonly DxfPair[]): Vec3 {
  return unit([numberOf(pairs, 210, 0), numberOf(pairs, 220, 0), numberOf(pairs, 230, 1)]) ?? [0, 0, 1];
}

const isPlusZ = (n: Vec3) => n[0] === 0 && n[1] === 0 && n[2] === 1;

/** OCS → WCS for an extrusion direction (the DXF arbitrary axis algorithm). */
export function ocsToWcs(normal: Vec3): Affine {
  if (isPlusZ(normal)) return IDENTITY;
  const limit = 1 / 64;
  const ax = unit(
    Math.abs(normal[0]) < limit && Math.abs(normal[1]) < limit
      ? cross([0, 1, 0], normal)
      : cross([0, 0, 1], normal),
  )!;
  const ay = unit(cross(normal, ax))!;
  return [ax[0], ay[0], normal[0], 0, ax[1], ay[1], normal[1], 0, ax[2], ay[2], normal[2], 0];
}

/**
 * How much the map can stretch a length as seen in plan: the largest singular value of its
 * x/y rows. Curves are densified with the tolerance divided by it, so the chords stay within
 * the tolerance after block scaling.
 */
export function planarScale(m: Affine): number {
  const a = [m[0]!, m[1]!, m[2]!];
  const b = [m[4]!, m[5]!, m[6]!];
  const aa = a[0]! ** 2 + a[1]! ** 2 + a[2]! ** 2;
  const bb = b[0]! ** 2 + b[1]! ** 2 + b[2]! ** 2;
  const ab = a[0]! * b[0]! + a[1]! * b[1]! + a[2]! * b[2]!;
  const half = (aa + bb) / 2;
  return Math.sqrt(half + Math.sqrt(Math.max(0, ((aa - bb) / 2) ** 2 + ab * ab)));
}

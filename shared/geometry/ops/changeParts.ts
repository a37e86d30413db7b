import type { ZoneGeometry } from '../../domain/geometry';
import { ellipsoidalArea } from '../area';
import { geometryFingerprint } from '../fingerprint';
import { factory, fromJsts, polygonParts, type JstsGeometry } from '../jsts/convert';
import { area, difference, isValid, repair, unionAll } from '../jsts/ops';
import { gkProjection } from '../jsts/projection';
import { planar, type OpOptions } from './planar';

export interface ChangePartsOptions {
  /** Parts smaller than this (planar m²) are noise of the overlay, not a change; default 0.01. */
  sliverM2?: number;
}

/** What a set of zones gained and lost between two states, in lon/lat with ellipsoidal areas. */
export interface GainedLost {
  /** Land inside `after` but not `before` (调入), null when none. */
  gained: ZoneGeometry | null;
  /** Land inside `before` but not `after` (调出), null when none. */
  lost: ZoneGeometry | null;
  gainedM2: number;
  lostM2: number;
  /** Parts below the sliver threshold, dropped from both sides. */
  slivers: number;
}

const NONE: GainedLost = { gained: null, lost: null, gainedM2: 0, lostM2: 0, slivers: 0 };

/** True when both lists hold the same geometries, in any order (compared by fingerprint). */
export function sameGeometries(before: readonly ZoneGeometry[], after: readonly ZoneGeometry[]): boolean {
  if (before.length !== after.length) return false;
  const a = before.map(geometryFingerprint).sort((x, y) => x - y);
  const b = after.map(geometryFingerprint).sort((x, y) => x - y);
  return a.every((v, i) => v === b[i]);
}

function unionOf(list: readonly ZoneGeometry[], options: OpOptions, checked: boolean): JstsGeometry {
  const parts = list.map((g) => {
    const p = planar(g, options);
    return !checked || isValid(p) ? p : repair(p);
  });
  return parts.length === 1 ? parts[0]! : unionAll(parts);
}

/**
 * The two differences. Stored zones are valid, so the validity check (as costly as the overlay)
 * runs only when the overlay fails on an input the store would not hold, e.g. from an old file.
 */
function differences(
  before: readonly ZoneGeometry[],
  after: readonly ZoneGeometry[],
  options: OpOptions,
  checked = false,
): [JstsGeometry | null, JstsGeometry | null] {
  try {
    const a = before.length ? unionOf(before, options, checked) : null;
    const b = after.length ? unionOf(after, options, checked) : null;
    return [b ? (a ? difference(b, a) : b) : null, a ? (b ? difference(a, b) : a) : null];
  } catch (error) {
    if (checked) throw error;
    return differences(before, after, options, true);
  }
}

/** The polygonal parts of `g` at least `sliverM2` large, and how many were smaller. */
function withoutSlivers(g: JstsGeometry, sliverM2: number): { kept: JstsGeometry; slivers: number } {
  const parts = polygonParts(g);
  const kept = parts.filter((p) => area(p) >= sliverM2);
  return {
    kept: factory.createMultiPolygon(kept as never[]) as unknown as JstsGeometry,
    slivers: parts.length - kept.length,
  };
}

/**
 * The land `after` covers that `before` did not (gained) and the reverse (lost), for one unit of
 * comparison (the zones of one object and zone type in two states). The overlay runs in the
 * project's Gauss-Krüger plane, where straight edges are what the zones draw; the parts go back
 * to lon/lat and their areas are ellipsoidal, as the planning database measures them. Identical
 * inputs (same geometries in any order) skip the overlay.
 */
export function gainedLost(
  before: readonly ZoneGeometry[],
  after: readonly ZoneGeometry[],
  options: OpOptions,
  { sliverM2 = 0.01 }: ChangePartsOptions = {},
): GainedLost {
  if (sameGeometries(before, after)) return NONE;
  const { unproject } = gkProjection(options.gkZone);
  const [gainedPlanar, lostPlanar] = differences(before, after, options);
  let slivers = 0;
  const side = (g: JstsGeometry | null): ZoneGeometry | null => {
    if (!g) return null;
    const { kept, slivers: dropped } = withoutSlivers(g, sliverM2);
    slivers += dropped;
    return fromJsts(kept, unproject);
  };
  const gained = side(gainedPlanar);
  const lost = side(lostPlanar);
  return {
    gained,
    lost,
    gainedM2: gained ? ellipsoidalArea(gained) : 0,
    lostM2: lost ? ellipsoidalArea(lost) : 0,
    slivers,
  };
}

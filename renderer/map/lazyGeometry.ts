import MultiPolygon from 'ol/geom/MultiPolygon';
import Polygon from 'ol/geom/Polygon';
import { fromEPSG4326 } from 'ol/proj/epsg3857';
import type { PackedGeometry } from '../../shared/domain/packedGeometry';

/**
 * Map geometries of stored zones that keep no Web Mercator copy of their own: OpenLayers reads
 * `flatCoordinates`, and here that is a getter converting the zone's packed lon/lat (held by the
 * project mirror anyway) when asked — the same array while somebody holds it, gone at the next
 * garbage collection when nobody does. A county's 10 000 zones kept 34 MB of converted values for
 * the few the page ever reads again: the tiles are drawn by the worker, and hit tests, snapping
 * and labels read only the zones under the pointer or on screen.
 *
 * A geometry becomes an ordinary one (`pinned`) when it is set or changed in place (Modify,
 * translate) or is being edited (`pinGeometry`): its values are then its own.
 */
interface Lazy {
  packed?: PackedGeometry;
  /** Web Mercator box of the packed values. */
  box?: number[];
  pinned?: number[] | null;
  given?: WeakRef<number[]>;
}

const state = new WeakMap<object, Lazy>();

function converted(lazy: Lazy): number[] {
  let flat = lazy.given?.deref();
  if (!flat) {
    flat = Array.from(lazy.packed!.flat);
    fromEPSG4326(flat, flat);
    lazy.given = new WeakRef(flat);
  }
  return flat;
}

function lazyOf(geometry: object): Lazy {
  let lazy = state.get(geometry);
  if (!lazy) state.set(geometry, (lazy = {}));
  return lazy;
}

/** Still reading the packed values (not pinned). */
const isLazy = (geometry: object): boolean => {
  const lazy = state.get(geometry);
  return Boolean(lazy?.packed && !lazy.pinned);
};

/** OpenLayers' caches that would keep the converted values alive; forgotten while lazy. */
interface OrientedCache {
  orientedRevision_: number;
  orientedFlatCoordinates_: number[] | null;
}

/** The box when still lazy: the extent without converting a zone to index it. */
function lazyBox(geometry: object, extent: number[]): number[] | null {
  const box = isLazy(geometry) ? state.get(geometry)!.box : undefined;
  if (!box) return null;
  for (let i = 0; i < 4; i++) extent[i] = box[i]!;
  return extent;
}

/** Forget the oriented copy OpenLayers caches for hit tests: it would keep the values alive. */
function forgetOriented(geometry: object): void {
  if (!isLazy(geometry)) return;
  const cache = geometry as unknown as OrientedCache;
  cache.orientedRevision_ = -1;
  cache.orientedFlatCoordinates_ = null;
}

class LazyPolygon extends Polygon {}
class LazyMultiPolygon extends MultiPolygon {}

/** OpenLayers' members both lazy kinds override, read from the kind each one extends. */
interface Overridden {
  computeExtent(extent: number[]): number[];
  getOrientedFlatCoordinates(): number[];
  changed(): void;
}

for (const [kind, base] of [
  [LazyPolygon, Polygon],
  [LazyMultiPolygon, MultiPolygon],
] as const) {
  const inherited = base.prototype as unknown as Overridden;
  Object.defineProperties(kind.prototype, {
    flatCoordinates: {
      get(this: object): number[] {
        const lazy = lazyOf(this);
        return lazy.pinned ?? (lazy.packed ? converted(lazy) : []);
      },
      set(this: object, value: number[]) {
        lazyOf(this).pinned = value;
      },
      configurable: true,
    },
    computeExtent: {
      value(this: object, extent: number[]): number[] {
        return lazyBox(this, extent) ?? inherited.computeExtent.call(this, extent);
      },
    },
    getOrientedFlatCoordinates: {
      value(this: object): number[] {
        const oriented = inherited.getOrientedFlatCoordinates.call(this);
        forgetOriented(this);
        return oriented;
      },
    },
    // A change in place (translate, rotate): the values are now the geometry's own.
    changed: {
      value(this: object): void {
        pinGeometry(this);
        inherited.changed.call(this);
      },
    },
  });
}

/** The Web Mercator box of lon/lat values: Web Mercator keeps each axis' order. */
function mercatorBox(lonLat: Float64Array): number[] {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < lonLat.length; i += 2) {
    const x = lonLat[i]!;
    const y = lonLat[i + 1]!;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return fromEPSG4326([minX, minY, maxX, maxY]);
}

/** The map geometry of a packed stored geometry, converted only when read. */
export function lazyMapGeometry(packed: PackedGeometry): Polygon | MultiPolygon {
  const ends = Array.from(packed.ends);
  let geometry: Polygon | MultiPolygon;
  if (packed.type === 'Polygon') geometry = new LazyPolygon([], 'XY', ends);
  else {
    const endss: number[][] = [];
    let r = 0;
    for (const polygonEnd of packed.polygonEnds) endss.push(ends.slice(r, (r = polygonEnd)));
    geometry = new LazyMultiPolygon([], 'XY', endss);
  }
  const lazy = lazyOf(geometry);
  lazy.pinned = null;
  lazy.packed = packed;
  lazy.box = mercatorBox(packed.flat);
  return geometry;
}

/** Keep a geometry's converted values as its own (a zone being edited); no-op for other geometries. */
export function pinGeometry(geometry: object | undefined): void {
  const lazy = geometry && state.get(geometry);
  if (lazy && lazy.packed && !lazy.pinned) lazy.pinned = converted(lazy);
}

/** The stored lon/lat of a geometry still reading them (not pinned), else null. */
export function unconvertedLonLat(geometry: object): PackedGeometry | null {
  return isLazy(geometry) ? state.get(geometry)!.packed! : null;
}

/** Whether the geometry holds converted values of its own (tests). */
export function isPinned(geometry: object): boolean {
  return !isLazy(geometry);
}

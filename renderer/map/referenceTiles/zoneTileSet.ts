import { fromEPSG4326 } from 'ol/proj/epsg3857';
import { DEFAULT_SYMBOLS } from '../../../shared/domain/symbology';
import type { ZoneType } from '../../../shared/domain/taxonomy';
import { buildBoxIndex, type Box, type BoxIndex } from '../../../shared/geometry/spatialIndex';

/**
 * Zones as the page hands them to the tile worker: one batch of flat vertices, cut into rings and
 * zones. A zone's vertices are either the map feature's own Web Mercator values or, for a zone the
 * map has not converted (lazyGeometry.ts), its stored lon/lat, converted here by the same
 * OpenLayers function the map uses — so tiles and hit tests agree to the bit either way.
 */
export interface PackedZones {
  ids: string[];
  types: ZoneType[];
  /** x, y pairs in map coordinates (Web Mercator metres), or lon/lat where `lonLat` says so. */
  coords: Float64Array;
  /** Per zone: 1 when its coords are lon/lat degrees (absent: none are). */
  lonLat?: Uint8Array;
  /** Per ring: its first vertex (pair index); one more entry closes the last ring. */
  ringStarts: Uint32Array;
  /** Per zone: its first ring; one more entry closes the last zone. */
  zoneRings: Uint32Array;
}

/** A change to the zones a tile set draws (applied in this order). */
export interface ZoneTileChange {
  /** Forget every zone first (another project was opened). */
  reset?: boolean;
  removed?: string[];
  /** Zones added or replaced by id. */
  zones?: PackedZones;
  /** The hidden zone types, when they changed. */
  hidden?: ZoneType[];
  /** The selected zones (drawn by the page as vectors, so left out of tiles), when they changed. */
  selected?: string[];
}

export interface TiledZone {
  id: string;
  type: ZoneType;
  /** Insertion rank: zones of one type are drawn in the order they came. */
  seq: number;
  coords: Float64Array;
  /** Ring starts as pair indices into `coords`, closed by one more entry. */
  rings: Uint32Array;
  box: Box;
}

/** Pack zones given as flat map coordinates and ring ends (OpenLayers' `getFlatCoordinates`/ends). */
export function packZones(
  zones: {
    id: string;
    type: ZoneType;
    flat: ArrayLike<number>;
    ends: readonly number[] | Uint32Array;
    /** `flat` is lon/lat degrees, to be converted by the tile worker. */
    lonLat?: boolean;
  }[],
): PackedZones {
  let values = 0;
  let rings = 0;
  for (const z of zones) {
    values += z.flat.length;
    rings += z.ends.length;
  }
  const coords = new Float64Array(values);
  const ringStarts = new Uint32Array(rings + 1);
  const zoneRings = new Uint32Array(zones.length + 1);
  let v = 0;
  let r = 0;
  zones.forEach((z, i) => {
    zoneRings[i] = r;
    coords.set(z.flat, v);
    let start = v;
    for (const end of z.ends) {
      ringStarts[r++] = start / 2;
      start = v + end;
    }
    v += z.flat.length;
  });
  ringStarts[r] = v / 2;
  zoneRings[zones.length] = r;
  const packed: PackedZones = {
    ids: zones.map((z) => z.id),
    types: zones.map((z) => z.type),
    coords,
    ringStarts,
    zoneRings,
  };
  if (zones.some((z) => z.lonLat)) packed.lonLat = Uint8Array.from(zones, (z) => (z.lonLat ? 1 : 0));
  return packed;
}

/**
 * The zones one tile layer draws, held by the tile worker and patched by id. The R-tree over their
 * boxes is static (flatbush), so it is rebuilt on the first tile drawn after a change — a few
 * milliseconds for 10 000 zones, off the page's thread.
 */
export class ZoneTileSet {
  hidden = new Set<ZoneType>();
  selected = new Set<string>();
  private readonly zones = new Map<string, TiledZone>();
  private nextSeq = 0;
  private list: TiledZone[] = [];
  private index: BoxIndex | null = null;

  apply(change: ZoneTileChange): void {
    if (change.reset) this.zones.clear();
    for (const id of change.removed ?? []) this.zones.delete(id);
    if (change.zones) this.put(change.zones);
    if (change.hidden) this.hidden = new Set(change.hidden);
    if (change.selected) this.selected = new Set(change.selected);
    if (change.reset || change.removed?.length || change.zones) this.index = null;
  }

  get size(): number {
    return this.zones.size;
  }

  /**
   * The zones a tile shows within `box`: not hidden, not selected, in drawing order (outer types
   * first, by `DEFAULT_SYMBOLS[type].order`, then as they came).
   */
  drawn(box: Box): TiledZone[] {
    if (!this.index) {
      this.list = [...this.zones.values()];
      const boxes = new Float64Array(this.list.length * 4);
      this.list.forEach((z, i) => boxes.set(z.box, 4 * i));
      this.index = buildBoxIndex(boxes);
    }
    return this.index
      .search(box)
      .map((i) => this.list[i]!)
      .filter((z) => !this.hidden.has(z.type) && !this.selected.has(z.id))
      .sort((a, b) => DEFAULT_SYMBOLS[a.type].order - DEFAULT_SYMBOLS[b.type].order || a.seq - b.seq);
  }

  private put(packed: PackedZones): void {
    const { coords, ringStarts, zoneRings } = packed;
    packed.ids.forEach((id, i) => {
      const r0 = zoneRings[i]!;
      const r1 = zoneRings[i + 1]!;
      const v0 = ringStarts[r0]!;
      const v1 = ringStarts[r1]!;
      const own = coords.subarray(2 * v0, 2 * v1);
      if (own.length === 0) return void this.zones.delete(id);
      // OpenLayers' function takes any indexable array: converted in place, no copy.
      if (packed.lonLat?.[i]) fromEPSG4326(own as unknown as number[], own as unknown as number[]);
      const rings = new Uint32Array(r1 - r0 + 1);
      for (let r = r0; r <= r1; r++) rings[r - r0] = ringStarts[r]! - v0;
      const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
      for (let k = 0; k < own.length; k += 2) {
        const x = own[k]!;
        const y = own[k + 1]!;
        if (x < box[0]) box[0] = x;
        if (y < box[1]) box[1] = y;
        if (x > box[2]) box[2] = x;
        if (y > box[3]) box[3] = y;
      }
      const seq = this.zones.get(id)?.seq ?? this.nextSeq++;
      this.zones.set(id, { id, type: packed.types[i]!, seq, coords: own, rings, box });
    });
  }
}

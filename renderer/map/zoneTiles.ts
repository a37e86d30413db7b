import type OlMap from 'ol/Map';
import { getWidth } from 'ol/extent';
import type Layer from 'ol/layer/Layer';
import TileLayer from 'ol/layer/Tile';
import { get as getProjection } from 'ol/proj';
import TileGrid from 'ol/tilegrid/TileGrid';
import { boxesIntersect, type Box } from '../../shared/geometry/spatialIndex';
import { mapBusyFlag, TileClient } from './referenceTiles/tileClient';
import { WorkerTileSource } from './referenceTiles/workerTileLayer';
import type { ZoneTileChange } from './referenceTiles/zoneTileSet';

/** A change for the zone tiles, and the map boxes whose tiles it makes stale ('all': every tile). */
export interface ZoneTileUpdate extends ZoneTileChange {
  dirty: Box[] | 'all';
}

/** Where ZoneLayers sends the zones it does not draw as vectors. */
export interface ZoneTileSink {
  /** The layer compositing the tiles; null without a worker (unit tests in Node). */
  readonly layer: Layer | null;
  update(update: ZoneTileUpdate): void;
  dispose(): void;
}

const TILE_SIZE = 256;
/**
 * Tile levels per zoom level. The view zooms continuously (constrainResolution is off), and a tile
 * drawn for another resolution is stretched: at 8 levels per zoom level a tile is shown within
 * ±4.4 % of the scale it was drawn at, so outlines and hatch spacing stay as the symbols say.
 */
const LEVELS_PER_ZOOM = 8;
const MAX_ZOOM = 23;
/** The widest outline reaches this many CSS pixels past its zone's box (zonePaint.ts symbols). */
const REACH_PX = 4;
/** Bitmaps kept for reuse when a change leaves their tile alone (a few windows' worth). */
const KEPT_TILES = 160;
/** Changes remembered to tell whether a tile drawn before them is still current. */
const KEPT_CHANGES = 64;

const world = getProjection('EPSG:3857')!.getExtent();
export const ZONE_TILE_GRID = new TileGrid({
  extent: world,
  origin: [world[0]!, world[3]!],
  tileSize: TILE_SIZE,
  resolutions: Array.from(
    { length: MAX_ZOOM * LEVELS_PER_ZOOM + 1 },
    (_, i) => getWidth(world) / TILE_SIZE / 2 ** (i / LEVELS_PER_ZOOM),
  ),
});

/** One tile being drawn by the worker, shared by every OpenLayers tile asking for it. */
export interface Drawing {
  /** The box a change must touch to make the drawing stale. */
  reach: Box;
  bitmap: Promise<ImageBitmap>;
  /** Stop drawing it (cancelled in the worker) and let no tile join it any more. */
  cancel(): void;
  /** OpenLayers tiles waiting for it; the last one to give up cancels it. */
  waiters: number;
}

/**
 * Wait for a shared drawing on behalf of one OpenLayers tile: its `signal` (the tile was disposed)
 * rejects at once, so the tile settles, and cancels the drawing if no other tile waits for it.
 */
export function waitFor(shared: Drawing, signal: AbortSignal): Promise<ImageBitmap> {
  if (signal.aborted) return Promise.reject(new DOMException('tile no longer needed', 'AbortError'));
  shared.waiters++;
  return new Promise((resolve, reject) => {
    let waiting = true;
    const leave = () => {
      if (!waiting) return;
      waiting = false;
      if (--shared.waiters === 0) shared.cancel();
      reject(new DOMException('tile no longer needed', 'AbortError'));
    };
    signal.addEventListener('abort', leave, { once: true });
    shared.bitmap.then(
      (bitmap) => {
        if (!waiting) return;
        waiting = false;
        shared.waiters--;
        signal.removeEventListener('abort', leave);
        resolve(bitmap);
      },
      (error: unknown) => {
        if (!waiting) return;
        waiting = false;
        shared.waiters--;
        signal.removeEventListener('abort', leave);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

const grown = (extent: Box): Box => {
  const r = (REACH_PX * (extent[2] - extent[0])) / TILE_SIZE;
  return [extent[0] - r, extent[1] - r, extent[2] + r, extent[3] + r];
};

/**
 * The tile bitmaps still current, by tile key, so a change redraws only the tiles it touches. A
 * bitmap asked for before a change that touches its tile is not kept (it may show the old state).
 */
export class KeptTiles<T> {
  private readonly kept = new Map<string, { value: T; reach: Box }>();
  private readonly changes: { generation: number; dirty: Box[] | 'all' }[] = [];
  private generation = 0;

  /** A mark to hand back to `keep` with the bitmap drawn from now on. */
  get now(): number {
    return this.generation;
  }

  get(key: string): T | undefined {
    const hit = this.kept.get(key);
    if (!hit) return undefined;
    this.kept.delete(key);
    this.kept.set(key, hit);
    return hit.value;
  }

  /** Keep a tile's bitmap asked for at `asked`, unless a change since then touched the tile. */
  keep(key: string, extent: Box, asked: number, value: T): void {
    const reach = grown(extent);
    const stale =
      asked < this.generation - this.changes.length ||
      this.changes.some(
        (c) => c.generation > asked && (c.dirty === 'all' || c.dirty.some((b) => boxesIntersect(b, reach))),
      );
    if (stale) return;
    this.kept.set(key, { value, reach });
    if (this.kept.size > KEPT_TILES) this.kept.delete(this.kept.keys().next().value!);
  }

  /** Forget the tiles under these boxes; false when nothing could have changed. */
  change(dirty: Box[] | 'all'): boolean {
    if (dirty !== 'all' && dirty.length === 0) return false;
    if (dirty === 'all') this.kept.clear();
    else
      for (const [key, tile] of this.kept)
        if (dirty.some((b) => boxesIntersect(b, tile.reach))) this.kept.delete(key);
    this.changes.push({ generation: ++this.generation, dirty });
    if (this.changes.length > KEPT_CHANGES) this.changes.shift();
    return true;
  }
}

/**
 * The unselected zones as raster tiles drawn by the tile worker (referenceTiles/tileWorker.ts)
 * and composited by OpenLayers' canvas tile layer: panning, hovering and dragging never draw a
 * zone on the page's thread. A change re-asks every tile (the old ones stay on screen until the
 * new ones come), but only tiles touching a changed zone's old or new box are drawn again; the
 * others are handed back from the bitmaps kept here.
 */
export function createZoneTiles(map: OlMap, zIndex: number): ZoneTileSink {
  if (typeof Worker === 'undefined') return { layer: null, update() {}, dispose() {} };
  const id = 'zones';
  const client = new TileClient(mapBusyFlag(() => map.getTargetElement() ?? undefined));
  const pixelRatio = Math.min(2, Math.max(1, window.devicePixelRatio || 1));
  const size = Math.round(TILE_SIZE * pixelRatio);
  const kept = new KeptTiles<ImageBitmap>();
  /**
   * Tiles being drawn, by tile key. After a change OpenLayers asks again for every tile (a new
   * source key): a tile the change did not touch joins the drawing already under way instead of
   * being drawn twice. A drawing ends early only when a change touches it or nobody waits for it.
   */
  const drawing = new Map<string, Drawing>();
  const draw = (key: string, extent: Box): Drawing => {
    const asked = kept.now;
    const controller = new AbortController();
    const tile = { extent, width: size, height: size, pixelRatio };
    const forget = () => {
      if (drawing.get(key) === started) drawing.delete(key);
    };
    const started: Drawing = {
      reach: grown(extent),
      waiters: 0,
      bitmap: client.tile(id, tile, controller.signal).then((bitmap) => {
        kept.keep(key, extent, asked, bitmap);
        return bitmap;
      }),
      cancel() {
        forget();
        controller.abort();
      },
    };
    started.bitmap.then(forget, forget);
    drawing.set(key, started);
    return started;
  };

  // Re-asked after each change (a new key): most tiles come back from the kept bitmaps at once.
  const source = new WorkerTileSource({
    projection: 'EPSG:3857',
    tileGrid: ZONE_TILE_GRID,
    interpolate: true,
    transition: 0,
    loader: (z, x, y, { signal }) => {
      const key = `${z}/${x}/${y}`;
      const hit = kept.get(key);
      if (hit) return Promise.resolve(hit);
      const extent = ZONE_TILE_GRID.getTileCoordExtent([z, x, y]) as Box;
      const shared = drawing.get(key) ?? draw(key, extent);
      return waitFor(shared, signal);
    },
  });
  const layer = new TileLayer({ source, zIndex, properties: { name: 'zones' } });
  map.addLayer(layer);

  return {
    layer,
    update({ dirty, ...change }) {
      client.changeZones(id, change);
      if (!kept.change(dirty)) return;
      // A drawing under the change is stale: cancelled in the worker, its tiles settle as errors
      // (OpenLayers counts them done) and the new source key asks for them afresh.
      for (const shared of [...drawing.values()])
        if (dirty === 'all' || dirty.some((b) => boxesIntersect(b, shared.reach))) shared.cancel();
      source.redraw();
    },
    dispose() {
      client.drop(id);
      client.dispose();
      map.removeLayer(layer);
      layer.dispose();
    },
  };
}

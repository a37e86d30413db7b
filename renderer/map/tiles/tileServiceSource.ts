import ImageTile from 'ol/source/ImageTile';
import type TileGrid from 'ol/tilegrid/TileGrid';
import { fillTileTemplate } from '../../../shared/tiles/tileTemplate';
import type { TileStatusTracker } from './tileStatus';

/** Everything needed to fetch one service's tiles, however it was described. */
export interface TileServiceSpec {
  /** Templates after host rotation was expanded (one per host). */
  urls: string[];
  tileGrid: TileGrid;
  projection: string;
  /** `{TileMatrix}` (and `{z}` on a grid whose levels are named) of each zoom. */
  matrixIds?: string[];
  matrixSet?: string;
  style?: string;
  /** Rows counted from the bottom (TMS) while the template says `{y}`. */
  tms?: boolean;
  key: string | null;
  wrapX?: boolean;
  attributions?: string;
}

/** Hosts chosen per tile, stable so the browser cache helps. */
function pick(urls: readonly string[], x: number, y: number): string {
  return urls[Math.abs(x + y) % urls.length]!;
}

/** The URL of one tile: host by position, `{-y}` and TMS rows from the bottom, matrix names by level. */
export function tileUrl(spec: TileServiceSpec, z: number, x: number, y: number, maxY?: number): string {
  const row = spec.tms && maxY !== undefined ? maxY - y : y;
  const matrix = spec.matrixIds?.[z];
  return fillTileTemplate(pick(spec.urls, x, y), {
    z: matrix !== undefined && !spec.matrixSet ? Number(matrix) : z,
    x,
    y: row,
    maxY,
    tileMatrix: matrix,
    tileMatrixSet: spec.matrixSet,
    style: spec.style,
    key: spec.key ?? undefined,
  });
}

/**
 * An OpenLayers tile source whose tiles we fetch ourselves: `fetch` sees the HTTP status, so a
 * refused key (403) or an unreachable host is reported on the layer, the tile errors and the map
 * goes on. Tiles are decoded with createImageBitmap from CORS responses, so a figure can read
 * the canvas back (it is never tainted).
 */
export function createTileServiceSource(spec: TileServiceSpec, status: TileStatusTracker): ImageTile {
  return new ImageTile({
    tileGrid: spec.tileGrid,
    projection: spec.projection,
    wrapX: spec.wrapX ?? false,
    attributions: spec.attributions,
    transition: 0,
    loader: async (z, x, y, { signal, maxY }) => {
      const url = tileUrl(spec, z, x, y, maxY);
      let response: Response;
      try {
        response = await fetch(url, {
          signal,
          mode: 'cors',
          credentials: 'omit',
          referrerPolicy: 'no-referrer',
        });
      } catch (error) {
        if (!signal.aborted) status.failed(0);
        throw error;
      }
      if (!response.ok) {
        status.failed(response.status);
        throw new Error(`HTTP ${response.status}`);
      }
      try {
        const image = await createImageBitmap(await response.blob());
        status.loaded();
        return image;
      } catch (error) {
        // An error page with status 200, or a damaged tile.
        if (!signal.aborted) status.failed(415);
        throw error;
      }
    },
  });
}

import TileLayer from 'ol/layer/Tile';
import { get as getProjection } from 'ol/proj';
import DataTileSource from 'ol/source/DataTile';
import { createXYZ } from 'ol/tilegrid';
import type { Box } from '../../../shared/geometry/spatialIndex';
import type { TileClient } from './tileClient';

const TILE_SIZE = 256;
/** The tile worker draws 256 px Web Mercator tiles (times the screen's pixel ratio, at most 2). */
const grid = createXYZ({ extent: getProjection('EPSG:3857')!.getExtent(), maxZoom: 23, tileSize: TILE_SIZE });

/** A tile source drawn by the tile worker whose tiles can be redrawn in place (highlights, CAD layers). */
export class WorkerTileSource extends DataTileSource {
  private revision = 0;
  redraw(): void {
    this.setKey(String(++this.revision));
  }
}

/**
 * A map layer whose tiles the tile worker draws for its layer `id` (a reference layer or a CAD
 * sheet), composited by OpenLayers' canvas tile layer. Canvas, not WebGL: a few bitmaps per frame
 * cost little on the CPU, while WebGL compositing without a GPU (software rendering, common on office
 * machines and CI) cost about two frames per frame where canvas cost one (docs/benchmarks.md, "CAD
 * survey sheet", "Heritage tools: map frame times"). Tiles are asked for once `ready` settles (the
 * worker holds the layer).
 */
export function workerTileLayer(
  client: TileClient,
  id: string,
  name: string,
  ready: Promise<void> = Promise.resolve(),
): TileLayer<WorkerTileSource> {
  const pixelRatio = Math.min(2, Math.max(1, window.devicePixelRatio || 1));
  const size = Math.round(TILE_SIZE * pixelRatio);
  const source = new WorkerTileSource({
    projection: 'EPSG:3857',
    tileGrid: grid,
    interpolate: true,
    transition: 0,
    loader: async (z, x, y, { signal }) => {
      await ready;
      const extent = grid.getTileCoordExtent([z, x, y]) as Box;
      return client.tile(id, { extent, width: size, height: size, pixelRatio }, signal);
    },
  });
  return new TileLayer({ source, properties: { name } });
}

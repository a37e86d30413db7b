import { asArrayLike, type default as DataTile } from 'ol/DataTile';
import type ImageTile from 'ol/ImageTile';
import TileState from 'ol/TileState';
import { createCanvasContext2D } from 'ol/dom';
import type GeoTIFF from 'ol/source/GeoTIFF';
import TileImage from 'ol/source/TileImage';

/**
 * An OpenLayers GeoTIFF source's tiles as canvases, for OpenLayers' canvas tile layer. The GeoTIFF
 * source still reads the file (header, overviews, ranges, decoding in its worker pool) and keeps
 * the status; this source only turns each of its tiles into a bitmap. Shown in another
 * projection (a Gauss-Krüger orthophoto on the Web Mercator map), the tiles are then warped by
 * OpenLayers' canvas reprojection and composited as bitmaps, where the WebGL tile layer warped
 * each tile on the GPU and read it back, and redrew its whole canvas on every frame: without a GPU
 * (software WebGL) that wait was most of each frame (docs/benchmarks.md, "Backgrounds").
 *
 * The source is `loading` until the GeoTIFF source is ready (a figure waits for it), then takes its
 * projection and tile grid; it mirrors an error. A GeoTIFF that OpenLayers would place by its own
 * rotation matrix is not drawn: rotated rasters get a pixel projection of their own.
 */
export class GeoTiffCanvasSource extends TileImage {
  constructor(geotiff: GeoTIFF) {
    super({
      state: 'loading',
      interpolate: true,
      transition: 0,
      wrapX: false,
      tileUrlFunction: (coord) => coord.join('/'),
      tileLoadFunction: (tile) => loadInto(geotiff, tile as ImageTile),
    });
    const follow = () => {
      const state = geotiff.getState();
      if (state === 'ready') {
        if (geotiff.transformMatrix) return this.setState('error');
        this.projection = geotiff.getProjection();
        this.tileGrid = geotiff.getTileGrid();
      }
      if (state !== this.getState()) this.setState(state);
    };
    geotiff.on('change', follow);
    follow();
  }
}

/** The GeoTIFF source's tile at the same coordinate, loaded and drawn into the image tile. */
function loadInto(geotiff: GeoTIFF, tile: ImageTile): void {
  const [z, x, y] = tile.getTileCoord() as [number, number, number];
  const data = geotiff.getTile(z, x, y, 1) as DataTile | null;
  if (!data) return tile.setState(TileState.EMPTY);
  const stop = () => {
    data.removeEventListener('change', settle);
    tile.removeEventListener('change', settle);
  };
  const settle = () => {
    // Dropped from the layer's cache while loading: stop reading it.
    if (tile.getState() !== TileState.LOADING) {
      stop();
      return data.dispose();
    }
    const state = data.getState();
    if (state === TileState.IDLE || state === TileState.LOADING) return;
    stop();
    const canvas = state === TileState.LOADED ? bitmapOf(data) : null;
    if (canvas) tile.setImage(canvas);
    else tile.setState(state === TileState.EMPTY ? TileState.EMPTY : TileState.ERROR);
  };
  data.addEventListener('change', settle);
  tile.addEventListener('change', settle);
  data.load();
}

/** A loaded GeoTIFF tile (normalised bytes, 1–4+ bands) on a canvas; null when it holds no bytes. */
function bitmapOf(tile: DataTile): HTMLCanvasElement | OffscreenCanvas | null {
  const [width, height] = tile.getSize() as [number, number];
  const raw = tile.getData();
  const data = raw ? asArrayLike(raw) : null;
  if (!(data instanceof Uint8Array || data instanceof Uint8ClampedArray)) return null;
  const context = createCanvasContext2D(width, height);
  const image = context.createImageData(width, height);
  rgbaOf(data, width * height, image.data);
  context.putImageData(image, 0, 0);
  return context.canvas;
}

/**
 * Interleaved bands as RGBA, as OpenLayers' WebGL tile layer shows them without a style: one band
 * grey, two grey and alpha, three RGB (opaque), four or more the first four as RGBA.
 */
export function rgbaOf(data: ArrayLike<number>, pixels: number, out: Uint8ClampedArray): void {
  const bands = Math.floor(data.length / pixels);
  if (bands === 4) return out.set(data);
  for (let p = 0, i = 0, o = 0; p < pixels; p++, i += bands, o += 4) {
    if (bands >= 3) {
      out[o] = data[i]!;
      out[o + 1] = data[i + 1]!;
      out[o + 2] = data[i + 2]!;
      out[o + 3] = bands > 3 ? data[i + 3]! : 255;
    } else {
      out[o] = out[o + 1] = out[o + 2] = data[i]!;
      out[o + 3] = bands === 2 ? data[i + 1]! : 255;
    }
  }
}

import type { Projection } from 'ol/proj';
import GeoTIFF, { type Options } from 'ol/source/GeoTIFF';
import type { PixelGrid } from '../../../shared/formats/tiff/pixelGrid';
import { worldFileTransform, type WorldFile } from '../../../shared/formats/tiff/worldFile';
import { placePixels } from './pixelProjection';

/** A TIFF placed by an affine: its pixel projection, the world file's numbers, the size they apply to. */
export interface PixelPlacement {
  projection: Projection;
  worldFile: WorldFile;
  width: number;
  height: number;
  crsCode: string;
  viewCode: string;
  /** The file's pixel size is not the one the world file was stored with: nothing is placed. */
  onMismatch(): void;
}

type Images = Parameters<GeoTIFF['determineTransformMatrix']>[0];
type Image = Images[number][number];

/**
 * How OpenLayers' GeoTIFF source lays out the full-resolution image (its tile grid, see
 * `getOrigin` / `getResolutions` in ol/source/GeoTIFF.js): at the tags' origin and pixel size
 * when geotiff.js reads any, else in pixel space (origin (0, height), one unit per pixel).
 */
function layoutOf(image: Image): PixelGrid {
  let origin: [number, number];
  let resolution: [number, number];
  try {
    const [x, y] = image.getOrigin();
    origin = [x!, y!];
  } catch {
    origin = [0, image.getHeight()];
  }
  try {
    const [rx, ry] = image.getResolution(image);
    resolution = [rx!, Math.abs(ry!)];
  } catch {
    resolution = [1, 1];
  }
  return { origin, resolution };
}

/**
 * OpenLayers' GeoTIFF source for a TIFF placed by an affine (its .tfw, or rotated tags): the
 * source's projection is the background's pixel projection, joined to the map once the images
 * are read, through the plane the source laid them out in. OpenLayers' own rotation matrix (which
 * assumes square pixels) is not used: the pixel projection carries the whole affine.
 */
export class PixelPlacedGeoTIFF extends GeoTIFF {
  private readonly placement: PixelPlacement;

  constructor(options: Options, placement: PixelPlacement) {
    super({ ...options, projection: placement.projection });
    this.placement = placement;
  }

  override determineTransformMatrix(sources: Images): void {
    const p = this.placement;
    // The widest image that is not a transparency mask (masks carry no tags), as OpenLayers takes it.
    const images = sources[0]!.filter(
      (i) => ((Number(i.fileDirectory.getValue('NewSubfileType')) || 0) & 4) === 0,
    );
    const image = images.sort((a, b) => b.getWidth() - a.getWidth())[0]!;
    if (image.getWidth() !== p.width || image.getHeight() !== p.height) return p.onMismatch();
    const t = worldFileTransform(p.worldFile);
    const grid = layoutOf(image);
    if (!placePixels(p.projection, { t, grid, width: p.width, height: p.height }, p.crsCode, p.viewCode))
      p.onMismatch();
  }
}

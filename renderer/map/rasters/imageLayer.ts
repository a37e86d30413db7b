import ImageLayer from 'ol/layer/Image';
import { transformExtent, type Projection } from 'ol/proj';
import ImageStatic from 'ol/source/ImageStatic';
import type { Background } from '../../../shared/domain/backgrounds';
import type { Bilingual } from '../../../shared/domain/labels';
import { imagePlacement } from '../../../shared/formats/tiff/imageBackground';
import { imageSize } from '../../../shared/formats/tiff/imageSize';
import { gridExtent, pixelSpace } from '../../../shared/formats/tiff/pixelGrid';
import { RasterRefused } from '../../../shared/formats/tiff/rasterRefused';
import { worldFileTransform } from '../../../shared/formats/tiff/worldFile';
import {
  BackgroundRefused,
  type BackgroundContext,
  type BackgroundFactory,
  type BackgroundInspector,
} from '../backgrounds/backgroundFactory';
import { LayerStatusHolder } from '../backgrounds/layerStatusHolder';
import { pixelProjection, placePixels } from './pixelProjection';
import { projectionCode, unshiftedWarning } from './rasterProjection';

/**
 * A scanned sheet or photo (JPEG/PNG) placed by its world file. The image lives in its pixel
 * projection (`pixelProjection.ts`: x right, y up from the bottom edge, in pixels), joined to the
 * map's projection by the world file's affine and then proj4, so rotated world files work and
 * OpenLayers' raster reprojection does the warping.
 */
const failed = (text: string): Bilingual => ({ zh: `无法显示：${text}`, en: `Cannot be shown: ${text}` });

function placedImage(background: Background, crsCode: string, viewCode: string): Projection {
  const source = background.source;
  if (source.kind !== 'image' || !source.worldFile || !source.width || !source.height)
    throw new Error('an image background needs its world file and pixel size');
  const { width, height } = source;
  const projection = pixelProjection(background.id, width, height);
  const t = worldFileTransform(source.worldFile);
  if (!placePixels(projection, { t, grid: pixelSpace(height), width, height }, crsCode, viewCode))
    throw new Error('the world file is degenerate');
  return projection;
}

export const imageFactory: BackgroundFactory = (background: Background, context: BackgroundContext) => {
  const status = new LayerStatusHolder();
  const layer = new ImageLayer({});
  let objectUrl: string | null = null;
  let made: { url: string; projection: Projection; extent: number[] } | null = null;
  let extent: number[] | null = null;

  const sourceFor = (m: NonNullable<typeof made>) => {
    const image = new ImageStatic({
      url: m.url,
      imageExtent: m.extent,
      projection: m.projection,
      interpolate: true,
    });
    image.on('imageloaderror', () =>
      status.set({ state: 'error', message: failed('the image cannot be decoded') }),
    );
    image.on('imageloadend', () => {
      status.set(unshifted ? { state: 'ready', message: unshifted } : { state: 'ready' });
    });
    return image;
  };

  /** On an old datum without a transformation: the error it keeps, shown with its ready status. */
  let unshifted: Bilingual | null = null;

  async function start(): Promise<void> {
    const source = background.source;
    if (source.kind !== 'image') throw new Error(`image factory given ${source.kind}`);
    if (!source.crs) return status.set({ state: 'error', message: failed('no coordinate system') });
    unshifted = unshiftedWarning(source.crs, source.datumShift);
    const crsCode = projectionCode(source.crs, source.datumShift);
    if (!crsCode)
      return status.set({ state: 'error', message: failed('the coordinate system is not bundled') });
    const projection = placedImage(background, crsCode, context.viewProjection);
    const bytes = await context.bytes(background);
    if ('needsPermission' in bytes) return status.set({ state: 'needsPermission' });
    if ('missing' in bytes) return status.set({ state: 'missing' });
    const url = 'url' in bytes ? bytes.url : (objectUrl = URL.createObjectURL(bytes.blob));
    const imageExtent = gridExtent(pixelSpace(source.height!), source.width!, source.height!);
    made = { url, projection, extent: imageExtent };
    extent = transformExtent(imageExtent, projection, context.viewProjection, 16);
    layer.setSource(sourceFor(made));
  }
  start().catch((error: unknown) => status.set({ state: 'error', message: failed(String(error)) }));

  return {
    layer,
    status: () => status.status(),
    onStatus: (listener) => status.onStatus(listener),
    extent: () => extent,
    forFigure: () => new ImageLayer(made ? { source: sourceFor(made) } : {}),
    dispose: () => {
      layer.setSource(null);
      layer.dispose();
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    },
  };
};

export const inspectImage: BackgroundInspector = async (file) => {
  const { bytes } = file;
  if (!('url' in bytes) && !('blob' in bytes))
    throw new BackgroundRefused(file.name, { zh: '无法访问文件', en: 'the file cannot be reached' });
  const head =
    'blob' in bytes
      ? new Uint8Array(await bytes.blob.slice(0, 65536).arrayBuffer())
      : new Uint8Array(
          await (await fetch(bytes.url, { headers: { Range: 'bytes=0-65535' } })).arrayBuffer(),
        ).subarray(0, 65536);
  const size = imageSize(head);
  if (!size)
    throw new BackgroundRefused(file.name, { zh: '不是 JPEG 或 PNG 图片', en: 'not a JPEG or PNG image' });
  try {
    const placement = imagePlacement(file.name, size, file.sidecars);
    const { name, size: bytesSize, mtimeMs } = file;
    return {
      name,
      source: {
        kind: 'image',
        file: { name, size: bytesSize, ...(mtimeMs !== undefined ? { mtimeMs } : {}) },
        worldFile: [...placement.worldFile] as [number, number, number, number, number, number],
        width: size.width,
        height: size.height,
        ...(placement.crs ? { crs: placement.crs } : {}),
      },
      ...(placement.crsCandidates ? { crsCandidates: placement.crsCandidates } : {}),
      sample: placement.sample,
    };
  } catch (error) {
    if (error instanceof RasterRefused) throw new BackgroundRefused(file.name, error.reason);
    throw error;
  }
};

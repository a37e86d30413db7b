import ImageLayer from 'ol/layer/Image';
import {
  addCoordinateTransforms,
  addProjection,
  get as getProjection,
  getTransform,
  Projection,
} from 'ol/proj';
import { transformExtent } from 'ol/proj';
import ImageStatic from 'ol/source/ImageStatic';
import type { Background } from '../../../shared/domain/backgrounds';
import type { Bilingual } from '../../../shared/domain/labels';
import { applyGeoTransform, invertGeoTransform } from '../../../shared/formats/tiff/geoTransform';
import { imagePlacement } from '../../../shared/formats/tiff/imageBackground';
import { imageSize } from '../../../shared/formats/tiff/imageSize';
import { RasterRefused } from '../../../shared/formats/tiff/rasterRefused';
import { worldFileTransform } from '../../../shared/formats/tiff/worldFile';
import {
  BackgroundRefused,
  type BackgroundContext,
  type BackgroundFactory,
  type BackgroundInspector,
} from '../backgrounds/backgroundFactory';
import { LayerStatusHolder } from '../backgrounds/layerStatusHolder';
import { projectionCode, unshiftedWarning } from './rasterProjection';

/**
 * A scanned sheet or photo (JPEG/PNG) placed by its world file. The image lives in its own pixel
 * projection `HZW:px-<id>` (x right, y up from the bottom edge, in pixels), joined to the map's
 * projection by the world file's affine and then proj4, so rotated world files work and
 * OpenLayers' raster reprojection does the warping.
 */
/** CGCS2000 3° Gauss-Krüger zones with prefix (EPSG:4513–4533) and without (4534–4554). */
const FIGURE_ZONES = Array.from({ length: 42 }, (_, i) => `EPSG:${4513 + i}`);

const failed = (text: string): Bilingual => ({ zh: `无法显示：${text}`, en: `Cannot be shown: ${text}` });

function pixelProjection(background: Background, crsCode: string, viewCode: string): Projection {
  const source = background.source;
  if (source.kind !== 'image' || !source.worldFile || !source.width || !source.height)
    throw new Error('an image background needs its world file and pixel size');
  const { width, height } = source;
  const code = `HZW:px-${background.id}`;
  const existing = getProjection(code);
  if (existing) return existing;
  const px = new Projection({ code, units: 'pixels', extent: [0, 0, width, height] });
  addProjection(px);
  const t = worldFileTransform(source.worldFile);
  const inverse = invertGeoTransform(t)!;
  // The map's projection, the file's own, and the CGCS2000 systems a figure may be drawn in.
  const targets = new Set([viewCode, crsCode, 'EPSG:4490', ...FIGURE_ZONES]);
  for (const target of targets) {
    if (!getProjection(target)) continue;
    const toTarget = getTransform(crsCode, target)!;
    const fromTarget = getTransform(target, crsCode)!;
    const forward = (input: number[], output?: number[], dimension = 2) => {
      const out = output ?? new Array<number>(input.length);
      for (let i = 0; i < input.length; i += dimension) {
        const [x, y] = toTarget(applyGeoTransform(t, input[i]!, height - input[i + 1]!));
        out[i] = x!;
        out[i + 1] = y!;
      }
      return out;
    };
    const backward = (input: number[], output?: number[], dimension = 2) => {
      const out = output ?? new Array<number>(input.length);
      for (let i = 0; i < input.length; i += dimension) {
        const [mx, my] = fromTarget([input[i]!, input[i + 1]!]);
        const [col, row] = applyGeoTransform(inverse, mx!, my!);
        out[i] = col;
        out[i + 1] = height - row;
      }
      return out;
    };
    addCoordinateTransforms(px, target, forward, backward);
  }
  return px;
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
    const projection = pixelProjection(background, crsCode, context.viewProjection);
    const bytes = await context.bytes(background);
    if ('needsPermission' in bytes) return status.set({ state: 'needsPermission' });
    if ('missing' in bytes) return status.set({ state: 'missing' });
    const url = 'url' in bytes ? bytes.url : (objectUrl = URL.createObjectURL(bytes.blob));
    const imageExtent = [0, 0, source.width!, source.height!];
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

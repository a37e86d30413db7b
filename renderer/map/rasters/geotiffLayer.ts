import TileLayer from 'ol/layer/Tile';
import { transformExtent } from 'ol/proj';
import GeoTIFF, { type Options, type SourceInfo } from 'ol/source/GeoTIFF';
import type { Background } from '../../../shared/domain/backgrounds';
import type { Bilingual } from '../../../shared/domain/labels';
import type { BackgroundContext, BackgroundFactory, BackgroundLayer } from '../backgrounds/backgroundFactory';
import { LayerStatusHolder } from '../backgrounds/layerStatusHolder';
import { GeoTiffCanvasSource } from './geotiffCanvasSource';
import { projectionCode, unshiftedWarning } from './rasterProjection';
import { pixelProjection } from './pixelProjection';
import { PixelPlacedGeoTIFF, type PixelPlacement } from './pixelPlacedGeotiff';

/**
 * An orthophoto (GeoTIFF / Cloud-Optimized GeoTIFF) on the map through OpenLayers' GeoTIFF source,
 * its tiles drawn as bitmaps by the canvas tile layer (`geotiffCanvasSource.ts`). The file is read
 * by range, 64 KiB blocks at a time (HTTP Range for a URL, `File.slice` for a browser file), and
 * OpenLayers picks the overview that fits the zoom. The coordinate system is the one our header reader and the resolver decided (never geotiff.js's
 * guess), passed in as the projection; OpenLayers warps the tiles to the map. A TIFF placed by its
 * .tfw, or rotated by its tags, is given its pixel projection instead (`pixelPlacedGeotiff.ts`).
 */
const noCrs: Bilingual = {
  zh: '尚未确定坐标系：请在图层面板中选择',
  en: 'No coordinate system yet: choose one in the layers panel',
};
const unknownCrs: Bilingual = {
  zh: '此坐标系无法在地图上显示（未内置）',
  en: 'This coordinate system cannot be shown on the map (not bundled)',
};
const permission: Bilingual = { zh: '需要重新授权读取文件', en: 'Access to the file must be allowed again' };
const missing: Bilingual = { zh: '找不到文件，请重新定位', en: 'The file is missing; locate it again' };
const mismatch: Bilingual = {
  zh: '文件的像素尺寸与添加时不同（文件已被替换？）：请删除此底图后重新添加',
  en: 'The file’s pixel size differs from when it was added (was it replaced?): remove this background and add it again',
};

/** Where the source's tiles go: a coordinate system's code, or the pixel plane an affine places. */
type Placement = { code: string } | PixelPlacement;

function sourceFor(info: SourceInfo, placement: Placement): GeoTIFF {
  const options: Options = {
    sources: [info],
    convertToRGB: 'auto',
    normalize: true,
    interpolate: true,
    transition: 0,
    // Never the whole file: 64 KiB range blocks, 100 of them cached (6.4 MiB).
    sourceOptions: { blockSize: 65_536, cacheSize: 100, allowFullFile: false },
  };
  return 'code' in placement
    ? new GeoTIFF({ ...options, projection: placement.code })
    : new PixelPlacedGeoTIFF(options, placement);
}

function errorText(error: unknown): Bilingual {
  const text = error instanceof Error ? error.message : String(error ?? '');
  return { zh: `无法显示：${text}`, en: `Cannot be shown: ${text}` };
}

export const geotiffFactory: BackgroundFactory = (background: Background, context: BackgroundContext) => {
  const status = new LayerStatusHolder();
  const layer = new TileLayer({});
  let info: SourceInfo | null = null;
  let placement: Placement | null = null;
  /** On an old datum without a transformation: the error it keeps, shown with its ready status. */
  let unshifted: Bilingual | null = null;
  let extent: number[] | null = null;
  let failedTiles = 0;
  let disposed = false;
  /** The file no longer fits the stored world file: shown as an error, never drawn. */
  let unplaced = false;

  function watch(source: GeoTIFF): void {
    source.on('change', () => {
      const state = source.getState();
      if (state === 'error') status.set({ state: 'error', message: errorText(source.getError()) });
      if (state !== 'ready' || unplaced) return;
      const gridExtent = source.getTileGrid()?.getExtent();
      const projection = source.getProjection();
      if (gridExtent && projection)
        extent = transformExtent(gridExtent, projection, context.viewProjection, 8);
      // Ready; on an old datum without a transformation, ready with the error it keeps named.
      status.set(unshifted ? { state: 'ready', message: unshifted } : { state: 'ready' });
    });
    source.on('tileloaderror', () => {
      failedTiles += 1;
      status.set({
        state: 'error',
        message: {
          zh: `${failedTiles} 个图块无法读取（文件可能已损坏或被移动）`,
          en: `${failedTiles} tile(s) could not be read (the file may be damaged or moved)`,
        },
      });
    });
  }

  async function start(): Promise<void> {
    const source = background.source;
    if (source.kind !== 'geotiff') throw new Error(`geotiff factory given ${source.kind}`);
    if (!source.crs) return status.set({ state: 'error', message: noCrs });
    unshifted = unshiftedWarning(source.crs, source.datumShift);
    const code = projectionCode(source.crs, source.datumShift);
    if (!code) return status.set({ state: 'error', message: unknownCrs });
    const { worldFile, width, height } = source;
    placement =
      worldFile && width && height
        ? {
            projection: pixelProjection(background.id, width, height),
            worldFile,
            width,
            height,
            crsCode: code,
            viewCode: context.viewProjection,
            onMismatch: () => {
              unplaced = true;
              layer.setSource(null);
              status.set({ state: 'error', message: mismatch });
            },
          }
        : { code };
    if (source.url) info = { url: source.url };
    else {
      const bytes = await context.bytes(background);
      if ('needsPermission' in bytes) return status.set({ state: 'needsPermission', message: permission });
      if ('missing' in bytes) return status.set({ state: 'missing', message: missing });
      info = 'url' in bytes ? { url: bytes.url } : { blob: bytes.blob };
    }
    if (disposed) return;
    const olSource = sourceFor(info, placement);
    watch(olSource);
    layer.setSource(new GeoTiffCanvasSource(olSource));
  }

  start().catch((error: unknown) => status.set({ state: 'error', message: errorText(error) }));

  const shown: BackgroundLayer = {
    layer,
    status: () => status.status(),
    onStatus: (listener) => status.onStatus(listener),
    extent: () => extent,
    forFigure: () =>
      new TileLayer(info && placement ? { source: new GeoTiffCanvasSource(sourceFor(info, placement)) } : {}),
    dispose: () => {
      disposed = true;
      layer.setSource(null);
      layer.dispose();
    },
  };
  return shown;
};

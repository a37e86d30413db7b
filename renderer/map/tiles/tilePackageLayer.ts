import TileLayer from 'ol/layer/Tile';
import { transformExtent } from 'ol/proj';
import ImageTile from 'ol/source/ImageTile';
import { createXYZ } from 'ol/tilegrid';
import type { Background } from '../../../shared/domain/backgrounds';
import type {
  BackgroundFactory,
  BackgroundInspector,
  BackgroundLayer,
  PickedBackgroundFile,
} from '../backgrounds/backgroundFactory';
import { BackgroundRefused } from '../backgrounds/backgroundFactory';
import type { BackgroundBytes } from '../../platform/backgroundFiles';
import { PackageRefused, readableBytes, type TilePackage } from './pmtilesPackage';
import { TileStatusTracker } from './tileStatus';

export type OpenPackage = (bytes: { url: string } | { blob: Blob }, name: string) => Promise<TilePackage>;

function packageSource(pack: TilePackage): ImageTile {
  return new ImageTile({
    tileGrid: createXYZ({ minZoom: pack.minZoom, maxZoom: pack.maxZoom }),
    projection: 'EPSG:3857',
    transition: 0,
    loader: async (z, x, y, { signal }) => {
      const data = await pack.tile(z, x, y, signal);
      // Outside the package's coverage: no tile, nothing to report.
      if (!data) throw new Error('no tile');
      return createImageBitmap(new Blob([data as Uint8Array<ArrayBuffer>], { type: pack.mimeType }));
    },
  });
}

function unreadable(bytes: BackgroundBytes) {
  if ('needsPermission' in bytes)
    return {
      state: 'needsPermission' as const,
      message: { zh: '需要重新授权读取该文件', en: 'Permission to read the file is needed again' },
    };
  return { state: 'missing' as const, message: { zh: '找不到该文件', en: 'The file cannot be found' } };
}

/**
 * An offline tile package (MBTiles, PMTiles raster) as a background: opened from the file's
 * bytes as the platform hands them over (a granted URL or a Blob), read tile by tile.
 */
export function tilePackageFactory(open: OpenPackage): BackgroundFactory {
  return (background: Background, context): BackgroundLayer => {
    const status = new TileStatusTracker();
    const layer = new TileLayer({ properties: { name: `background:${background.id}` } });
    let pack: TilePackage | null = null;
    let disposed = false;
    const name = 'file' in background.source ? background.source.file.name : background.name;
    void (async () => {
      const bytes = await context.bytes(background);
      const readable = readableBytes(bytes);
      if (!readable) return status.set(unreadable(bytes));
      pack = await open(readable, name);
      if (disposed) return pack.close();
      layer.setSource(packageSource(pack));
      status.set({ state: 'ready' });
    })().catch((error: unknown) => {
      const reason =
        error instanceof PackageRefused
          ? error.reason
          : {
              zh: `无法读取瓦片包：${String(error)}`,
              en: `The tile package cannot be read: ${String(error)}`,
            };
      status.set({ state: 'error', message: reason });
    });
    return {
      layer,
      status: () => status.status(),
      onStatus: (listener) => status.onStatus(listener),
      extent: () => (pack?.bounds ? transformExtent(pack.bounds, 'EPSG:4326', context.viewProjection) : null),
      forFigure: () =>
        new TileLayer({ source: pack ? packageSource(pack) : undefined, opacity: layer.getOpacity() }),
      dispose: () => {
        disposed = true;
        layer.setSource(null);
        layer.dispose();
        pack?.close();
      },
    };
  };
}

/** Read a picked package's header: refuse what cannot be shown; tiles are Web Mercator by definition. */
export function tilePackageInspector(kind: 'mbtiles' | 'pmtiles', open: OpenPackage): BackgroundInspector {
  return async (file: PickedBackgroundFile) => {
    const readable = readableBytes(file.bytes);
    if (!readable)
      throw new BackgroundRefused(file.name, { zh: '无法读取该文件', en: 'The file cannot be read' });
    try {
      (await open(readable, file.name)).close();
    } catch (error) {
      if (error instanceof PackageRefused) throw new BackgroundRefused(file.name, error.reason);
      throw new BackgroundRefused(file.name, {
        zh: `无法读取该瓦片包：${String(error)}`,
        en: `The tile package cannot be read: ${String(error)}`,
      });
    }
    const source = {
      kind,
      file: {
        name: file.name,
        size: file.size,
        ...(file.mtimeMs !== undefined && { mtimeMs: file.mtimeMs }),
      },
      crs: { epsg: 3857 },
    };
    return { name: file.name.replace(/\.(mb|pm)tiles$/i, ''), source };
  };
}

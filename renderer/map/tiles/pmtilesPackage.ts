import { FetchSource, PMTiles, TileType, type RangeResponse, type Source } from 'pmtiles';
import type { Bilingual } from '../../../shared/domain/labels';
import type { BackgroundBytes } from '../../platform/backgroundFiles';

/** A picked file or a copy read by range through `Blob.slice`, never whole. */
class BlobSource implements Source {
  constructor(
    private readonly blob: Blob,
    private readonly key: string,
  ) {}
  getKey(): string {
    return this.key;
  }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    return { data: await this.blob.slice(offset, offset + length).arrayBuffer() };
  }
}

export class PackageRefused extends Error {
  constructor(readonly reason: Bilingual) {
    super(reason.en);
  }
}

/** What the map needs from a raster tile package (PMTiles or MBTiles). */
export interface TilePackage {
  minZoom: number;
  maxZoom: number;
  /** lon/lat bounds, when the package says. */
  bounds: [number, number, number, number] | null;
  mimeType: string;
  /** One tile's bytes (XYZ numbering, rows from the top), null where the package has none. */
  tile(z: number, x: number, y: number, signal?: AbortSignal): Promise<Uint8Array | null>;
  close(): void;
}

const RASTER: Partial<Record<TileType, string>> = {
  [TileType.Png]: 'image/png',
  [TileType.Jpeg]: 'image/jpeg',
  [TileType.Webp]: 'image/webp',
  [TileType.Avif]: 'image/avif',
};

/** Open a PMTiles archive by range (a granted URL on the desktop, a file handle's Blob on the web). */
export async function openPmtiles(
  bytes: { url: string } | { blob: Blob },
  name: string,
): Promise<TilePackage> {
  const source = 'url' in bytes ? new FetchSource(bytes.url) : new BlobSource(bytes.blob, name);
  const archive = new PMTiles(source);
  let header;
  try {
    header = await archive.getHeader();
  } catch {
    throw new PackageRefused({
      zh: '不是有效的 PMTiles（第 3 版）文件，或文件不完整',
      en: 'Not a valid PMTiles (version 3) file, or the file is incomplete',
    });
  }
  const mimeType = RASTER[header.tileType];
  if (!mimeType)
    throw new PackageRefused(
      header.tileType === TileType.Mvt
        ? {
            zh: '这是矢量瓦片包（MVT），只能显示栅格瓦片包',
            en: 'This is a vector tile package (MVT); only raster packages are shown',
          }
        : { zh: '瓦片格式未知', en: 'The tile format is unknown' },
    );
  const bounds: TilePackage['bounds'] =
    header.minLon < header.maxLon && header.minLat < header.maxLat
      ? [header.minLon, header.minLat, header.maxLon, header.maxLat]
      : null;
  return {
    minZoom: header.minZoom,
    maxZoom: header.maxZoom,
    bounds,
    mimeType,
    async tile(z, x, y, signal) {
      const found = await archive.getZxy(z, x, y, signal);
      return found ? new Uint8Array(found.data) : null;
    },
    close: () => {},
  };
}

/** The bytes of a file background in the form a package reader takes, or its status when not readable. */
export function readableBytes(bytes: BackgroundBytes): { url: string } | { blob: Blob } | null {
  return 'url' in bytes || 'blob' in bytes ? bytes : null;
}

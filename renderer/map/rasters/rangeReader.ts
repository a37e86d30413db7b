import type { TiffBytes } from '../../../shared/formats/tiff/tiffHeader';

/**
 * Range reads for the header reader: a Blob by `slice` (a browser file handle's lazy File, a
 * small copied file), a URL by HTTP Range (a COG on a server, the desktop's granted-file route).
 * The first request learns the file size from `Content-Range`; a server that ignores Range and
 * sends the whole file is refused rather than downloaded.
 */
export function blobBytes(blob: Blob): TiffBytes {
  return {
    size: blob.size,
    read: async (offset, length) => new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer()),
  };
}

export class RangeUnsupported extends Error {}

async function rangeFetch(url: string, offset: number, length: number, signal?: AbortSignal) {
  const response = await fetch(url, {
    headers: { Range: `bytes=${offset}-${offset + length - 1}` },
    credentials: 'omit',
    signal,
  });
  if (response.status !== 206) {
    await response.body?.cancel();
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    throw new RangeUnsupported('the server does not answer range requests');
  }
  const total = /\/(\d+)\s*$/.exec(response.headers.get('Content-Range') ?? '')?.[1];
  return { bytes: new Uint8Array(await response.arrayBuffer()), size: total ? Number(total) : NaN };
}

export async function urlBytes(url: string, signal?: AbortSignal): Promise<TiffBytes> {
  const first = await rangeFetch(url, 0, 16, signal);
  if (!Number.isFinite(first.size)) throw new RangeUnsupported('the server does not say the file size');
  return {
    size: first.size,
    read: async (offset, length) => (await rangeFetch(url, offset, length, signal)).bytes,
  };
}

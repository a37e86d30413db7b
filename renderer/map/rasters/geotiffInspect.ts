import {
  RasterRefused,
  readTiffHeader,
  type TiffBytes,
  type TiffHeader,
} from '../../../shared/formats/tiff/tiffHeader';
import {
  BackgroundRefused,
  type BackgroundInspector,
  type InspectJob,
  type InspectedBackground,
  type PickedBackgroundFile,
} from '../backgrounds/backgroundFactory';
import { JobCancelled } from '../../jobs/runJob';
import { tiffPlacement } from '../../../shared/formats/tiff/tiffBackground';
import { blobBytes, RangeUnsupported, urlBytes } from './rangeReader';

/** Longest a header read may take (a stalled server, a sleeping network drive). */
export const HEADER_TIMEOUT_MS = 10_000;

/**
 * Run a header read that stops after HEADER_TIMEOUT_MS (refused with the reason) or when the
 * planner cancels (`JobCancelled`: nothing is added, no message of failure).
 */
async function withTimeout<T>(work: (signal: AbortSignal) => Promise<T>, cancel?: AbortSignal): Promise<T> {
  if (cancel?.aborted) throw new JobCancelled();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), HEADER_TIMEOUT_MS);
  const stop = () => controller.abort();
  cancel?.addEventListener('abort', stop);
  try {
    return await work(controller.signal);
  } catch (error) {
    if (cancel?.aborted) throw new JobCancelled();
    if (controller.signal.aborted)
      throw new RasterRefused({
        zh: `读取文件头超过 ${HEADER_TIMEOUT_MS / 1000} 秒，已停止`,
        en: `reading the header took more than ${HEADER_TIMEOUT_MS / 1000} s and was stopped`,
      });
    throw error;
  } finally {
    clearTimeout(timer);
    cancel?.removeEventListener('abort', stop);
  }
}

/** The header of a GeoTIFF by URL or Blob, refused (with the file name) when it cannot be shown. */
export async function readBackgroundTiff(
  name: string,
  bytes: { url: string } | { blob: Blob },
  cancel?: AbortSignal,
): Promise<{ header: TiffHeader; size: number }> {
  try {
    return await withTimeout(async (signal) => {
      const source: TiffBytes = 'url' in bytes ? await urlBytes(bytes.url, signal) : blobBytes(bytes.blob);
      return { header: await readTiffHeader(source), size: source.size };
    }, cancel);
  } catch (error) {
    if (error instanceof JobCancelled) throw error;
    if (error instanceof RasterRefused) throw new BackgroundRefused(name, error.reason);
    if (error instanceof RangeUnsupported)
      throw new BackgroundRefused(name, {
        zh: '服务器不支持按范围读取（HTTP Range），无法只读取需要的部分',
        en: 'the server does not support range requests (HTTP Range), so the file cannot be read piece by piece',
      });
    if (error instanceof TypeError && 'url' in bytes) {
      const origin = new URL(bytes.url).origin;
      throw new BackgroundRefused(name, {
        zh: `无法连接 ${origin}：服务器不可达，或此来源未被允许（网页版在 hzw-web.local.json 的 tileOrigins 中添加后重新运行 npm run web）`,
        en: `cannot reach ${origin}: the server is unreachable, or the origin is not allowed (web mode: add it to tileOrigins in hzw-web.local.json and run npm run web again)`,
      });
    }
    const message = error instanceof Error ? error.message : String(error);
    throw new BackgroundRefused(name, { zh: `无法读取：${message}`, en: `cannot be read: ${message}` });
  }
}

/**
 * What a GeoTIFF is as a background: its source record (with the world file's numbers when the map
 * places it through its pixel plane), its CRS or the candidates to ask about.
 */
export function inspectedGeotiff(
  name: string,
  file: { name: string; size: number; mtimeMs?: number },
  header: TiffHeader,
  options: { url?: string; sidecars?: Record<string, string> } = {},
): InspectedBackground {
  let placement;
  try {
    placement = tiffPlacement(name, header, options.sidecars);
  } catch (error) {
    if (error instanceof RasterRefused) throw new BackgroundRefused(name, error.reason);
    throw error;
  }
  const { crs, crsCandidates, sample, worldFile } = placement;
  const { width, height } = header;
  const pixels = worldFile ? { worldFile: [...worldFile] as typeof worldFile & number[], width, height } : {};
  return {
    name,
    source: {
      kind: 'geotiff',
      file,
      ...(crs ? { crs } : {}),
      ...(options.url ? { url: options.url } : {}),
      ...pixels,
    },
    ...(crsCandidates ? { crsCandidates } : {}),
    sample,
  };
}

export const inspectGeotiff: BackgroundInspector = async (file: PickedBackgroundFile, job) => {
  const { bytes } = file;
  if (!('url' in bytes) && !('blob' in bytes))
    throw new BackgroundRefused(file.name, {
      zh: '无法访问文件，请重新授权或重新选择',
      en: 'the file cannot be reached; allow access again or pick it again',
    });
  const { header } = await readBackgroundTiff(file.name, bytes, job?.signal);
  const { name, size, mtimeMs } = file;
  return inspectedGeotiff(name, { name, size, ...(mtimeMs !== undefined ? { mtimeMs } : {}) }, header, {
    sidecars: file.sidecars,
  });
};

/** A Cloud-Optimized GeoTIFF on a server, by its URL (read by range, never downloaded whole). */
export async function inspectCogUrl(url: string, job?: InspectJob): Promise<InspectedBackground> {
  const name = decodeURIComponent(new URL(url).pathname.split('/').pop() || url);
  const { header, size } = await readBackgroundTiff(name, { url }, job?.signal);
  return inspectedGeotiff(name, { name, size }, header, { url });
}

import { mbtilesTooLarge } from '../../../shared/formats/geopackage/mbtiles';
import type { MbtilesReply, MbtilesRequest } from './mbtilesProtocol';
import { PackageRefused, type TilePackage } from './pmtilesPackage';

/** The package's bytes, whole (sql.js needs them so); the size is checked before anything is read. */
async function wholeBytes(bytes: { url: string } | { blob: Blob }, name: string): Promise<ArrayBuffer> {
  const refuse = (size: number) => {
    const tooLarge = mbtilesTooLarge(name, size);
    if (tooLarge) throw new PackageRefused(tooLarge.problems[0]!.reason);
  };
  if ('blob' in bytes) {
    refuse(bytes.blob.size);
    return bytes.blob.arrayBuffer();
  }
  const head = await fetch(bytes.url, { method: 'HEAD' });
  refuse(Number(head.headers.get('content-length') ?? 0));
  return (await fetch(bytes.url)).arrayBuffer();
}

/** Open an MBTiles package in its own worker (sql.js), answering tiles by z/x/y. */
export async function openMbtilesPackage(
  bytes: { url: string } | { blob: Blob },
  name: string,
): Promise<TilePackage> {
  const buffer = await wholeBytes(bytes, name);
  const worker = new Worker(new URL('./mbtilesWorker.ts', import.meta.url), {
    type: 'module',
    name: 'mbtiles',
  });
  const pending = new Map<number, (data: Uint8Array | null) => void>();
  let next = 0;
  const post = (message: MbtilesRequest, transfer: Transferable[] = []) =>
    worker.postMessage(message, transfer);
  const opened = new Promise<Extract<MbtilesReply, { type: 'opened' }>>((resolve, reject) => {
    worker.onmessage = ({ data }: MessageEvent<MbtilesReply>) => {
      if (data.type === 'opened') resolve(data);
      else if (data.type === 'refused') reject(new PackageRefused(data.reason));
      else pending.get(data.id)?.(data.data);
      if (data.type === 'tile') pending.delete(data.id);
    };
    worker.onerror = () => reject(new Error('the MBTiles worker failed'));
  });
  post({ type: 'open', bytes: buffer, name }, [buffer]);
  let info;
  try {
    ({ info } = await opened);
  } catch (error) {
    worker.terminate();
    throw error;
  }
  return {
    ...info,
    tile: (z, x, y) =>
      new Promise((resolve) => {
        const id = next++;
        pending.set(id, resolve);
        post({ type: 'tile', id, z, x, y });
      }),
    close: () => worker.terminate(),
  };
}

/// <reference lib="webworker" />
import { openMbtiles, type Mbtiles } from '../../../shared/formats/geopackage/mbtiles';
import { FormatError } from '../../../shared/formats/formatError';
import type { MbtilesReply, MbtilesRequest } from './mbtilesProtocol';

/**
 * One MBTiles package per worker: sql.js holds the database here, off the UI thread, and answers
 * tiles by z/x/y (rows already flipped from TMS).
 */
let pack: Mbtiles | null = null;
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async ({ data }: MessageEvent<MbtilesRequest>) => {
  const reply = (message: MbtilesReply, transfer: Transferable[] = []) =>
    scope.postMessage(message, transfer);
  if (data.type === 'open') {
    try {
      pack = await openMbtiles(new Uint8Array(data.bytes), data.name);
      reply({ type: 'opened', info: pack.info });
    } catch (error) {
      const reason =
        error instanceof FormatError && error.problems[0]
          ? error.problems[0].reason
          : { zh: `无法读取：${String(error)}`, en: `Cannot read: ${String(error)}` };
      reply({ type: 'refused', reason });
    }
    return;
  }
  const tile = pack?.tile(data.z, data.x, data.y) ?? null;
  const copy = tile ? tile.slice() : null;
  reply({ type: 'tile', id: data.id, data: copy }, copy ? [copy.buffer] : []);
};

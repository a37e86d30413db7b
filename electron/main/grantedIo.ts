import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { GrantedIo } from './serveGrantedFile';

/** serveGrantedFile's file access on the real file system. */
export const nodeGrantedIo: GrantedIo = {
  async stat(path) {
    const info = await stat(path);
    return { size: info.size, mtimeMs: info.mtimeMs, isFile: info.isFile() };
  },
  async read(path, offset, length) {
    const file = await open(path, 'r');
    try {
      const bytes = new Uint8Array(length);
      let filled = 0;
      while (filled < length) {
        const { bytesRead } = await file.read(bytes, filled, length - filled, offset + filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return bytes.subarray(0, filled);
    } finally {
      await file.close();
    }
  },
  stream: (path) => Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>,
};

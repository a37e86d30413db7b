import { open, readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { finishInterruptedSets } from '../../electron/main/atomicWrite';
import { MAX_IMPORT_BYTES, SHAPEFILE_PARTS } from '../../shared/formats/registry';
import { FormatError, fileProblem } from '../../shared/formats/formatError';
import type { NamedBytes } from '../../shared/formats/layer';

/**
 * The input file and, for a shapefile part, its sidecars (same base name, any case). Sizes are
 * checked before anything is read.
 */
export async function inputFiles(path: string): Promise<NamedBytes[]> {
  const ext = extname(path).slice(1).toLowerCase();
  let paths = [path];
  if ((SHAPEFILE_PARTS as readonly string[]).includes(ext)) {
    const base = basename(path, extname(path)).toLowerCase();
    const folder = dirname(path);
    // A set whose write was cut short between its renames is finished before it is read.
    await finishInterruptedSets(folder);
    paths = (await readdir(folder))
      .filter((name) => {
        const e = extname(name).slice(1).toLowerCase();
        return (
          basename(name, extname(name)).toLowerCase() === base &&
          (SHAPEFILE_PARTS as readonly string[]).includes(e)
        );
      })
      .map((name) => join(folder, name));
  }
  let total = 0;
  for (const p of paths) total += (await stat(p)).size;
  if (total > MAX_IMPORT_BYTES) {
    const mb = MAX_IMPORT_BYTES / 1024 / 1024;
    throw new FormatError(path, [
      fileProblem('file', { zh: `输入超过 ${mb} MB 上限`, en: `The input exceeds the ${mb} MB limit` }),
    ]);
  }
  return Promise.all(
    paths.map(async (p) => {
      // A view on the file buffer, not a copy of it: inputs can be hundreds of megabytes.
      const buffer = await readFile(p);
      return {
        name: basename(p),
        bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength),
      };
    }),
  );
}

/** Bytes read per block when a file is scanned from the disk. */
const BLOCK = 8 * 1024 * 1024;

/** A file read in ranges and blocks (streamConvert.ts), never whole; close it when done. */
export async function fileSource(path: string) {
  const handle = await open(path, 'r');
  const { size } = await handle.stat();
  const read = async (start: number, end: number) => {
    const bytes = new Uint8Array(end - start);
    for (let at = 0; at < bytes.length;) {
      const { bytesRead } = await handle.read(bytes, at, bytes.length - at, start + at);
      if (bytesRead === 0) throw new Error(`${path} changed while it was read`);
      at += bytesRead;
    }
    return bytes;
  };
  return {
    name: basename(path),
    read,
    async *blocks() {
      for (let at = 0; at < size; at += BLOCK) yield await read(at, Math.min(size, at + BLOCK));
    },
    close: () => handle.close(),
  };
}

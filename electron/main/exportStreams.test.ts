import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_MESSAGE_BYTES, READ_CHUNK_BYTES } from '../../shared/ipc/limits';
import { openAtomicStream, type AtomicFs } from './atomicWrite';
import { ExportStreams } from './exportStreams';
import { steppedFs } from './steppedFs';

let folder: string;
let target: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'hzw-export-'));
  target = join(folder, 'atlas.pdf');
});
afterEach(() => rm(folder, { recursive: true, force: true }));

const text = (s: string) => new TextEncoder().encode(s);
const streams = (limits = { maxBytes: 2 ** 40, maxOpen: 4 }) =>
  new ExportStreams((path) => openAtomicStream(path, { sleep: async () => undefined }), limits);

describe('exports written in pieces', () => {
  it('an atlas larger than one IPC message reaches the disk whole, in 16 MiB pieces', async () => {
    const exports = streams();
    const { stream, name } = await exports.begin(target);
    expect(name).toBe('atlas.pdf');
    const piece = new Uint8Array(READ_CHUNK_BYTES);
    const pieces = MAX_MESSAGE_BYTES / READ_CHUNK_BYTES + 1;
    const hash = createHash('sha256');
    for (let i = 0; i < pieces; i++) {
      piece.fill(i);
      hash.update(piece);
      await exports.write(stream, piece);
    }
    // Nothing is at the target until the commit.
    await expect(stat(target)).rejects.toThrow(/ENOENT/);
    expect(await exports.end(stream, true)).toBe('atlas.pdf');
    expect((await stat(target)).size).toBe(pieces * READ_CHUNK_BYTES);
    const written = createHash('sha256');
    for await (const chunk of createReadStream(target)) written.update(chunk as Buffer);
    expect(written.digest('hex')).toBe(hash.digest('hex'));
    expect(await readdir(folder)).toEqual(['atlas.pdf']);
  }, 120_000);

  it('keeps the replaced file as .bak, as every other export does', async () => {
    await writeFile(target, 'old atlas');
    const exports = streams();
    const { stream } = await exports.begin(target);
    await exports.write(stream, text('new '));
    await exports.write(stream, text('atlas'));
    await exports.end(stream, true);
    expect(await readFile(target, 'utf8')).toBe('new atlas');
    expect(await readFile(`${target}.bak`, 'utf8')).toBe('old atlas');
  });

  it('cancel leaves the old file untouched and no temporary file behind', async () => {
    await writeFile(target, 'old atlas');
    const exports = streams();
    const { stream } = await exports.begin(target);
    await exports.write(stream, text('half an atlas'));
    expect(await exports.end(stream, false)).toBeNull();
    expect(await readFile(target, 'utf8')).toBe('old atlas');
    expect(await readdir(folder)).toEqual(['atlas.pdf']);
    await expect(exports.write(stream, text('more'))).rejects.toThrow(/Unknown or finished export/);
  });

  it('a failed write (disk full) removes the temporary file and says the target is unchanged', async () => {
    await writeFile(target, 'old atlas');
    let writes = 0;
    const fs = steppedFs(
      () => undefined,
      async (handle, data) => {
        if (++writes === 2) throw Object.assign(new Error('injected'), { code: 'ENOSPC' });
        await handle.writeFile(data);
      },
    );
    const exports = new ExportStreams((path) => openAtomicStream(path, { fs }));
    const { stream } = await exports.begin(target);
    await exports.write(stream, text('page 1'));
    await expect(exports.write(stream, text('page 2'))).rejects.toThrow(/Not enough disk space.*not changed/);
    await expect(exports.end(stream, true)).rejects.toThrow(/Unknown or finished export/);
    expect(await readFile(target, 'utf8')).toBe('old atlas');
    expect(await readdir(folder)).toEqual(['atlas.pdf']);
  });

  it('stops an export past its size cap and one window opening too many at once', async () => {
    const exports = streams({ maxBytes: 10, maxOpen: 2 });
    const { stream } = await exports.begin(target);
    await exports.write(stream, text('12345'));
    await expect(exports.write(stream, text('678901'))).rejects.toThrow(/export was cancelled/);
    expect(await readdir(folder)).toEqual([]);
    await exports.begin(join(folder, 'a.pdf'));
    await exports.begin(join(folder, 'b.pdf'));
    await expect(exports.begin(join(folder, 'c.pdf'))).rejects.toThrow(/Too many exports at once/);
    // The page reloads: both unfinished exports go, with their temporary files.
    await exports.abortAll();
    expect(exports.openCount).toBe(0);
    expect(await readdir(folder)).toEqual([]);
  });

  it('pieces are appended in the order they were sent, even when not awaited one by one', async () => {
    const exports = streams();
    const { stream } = await exports.begin(target);
    await Promise.all(['a', 'b', 'c', 'd'].map((s) => exports.write(stream, text(s.repeat(100_000)))));
    await exports.end(stream, true);
    const content = await readFile(target, 'utf8');
    expect(content).toBe(['a', 'b', 'c', 'd'].map((s) => s.repeat(100_000)).join(''));
  });

  it('flushes the temporary file before renaming it over the target, then flushes the folder', async () => {
    const log: string[] = [];
    const fs: AtomicFs = {
      ...nodeFs,
      readFile: (path) => nodeFs.readFile(path),
      async open(path, flags) {
        const handle = await nodeFs.open(path, flags);
        const what = path === folder ? 'folder' : 'temp';
        return {
          writeFile: (data) => handle.writeFile(data),
          async sync() {
            await handle.sync();
            log.push(`sync ${what}`);
          },
          close: () => handle.close(),
        };
      },
      async rename(from, to) {
        await nodeFs.rename(from, to);
        log.push('rename');
      },
    };
    const exports = new ExportStreams((path) => openAtomicStream(path, { fs }));
    const { stream } = await exports.begin(target);
    await exports.write(stream, text('atlas'));
    await exports.end(stream, true);
    expect(log).toEqual(['sync temp', 'rename', 'sync folder']);
  });
});

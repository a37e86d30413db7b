import { describe, expect, it, vi } from 'vitest';
import type { PickedFileRef, ReadChunk } from '../../shared/ipc/contract';
import { READ_CHUNK_BYTES } from '../../shared/ipc/limits';
import { readPickedFiles } from './readPicked';

/** Main's side played in memory: files by token, read by offset, tokens dropped at the end. */
function fakeMain(files: Record<string, Uint8Array>) {
  const open = new Set(Object.keys(files));
  const reads: ReadChunk[] = [];
  return {
    reads,
    open,
    readPicked: vi.fn(async (chunk: ReadChunk) => {
      reads.push(chunk);
      if (!open.has(chunk.token)) throw new Error('pick it again');
      const bytes = files[chunk.token]!.slice(chunk.offset, chunk.offset + chunk.length);
      if (chunk.offset + bytes.byteLength >= files[chunk.token]!.byteLength) open.delete(chunk.token);
      return bytes;
    }),
    releasePicked: vi.fn(async (token: string) => void open.delete(token)),
  };
}
const ref = (token: string, name: string, size: number): PickedFileRef => ({ token, name, size });

describe('readPickedFiles', () => {
  it('assembles each file from chunks of the contract size, in order', async () => {
    const big = new Uint8Array(2 * READ_CHUNK_BYTES + 5).map((_, i) => i % 253);
    const main = fakeMain({ t1: big, t2: new Uint8Array([1, 2, 3]) });
    const files = await readPickedFiles(main, [ref('t1', 'a.shp', big.byteLength), ref('t2', 'a.dbf', 3)]);
    expect(files.map((f) => [f.name, f.bytes.byteLength])).toEqual([
      ['a.shp', big.byteLength],
      ['a.dbf', 3],
    ]);
    // Compared as one buffer (an element-wise deep equal of 32 MiB would exhaust the heap).
    const got = files[0]!.bytes;
    expect(got.every((value, i) => value === big[i])).toBe(true);
    expect(main.reads.map((r) => r.length)).toEqual([READ_CHUNK_BYTES, READ_CHUNK_BYTES, 5, 3]);
    expect(main.open.size).toBe(0);
  });

  it('releases every unread token when a read fails', async () => {
    const main = fakeMain({ t1: new Uint8Array(10), t2: new Uint8Array(10), t3: new Uint8Array(10) });
    main.readPicked.mockRejectedValueOnce(new Error('"a.shp" changed while it was being read'));
    await expect(
      readPickedFiles(main, [ref('t1', 'a.shp', 10), ref('t2', 'a.dbf', 10), ref('t3', 'a.prj', 10)]),
    ).rejects.toThrow(/changed while/);
    expect(main.open.size).toBe(0);
  });

  it('stops when main returns less than the file’s size, and releases empty files', async () => {
    const main = fakeMain({ t1: new Uint8Array(8), t2: new Uint8Array(0) });
    main.readPicked.mockResolvedValueOnce(new Uint8Array(4)).mockResolvedValueOnce(new Uint8Array(0));
    await expect(readPickedFiles(main, [ref('t1', 'short.kml', 8)])).rejects.toThrow(
      /reading stopped at byte 4/,
    );
    const [empty] = await readPickedFiles(main, [ref('t2', 'empty.cpg', 0)]);
    expect(empty!.bytes.byteLength).toBe(0);
    expect(main.releasePicked).toHaveBeenCalledWith('t2');
  });
});

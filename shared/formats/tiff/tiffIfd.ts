/**
 * The structure of a TIFF (classic or BigTIFF): its image file directories, read through a range
 * reader so a file of several gigabytes costs a few kilobytes. Values are read on demand, and
 * only what the header needs; a tile offset table is never read whole.
 */

/** Reads `length` bytes at `offset` (a `File.slice`, an HTTP Range request, a Node file read). */
export type RangeReader = (offset: number, length: number) => Promise<Uint8Array>;

export interface TiffBytes {
  /** The file's size in bytes. */
  size: number;
  read: RangeReader;
}

/** Thrown for a structural fault; tiffHeader.ts turns it into a refusal with the reason. */
export class TiffStructureError extends Error {
  constructor(
    readonly kind: 'notTiff' | 'truncated' | 'corrupt' | 'budget',
    detail: string,
  ) {
    super(detail);
    this.name = 'TiffStructureError';
  }
}

/** The bytes a header may cost at most (IFDs and small tag values of every level of a COG). */
export const HEADER_READ_BUDGET = 4 * 1024 * 1024;
const BLOCK = 64 * 1024;
const MAX_IFDS = 64;
const MAX_ENTRIES = 4096;

/** Byte size of one value of each TIFF field type. */
// prettier-ignore
const TYPE_SIZE: Record<number, number> = {
  1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4, 16: 8, 17: 8, 18: 8,
};

export interface IfdEntry {
  tag: number;
  type: number;
  count: number;
  /** Where the values start in the file (inline values point into the entry itself). */
  at: number;
}

export interface Ifd {
  offset: number;
  entries: Map<number, IfdEntry>;
}

/** A cached window onto the file: blocks of 64 KiB, counted against the header budget. */
export class TiffWindow {
  private readonly blocks = new Map<number, Uint8Array>();
  private spent = 0;
  littleEndian = true;
  bigTiff = false;

  constructor(private readonly file: TiffBytes) {}

  get size(): number {
    return this.file.size;
  }

  async bytes(offset: number, length: number): Promise<DataView> {
    if (offset < 0 || length < 0 || offset + length > this.file.size)
      throw new TiffStructureError(
        'truncated',
        `bytes ${offset}+${length} beyond the end (${this.file.size})`,
      );
    const out = new Uint8Array(length);
    let done = 0;
    while (done < length) {
      const at = offset + done;
      const start = Math.floor(at / BLOCK) * BLOCK;
      const block = await this.block(start);
      const from = at - start;
      const n = Math.min(length - done, block.length - from);
      if (n <= 0) throw new TiffStructureError('truncated', `short read at ${at}`);
      out.set(block.subarray(from, from + n), done);
      done += n;
    }
    return new DataView(out.buffer);
  }

  private async block(start: number): Promise<Uint8Array> {
    const cached = this.blocks.get(start);
    if (cached) return cached;
    const length = Math.min(BLOCK, this.file.size - start);
    this.spent += length;
    if (this.spent > HEADER_READ_BUDGET)
      throw new TiffStructureError('budget', `the header needs more than ${HEADER_READ_BUDGET} bytes`);
    const data = await this.file.read(start, length);
    if (data.length < length) throw new TiffStructureError('truncated', `short read at ${start}`);
    this.blocks.set(start, data);
    return data;
  }

  /** An unsigned offset or count of the file's width (4 bytes classic, 8 BigTIFF). */
  offsetAt(view: DataView, at: number, wide = this.bigTiff): number {
    if (!wide) return view.getUint32(at, this.littleEndian);
    const value = view.getBigUint64(at, this.littleEndian);
    // Anything past 2^53 lies beyond every real file: report it as such, never wrap.
    return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
  }

  /** Numeric values of an entry, `first` of them from index `from` (never more than `limit`). */
  async numbers(entry: IfdEntry, from = 0, limit = 4096): Promise<number[]> {
    const size = TYPE_SIZE[entry.type];
    if (!size) throw new TiffStructureError('corrupt', `tag ${entry.tag} has unknown type ${entry.type}`);
    const n = Math.max(0, Math.min(limit, entry.count - from));
    const view = await this.bytes(entry.at + from * size, n * size);
    const le = this.littleEndian;
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      const o = i * size;
      switch (entry.type) {
        case 1:
        case 2:
        case 7:
          out.push(view.getUint8(o));
          break;
        case 6:
          out.push(view.getInt8(o));
          break;
        case 3:
          out.push(view.getUint16(o, le));
          break;
        case 8:
          out.push(view.getInt16(o, le));
          break;
        case 4:
        case 13:
          out.push(view.getUint32(o, le));
          break;
        case 9:
          out.push(view.getInt32(o, le));
          break;
        case 5:
          out.push(view.getUint32(o, le) / view.getUint32(o + 4, le));
          break;
        case 10:
          out.push(view.getInt32(o, le) / view.getInt32(o + 4, le));
          break;
        case 11:
          out.push(view.getFloat32(o, le));
          break;
        case 12:
          out.push(view.getFloat64(o, le));
          break;
        case 16:
        case 18:
          out.push(this.offsetAt(view, o, true));
          break;
        case 17:
          out.push(Number(view.getBigInt64(o, le)));
          break;
      }
    }
    return out;
  }

  /** An ASCII value (NUL-terminated, at most 64 KiB). */
  async text(entry: IfdEntry): Promise<string> {
    const view = await this.bytes(entry.at, Math.min(entry.count, 65536));
    const bytes = new Uint8Array(view.buffer);
    const end = bytes.indexOf(0);
    return new TextDecoder('latin1').decode(end < 0 ? bytes : bytes.subarray(0, end));
  }

  /** Byte size of an entry's values (for the end-of-file check). */
  static byteLength(entry: IfdEntry): number {
    return (TYPE_SIZE[entry.type] ?? 1) * entry.count;
  }
}

/** The header and the chain of IFDs (the full image first, then overviews and masks). */
export async function readIfds(window: TiffWindow): Promise<Ifd[]> {
  if (window.size < 8) throw new TiffStructureError('notTiff', 'shorter than a TIFF header');
  const head = await window.bytes(0, Math.min(16, window.size));
  const order = String.fromCharCode(head.getUint8(0), head.getUint8(1));
  if (order !== 'II' && order !== 'MM') throw new TiffStructureError('notTiff', 'no II/MM byte order mark');
  window.littleEndian = order === 'II';
  const magic = head.getUint16(2, window.littleEndian);
  if (magic !== 42 && magic !== 43) throw new TiffStructureError('notTiff', `magic ${magic}`);
  window.bigTiff = magic === 43;
  if (window.bigTiff && window.size < 16) throw new TiffStructureError('truncated', 'short BigTIFF header');
  let next = window.offsetAt(head, window.bigTiff ? 8 : 4);
  const ifds: Ifd[] = [];
  const seen = new Set<number>();
  while (next !== 0) {
    if (seen.has(next)) throw new TiffStructureError('corrupt', `IFD chain loops back to ${next}`);
    if (ifds.length >= MAX_IFDS) throw new TiffStructureError('corrupt', `more than ${MAX_IFDS} IFDs`);
    seen.add(next);
    const { ifd, following } = await readIfd(window, next);
    ifds.push(ifd);
    next = following;
  }
  if (!ifds.length) throw new TiffStructureError('corrupt', 'no image directory');
  return ifds;
}

async function readIfd(window: TiffWindow, offset: number): Promise<{ ifd: Ifd; following: number }> {
  if (offset >= window.size)
    throw new TiffStructureError('truncated', `image directory at ${offset} lies beyond the end`);
  const wide = window.bigTiff;
  const countSize = wide ? 8 : 2;
  const entrySize = wide ? 20 : 12;
  const countView = await window.bytes(offset, countSize);
  const count = wide ? window.offsetAt(countView, 0) : countView.getUint16(0, window.littleEndian);
  if (count === 0 || count > MAX_ENTRIES)
    throw new TiffStructureError('corrupt', `image directory at ${offset} claims ${count} entries`);
  const body = await window.bytes(offset + countSize, count * entrySize + (wide ? 8 : 4));
  const entries = new Map<number, IfdEntry>();
  for (let i = 0; i < count; i++) {
    const o = i * entrySize;
    const tag = body.getUint16(o, window.littleEndian);
    const type = body.getUint16(o + 2, window.littleEndian);
    const n = wide ? window.offsetAt(body, o + 4) : body.getUint32(o + 4, window.littleEndian);
    const inlineSize = wide ? 8 : 4;
    const valueAt = o + (wide ? 12 : 8);
    const bytes = (TYPE_SIZE[type] ?? 1) * n;
    const at = bytes <= inlineSize ? offset + countSize + valueAt : window.offsetAt(body, valueAt);
    entries.set(tag, { tag, type, count: n, at });
  }
  const following = window.offsetAt(body, count * entrySize);
  return { ifd: { offset, entries }, following };
}

import { Inflate, zipSync } from 'fflate';
import type { Bilingual } from '../../domain/labels';
import type { NamedBytes } from '../layer';
import { decodeText } from '../text/encoding';
import { crc32 } from './crc32';

/**
 * Zip archives (Shapefile sets, KMZ, XLSX). The only importer of fflate. Reading trusts nothing
 * the archive declares: inflated bytes are counted as they come out of the decoder, so a zip bomb
 * stops at the cap however small its declared sizes are, and every entry's CRC is checked.
 */
export interface ZipLimits {
  /** Most bytes inflated across all entries. */
  maxTotalBytes: number;
  maxEntries: number;
  /**
   * Most bytes out per compressed byte in, checked once an entry is past 16 MiB: deflate cannot
   * beat ~1032:1, real shapefiles and KML stay far below 200:1, so a bomb stops in milliseconds
   * instead of after inflating the whole total cap.
   */
  maxRatio?: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalBytes: 1024 * 1024 * 1024,
  maxEntries: 10_000,
  maxRatio: 500,
};

/** Inflated bytes an entry may reach before its compression ratio is judged. */
const RATIO_GRACE_BYTES = 16 * 1024 * 1024;

export class ZipError extends Error {
  constructor(readonly reason: Bilingual) {
    super(reason.en);
    this.name = 'ZipError';
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const CHUNK = 16 * 1024;

function findEndOfCentralDirectory(view: DataView): number {
  const min = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let i = view.byteLength - 22; i >= min; i--) if (view.getUint32(i, true) === EOCD) return i;
  throw new ZipError({
    zh: '不是 zip 压缩文件（找不到目录）',
    en: 'Not a zip archive (no central directory)',
  });
}

function entryName(raw: Uint8Array, utf8Flag: boolean): string {
  if (utf8Flag) return decodeText(raw, 'utf-8');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return decodeText(raw, 'gbk'); // Chinese Windows archivers write GBK names without the UTF-8 flag
  }
}

/**
 * Inflate one entry into a buffer of its declared size (so an honest 900 MB entry costs 900 MB,
 * not the chunks plus their copy); a lying entry grows the buffer, within the caps.
 */
function inflateCapped(
  data: Uint8Array,
  budget: { left: number },
  name: string,
  maxRatio = Infinity,
  declaredSize = 0,
): Uint8Array {
  let out = new Uint8Array(Math.min(Math.max(0, budget.left), declaredSize));
  let size = 0;
  let consumed = 0;
  const inflater = new Inflate((chunk) => {
    size += chunk.length;
    budget.left -= chunk.length;
    if (budget.left < 0) {
      throw new ZipError({
        zh: `${name} 解压后超过大小上限（疑似 zip 炸弹），已停止`,
        en: `${name} inflates past the size limit (a zip bomb?); stopped`,
      });
    }
    if (size > RATIO_GRACE_BYTES && size > consumed * maxRatio) {
      throw new ZipError({
        zh: `${name} 解压比超过 ${maxRatio}:1（疑似 zip 炸弹），已停止`,
        en: `${name} inflates more than ${maxRatio}:1 (a zip bomb?); stopped`,
      });
    }
    if (size > out.length) {
      const grown = new Uint8Array(Math.max(size, Math.min(out.length * 2, size + budget.left), 64 * 1024));
      grown.set(out.subarray(0, size - chunk.length));
      out = grown;
    }
    out.set(chunk, size - chunk.length);
  });
  for (let i = 0; i < data.length; i += CHUNK) {
    consumed = Math.min(data.length, i + CHUNK);
    inflater.push(data.subarray(i, Math.min(data.length, i + CHUNK)), i + CHUNK >= data.length);
  }
  if (data.length === 0) inflater.push(new Uint8Array(0), true);
  return size === out.length ? out : out.slice(0, size);
}

interface Entry {
  name: string;
  method: number;
  crc: number;
  /** Where the entry's local header starts and its compressed data ends. */
  start: number;
  dataStart: number;
  end: number;
  declaredSize: number;
}

function damagedZip(what: string): never {
  throw new ZipError({ zh: `zip 文件已损坏：${what}`, en: `The zip archive is damaged: ${what}` });
}

/** The file entries the central directory lists, each checked to lie within the bytes. */
function listEntries(bytes: Uint8Array, view: DataView, limits: ZipLimits): Entry[] {
  const end = findEndOfCentralDirectory(view);
  const count = view.getUint16(end + 10, true);
  if (count > limits.maxEntries) {
    throw new ZipError({
      zh: `压缩包条目过多（${count}）`,
      en: `Too many entries in the archive (${count})`,
    });
  }
  let pointer = view.getUint32(end + 16, true);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (pointer + 46 > bytes.byteLength || view.getUint32(pointer, true) !== CENTRAL)
      damagedZip('central directory');
    const flags = view.getUint16(pointer + 8, true);
    const method = view.getUint16(pointer + 10, true);
    const crc = view.getUint32(pointer + 16, true);
    const compressedSize = view.getUint32(pointer + 20, true);
    const declaredSize = view.getUint32(pointer + 24, true);
    const nameLength = view.getUint16(pointer + 28, true);
    const extraLength = view.getUint16(pointer + 30, true);
    const commentLength = view.getUint16(pointer + 32, true);
    const localOffset = view.getUint32(pointer + 42, true);
    const name = entryName(bytes.subarray(pointer + 46, pointer + 46 + nameLength), (flags & 0x800) !== 0);
    pointer += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith('/')) continue;
    if (flags & 0x1) {
      throw new ZipError({ zh: `${name} 已加密，无法读取`, en: `${name} is encrypted and cannot be read` });
    }
    if (localOffset + 30 > bytes.byteLength || view.getUint32(localOffset, true) !== LOCAL) damagedZip(name);
    const dataStart =
      localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    if (dataStart + compressedSize > bytes.byteLength) damagedZip(`${name} is truncated`);
    entries.push({
      name,
      method,
      crc,
      start: localOffset,
      dataStart,
      end: dataStart + compressedSize,
      declaredSize,
    });
  }
  return entries;
}

/**
 * Refuse, before inflating anything, an archive whose entries share bytes (the overlapping-entry
 * bomb: many names for one compressed kernel) or whose declared sizes already exceed the cap.
 */
function checkLayout(entries: readonly Entry[], limits: ZipLimits): void {
  const byOffset = [...entries].sort((a, b) => a.start - b.start);
  for (let i = 1; i < byOffset.length; i++) {
    const [before, after] = [byOffset[i - 1]!, byOffset[i]!];
    if (after.start < before.end)
      throw new ZipError({
        zh: `${after.name} 与 ${before.name} 在压缩包中共用数据（重叠条目，疑似 zip 炸弹），未解压`,
        en: `${after.name} shares its bytes with ${before.name} (overlapping entries, a zip bomb?); nothing inflated`,
      });
  }
  // Zip64 entries declare 0xFFFFFFFF here; their real size is counted as they inflate.
  const declared = entries.reduce((sum, e) => sum + (e.declaredSize === 0xffffffff ? 0 : e.declaredSize), 0);
  if (declared > limits.maxTotalBytes)
    throw new ZipError({
      zh: `压缩包声明的解压大小（${declared} 字节）超过大小上限 ${limits.maxTotalBytes} 字节，未解压`,
      en: `The archive declares ${declared} bytes inflated, past the size limit of ${limits.maxTotalBytes}; nothing inflated`,
    });
}

/** Every file entry of a zip archive (folders skipped), or a ZipError saying what is wrong. */
export function readZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): NamedBytes[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 22)
    throw new ZipError({ zh: '文件太短，不是 zip', en: 'Too short to be a zip archive' });
  const entries = listEntries(bytes, view, limits);
  checkLayout(entries, limits);
  const budget = { left: limits.maxTotalBytes };
  const files: NamedBytes[] = [];
  for (const { name, method, crc, dataStart, end, declaredSize } of entries) {
    const data = bytes.subarray(dataStart, end);
    let content: Uint8Array;
    if (method === 0) {
      budget.left -= data.length;
      if (budget.left < 0) inflateCapped(new Uint8Array(0), { left: -1 }, name);
      content = data.slice();
    } else if (method === 8) {
      try {
        content = inflateCapped(
          data,
          budget,
          name,
          limits.maxRatio,
          declaredSize === 0xffffffff ? 0 : declaredSize,
        );
      } catch (error) {
        if (error instanceof ZipError) throw error;
        return damagedZip(`${name} (${error instanceof Error ? error.message : String(error)})`);
      }
    } else {
      throw new ZipError({
        zh: `${name} 使用了不支持的压缩方式 ${method}`,
        en: `${name} uses unsupported compression method ${method}`,
      });
    }
    if (crc32(content) !== crc) damagedZip(`${name} fails its checksum`);
    files.push({ name, bytes: content });
  }
  return files;
}

/** A zip archive of the files, deflated (level 1–9, default 6), names in UTF-8. */
export function writeZip(files: readonly NamedBytes[], level: 1 | 6 | 9 = 6): Uint8Array {
  const entries: Record<string, [Uint8Array, { level: 1 | 6 | 9 }]> = {};
  for (const f of files) entries[f.name] = [f.bytes, { level }];
  return zipSync(entries);
}

/** Whether bytes start like a zip archive (local file header). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
  );
}

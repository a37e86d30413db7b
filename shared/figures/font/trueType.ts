import type { Bilingual } from '../../domain/labels';

/**
 * A TrueType face (glyf outlines) read from a .ttf or one face of a .ttc, enough to measure text
 * and to subset it for a PDF: cmap (formats 4 and 12), advance widths, loca/glyf and the few
 * header fields a PDF font descriptor needs. Tables are looked up lazily, so opening the 5 MB
 * WenQuanYi collection costs a few header reads, not a parse of 30 000 glyphs.
 */
export interface TrueTypeFont {
  /** PostScript name (name ID 6), used as the PDF BaseFont. */
  postScriptName: string;
  unitsPerEm: number;
  numGlyphs: number;
  ascender: number;
  descender: number;
  capHeight: number;
  /** xMin, yMin, xMax, yMax in font units. */
  bbox: readonly [number, number, number, number];
  /** The glyph for a code point; 0 (.notdef) when the face has none. */
  glyphOf(codePoint: number): number;
  /** Advance width in font units. */
  advanceOf(glyph: number): number;
  /** The glyph's outline bytes (empty for a blank glyph such as the space). */
  glyphBytes(glyph: number): Uint8Array;
  /** A table's bytes by tag ('cvt ', 'fpgm' …), or undefined. */
  table(tag: string): Uint8Array | undefined;
  /** Tags of the face's tables, in directory order. */
  tableTags: readonly string[];
}

export class FontError extends Error {
  constructor(readonly reason: Bilingual) {
    super(reason.en);
    this.name = 'FontError';
  }
}

const bad = (en: string, zh: string): FontError => new FontError({ zh, en });

const TTC = 0x74746366; // 'ttcf'

/** Opens face `faceIndex` of a TrueType file or collection (WenQuanYi: 0 = Micro Hei, 1 = Mono). */
export function openTrueType(bytes: Uint8Array, faceIndex = 0): TrueTypeFont {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 12) throw bad('Font file too short', '字体文件过短');
  let dir = 0;
  if (view.getUint32(0) === TTC) {
    const faces = view.getUint32(8);
    if (faceIndex >= faces) throw bad(`The collection has ${faces} faces`, `字体集只有 ${faces} 个字体`);
    dir = view.getUint32(12 + 4 * faceIndex);
  }
  const tables = readDirectory(view, dir);
  const need = (tag: string): DataView => {
    const t = tables.get(tag);
    if (!t)
      throw bad(
        `Font has no '${tag}' table (not a TrueType outline font)`,
        `字体缺少 '${tag}' 表（不是 TrueType 轮廓字体）`,
      );
    return new DataView(bytes.buffer, bytes.byteOffset + t.offset, t.length);
  };
  const head = need('head');
  const hhea = need('hhea');
  const maxp = need('maxp');
  const hmtx = need('hmtx');
  const loca = need('loca');
  const glyf = need('glyf');
  const glyphOf = cmapLookup(need('cmap'));
  const unitsPerEm = head.getUint16(18);
  const longLoca = head.getInt16(50) === 1;
  const numGlyphs = maxp.getUint16(4);
  const hMetrics = hhea.getUint16(34);
  const ascender = hhea.getInt16(4);
  const os2 = tables.get('OS/2');
  const os2View = os2 && new DataView(bytes.buffer, bytes.byteOffset + os2.offset, os2.length);
  const capHeight =
    os2View && os2View.getUint16(0) >= 2 && os2.length >= 90 ? os2View.getInt16(88) : ascender;
  const locaAt = (g: number): number => (longLoca ? loca.getUint32(4 * g) : 2 * loca.getUint16(2 * g));
  return {
    postScriptName: readPostScriptName(tables, bytes) ?? 'Font',
    unitsPerEm,
    numGlyphs,
    ascender,
    descender: hhea.getInt16(6),
    capHeight,
    bbox: [head.getInt16(36), head.getInt16(38), head.getInt16(40), head.getInt16(42)],
    glyphOf: (cp) => {
      const g = glyphOf(cp);
      return g < numGlyphs ? g : 0;
    },
    advanceOf: (g) => hmtx.getUint16(4 * Math.min(g, hMetrics - 1)),
    glyphBytes: (g) => {
      if (g < 0 || g >= numGlyphs) return new Uint8Array(0);
      const a = locaAt(g);
      const b = locaAt(g + 1);
      if (b <= a || b > glyf.byteLength) return new Uint8Array(0);
      return new Uint8Array(glyf.buffer, glyf.byteOffset + a, b - a);
    },
    tableTags: [...tables.keys()],
    table: (tag) => {
      const t = tables.get(tag);
      return t && bytes.subarray(t.offset, t.offset + t.length);
    },
  };
}

interface TableRecord {
  offset: number;
  length: number;
}

function readDirectory(view: DataView, at: number): Map<string, TableRecord> {
  const tables = new Map<string, TableRecord>();
  if (at + 12 > view.byteLength) throw bad('Font table directory outside the file', '字体表目录超出文件');
  const version = view.getUint32(at);
  if (version !== 0x00010000 && version !== 0x74727565)
    throw bad(
      'Not a TrueType font (CFF outlines are not supported)',
      '不是 TrueType 字体（不支持 CFF 轮廓）',
    );
  const count = view.getUint16(at + 4);
  for (let i = 0; i < count; i++) {
    const r = at + 12 + 16 * i;
    if (r + 16 > view.byteLength) throw bad('Font table directory truncated', '字体表目录被截断');
    const tag = String.fromCharCode(
      view.getUint8(r),
      view.getUint8(r + 1),
      view.getUint8(r + 2),
      view.getUint8(r + 3),
    );
    const offset = view.getUint32(r + 8);
    const length = view.getUint32(r + 12);
    if (offset + length > view.byteLength)
      throw bad(`Font table '${tag}' runs past the end of the file`, `字体表 '${tag}' 超出文件末尾`);
    tables.set(tag, { offset, length });
  }
  return tables;
}

/** The best Unicode subtable: format 12 (full Unicode) before format 4 (BMP). */
function cmapLookup(cmap: DataView): (cp: number) => number {
  const n = cmap.getUint16(2);
  let best: { format: number; at: number } | undefined;
  for (let i = 0; i < n; i++) {
    const platform = cmap.getUint16(4 + 8 * i);
    const encoding = cmap.getUint16(6 + 8 * i);
    const at = cmap.getUint32(8 + 8 * i);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode || at + 4 > cmap.byteLength) continue;
    const format = cmap.getUint16(at);
    if (format === 12 && best?.format !== 12) best = { format, at };
    else if (format === 4 && !best) best = { format, at };
  }
  if (!best) throw bad('Font has no Unicode character map', '字体没有 Unicode 字符映射');
  const { at } = best;
  if (best.format === 12) {
    const groups = cmap.getUint32(at + 12);
    return (cp) => {
      let lo = 0;
      let hi = groups - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const g = at + 16 + 12 * mid;
        if (cp < cmap.getUint32(g)) hi = mid - 1;
        else if (cp > cmap.getUint32(g + 4)) lo = mid + 1;
        else return cmap.getUint32(g + 8) + cp - cmap.getUint32(g);
      }
      return 0;
    };
  }
  const segX2 = cmap.getUint16(at + 6);
  const ends = at + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const ranges = deltas + segX2;
  return (cp) => {
    if (cp > 0xffff) return 0;
    let lo = 0;
    let hi = segX2 / 2 - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (cmap.getUint16(ends + 2 * mid) < cp) lo = mid + 1;
      else hi = mid - 1;
    }
    const s = lo;
    if (s >= segX2 / 2 || cmap.getUint16(starts + 2 * s) > cp) return 0;
    const delta = cmap.getInt16(deltas + 2 * s);
    const rangeOffset = cmap.getUint16(ranges + 2 * s);
    if (rangeOffset === 0) return (cp + delta) & 0xffff;
    const g = ranges + 2 * s + rangeOffset + 2 * (cp - cmap.getUint16(starts + 2 * s));
    if (g + 2 > cmap.byteLength) return 0;
    const id = cmap.getUint16(g);
    return id === 0 ? 0 : (id + delta) & 0xffff;
  };
}

function readPostScriptName(tables: Map<string, TableRecord>, bytes: Uint8Array): string | undefined {
  const t = tables.get('name');
  if (!t) return undefined;
  const v = new DataView(bytes.buffer, bytes.byteOffset + t.offset, t.length);
  const count = v.getUint16(2);
  const strings = v.getUint16(4);
  for (let i = 0; i < count; i++) {
    const r = 6 + 12 * i;
    if (r + 12 > v.byteLength || v.getUint16(r + 6) !== 6) continue;
    const platform = v.getUint16(r);
    const len = v.getUint16(r + 8);
    const off = strings + v.getUint16(r + 10);
    if (off + len > v.byteLength) continue;
    let name = '';
    if (platform === 3 || platform === 0)
      for (let k = 0; k + 1 < len; k += 2) name += String.fromCharCode(v.getUint16(off + k));
    else for (let k = 0; k < len; k++) name += String.fromCharCode(v.getUint8(off + k));
    // A PDF name may not hold spaces or delimiters.
    name = name.replace(/[^\x21-\x7e]|[()<>[\]{}/%#]/g, '');
    if (name) return name;
  }
  return undefined;
}

import { assembleSfnt, pad4 } from './sfnt';
import type { TrueTypeFont } from './trueType';

/**
 * A TrueType font holding only the glyphs a document uses, renumbered 0…n−1 in the order given
 * (index = new glyph id, so text written before the subset is built keeps its ids). Components of
 * composite glyphs are added after the given glyphs and the composites point at their new ids.
 * Kept: head, hhea, hmtx, loca (long), glyf, maxp, and the hinting programs (cvt, fpgm, prep)
 * that the kept glyphs' instructions call into. No cmap: a PDF CIDFontType2 maps CID → glyph.
 */
export interface Subset {
  bytes: Uint8Array;
  /** Old glyph id of each new glyph id, components included. */
  glyphs: readonly number[];
}

const ARG_WORDS = 0x0001;
const HAS_SCALE = 0x0008;
const MORE = 0x0020;
const HAS_XY_SCALE = 0x0040;
const HAS_2X2 = 0x0080;

export function subsetTrueType(font: TrueTypeFont, used: readonly number[]): Subset {
  const glyphs = used[0] === 0 ? [...used] : [0, ...used.filter((g) => g !== 0)];
  const newId = new Map<number, number>();
  glyphs.forEach((g, i) => newId.set(g, i));
  // Close over composite components (a component may itself be composite).
  for (let i = 0; i < glyphs.length; i++) {
    for (const c of components(font.glyphBytes(glyphs[i]!)))
      if (!newId.has(c.glyph)) {
        newId.set(c.glyph, glyphs.length);
        glyphs.push(c.glyph);
      }
  }
  const outlines = glyphs.map((g) => remapComposite(font.glyphBytes(g), newId));
  const glyfLength = outlines.reduce((n, o) => n + pad4(o.length), 0);
  const glyf = new Uint8Array(glyfLength);
  const loca = new DataView(new ArrayBuffer(4 * (glyphs.length + 1)));
  let at = 0;
  outlines.forEach((o, i) => {
    loca.setUint32(4 * i, at);
    glyf.set(o, at);
    at += pad4(o.length);
  });
  loca.setUint32(4 * glyphs.length, at);

  const hmtx = new DataView(new ArrayBuffer(4 * glyphs.length));
  const lsbOf = leftSideBearings(font);
  glyphs.forEach((g, i) => {
    hmtx.setUint16(4 * i, font.advanceOf(g));
    hmtx.setInt16(4 * i + 2, lsbOf(g));
  });
  const head = copy(font.table('head')!);
  new DataView(head.buffer).setInt16(50, 1); // long loca offsets
  const hhea = copy(font.table('hhea')!);
  new DataView(hhea.buffer).setUint16(34, glyphs.length);
  const maxp = copy(font.table('maxp')!);
  new DataView(maxp.buffer).setUint16(4, glyphs.length);

  const tables: Record<string, Uint8Array> = {
    glyf,
    head,
    hhea,
    hmtx: new Uint8Array(hmtx.buffer),
    loca: new Uint8Array(loca.buffer),
    maxp,
  };
  for (const tag of ['cvt ', 'fpgm', 'prep']) {
    const t = font.table(tag);
    if (t) tables[tag] = t;
  }
  return { bytes: assembleSfnt(tables), glyphs };
}

interface Component {
  glyph: number;
  /** Byte offset of the component's glyph index inside the glyph. */
  at: number;
}

function components(glyph: Uint8Array): Component[] {
  if (glyph.length < 10) return [];
  const v = new DataView(glyph.buffer, glyph.byteOffset, glyph.byteLength);
  if (v.getInt16(0) >= 0) return [];
  const found: Component[] = [];
  let p = 10;
  for (;;) {
    if (p + 4 > glyph.length) break;
    const flags = v.getUint16(p);
    found.push({ glyph: v.getUint16(p + 2), at: p + 2 });
    p += 4 + (flags & ARG_WORDS ? 4 : 2);
    if (flags & HAS_SCALE) p += 2;
    else if (flags & HAS_XY_SCALE) p += 4;
    else if (flags & HAS_2X2) p += 8;
    if (!(flags & MORE)) break;
  }
  return found;
}

function remapComposite(glyph: Uint8Array, newId: Map<number, number>): Uint8Array {
  const parts = components(glyph);
  if (!parts.length) return glyph;
  const out = copy(glyph);
  const v = new DataView(out.buffer);
  for (const c of parts) v.setUint16(c.at, newId.get(c.glyph)!);
  return out;
}

function leftSideBearings(font: TrueTypeFont): (g: number) => number {
  const hmtx = font.table('hmtx')!;
  const v = new DataView(hmtx.buffer, hmtx.byteOffset, hmtx.byteLength);
  const hhea = font.table('hhea')!;
  const metrics = new DataView(hhea.buffer, hhea.byteOffset, hhea.byteLength).getUint16(34);
  return (g) => {
    const at = g < metrics ? 4 * g + 2 : 4 * metrics + 2 * (g - metrics);
    return at + 2 <= v.byteLength ? v.getInt16(at) : 0;
  };
}

function copy(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes);
}

import { subsetTrueType } from '../font/subsetTrueType';
import type { TrueTypeFont } from '../font/trueType';
import { num, ref } from './pdfSyntax';

/** Where the font's objects go: the writer's object numbering and stream writing. */
export interface ObjectSink {
  reserve(): number;
  object(id: number, body: string): void;
  stream(id: number, dict: string, data: Uint8Array): void;
}

/**
 * The document's one font as a Type0 / CIDFontType2 pair with Identity-H encoding: a CID is the
 * glyph's id in the subset, given out in order of first use, so pages can be written (and
 * flushed) before the subset exists. At the end the subset is embedded as FontFile2 with its
 * widths (/W) and a ToUnicode map, so text can be searched and copied out of the PDF.
 */
export class PdfFont {
  private readonly cidOf = new Map<number, number>([[0, 0]]);
  private readonly glyphs: number[] = [0];
  private readonly unicodeOf: string[] = [''];
  readonly missing = new Set<string>();
  /** Object number of the Type0 font, known before anything of it is written. */
  private id = 0;

  constructor(
    readonly font: TrueTypeFont,
    private readonly sink: ObjectSink,
  ) {}

  get objectId(): number {
    if (!this.id) this.id = this.sink.reserve();
    return this.id;
  }

  /** The text as a hex string of 2-byte CIDs, and its advance in font units. */
  encode(str: string): { hex: string; units: number } {
    let hex = '';
    let units = 0;
    for (const ch of str) {
      const cp = ch.codePointAt(0)!;
      if (cp < 0x20) continue;
      const glyph = this.font.glyphOf(cp);
      if (glyph === 0 && cp !== 0x20) this.missing.add(ch);
      let cid = this.cidOf.get(glyph);
      if (cid === undefined) {
        cid = this.glyphs.length;
        this.cidOf.set(glyph, cid);
        this.glyphs.push(glyph);
        this.unicodeOf.push(ch);
      }
      hex += cid.toString(16).padStart(4, '0');
      units += this.font.advanceOf(glyph);
    }
    return { hex: hex.toUpperCase(), units };
  }

  /** Writes the subset and the font dictionaries (once, after the last page). */
  finish(): void {
    if (!this.id) return;
    const f = this.font;
    const subset = subsetTrueType(f, this.glyphs);
    const scale = 1000 / f.unitsPerEm;
    const name = `${subsetTag(this.glyphs)}+${f.postScriptName}`;
    const fileId = this.sink.reserve();
    this.sink.stream(fileId, `/Length1 ${subset.bytes.length}`, subset.bytes);
    const descriptorId = this.sink.reserve();
    const [x0, y0, x1, y1] = f.bbox.map((v) => num(v * scale));
    this.sink.object(
      descriptorId,
      `<< /Type /FontDescriptor /FontName /${name} /Flags 4 /FontBBox [${x0} ${y0} ${x1} ${y1}]` +
        ` /ItalicAngle 0 /Ascent ${num(f.ascender * scale)} /Descent ${num(f.descender * scale)}` +
        ` /CapHeight ${num(f.capHeight * scale)} /StemV 80 /FontFile2 ${ref(fileId)} >>`,
    );
    const widths = this.glyphs.map((g) => num(f.advanceOf(g) * scale)).join(' ');
    const cidFontId = this.sink.reserve();
    this.sink.object(
      cidFontId,
      `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /${name}` +
        ` /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>` +
        ` /FontDescriptor ${ref(descriptorId)} /CIDToGIDMap /Identity /DW 1000 /W [0 [${widths}]] >>`,
    );
    const toUnicodeId = this.sink.reserve();
    this.sink.stream(toUnicodeId, '', toUnicodeCMap(this.unicodeOf));
    this.sink.object(
      this.id,
      `<< /Type /Font /Subtype /Type0 /BaseFont /${name} /Encoding /Identity-H` +
        ` /DescendantFonts [${ref(cidFontId)}] /ToUnicode ${ref(toUnicodeId)} >>`,
    );
  }
}

/** Six capitals naming the subset (ISO 32000-1 §9.6.4), the same for the same glyphs. */
function subsetTag(glyphs: readonly number[]): string {
  let h = 2166136261;
  for (const g of glyphs) h = Math.imul(h ^ g, 16777619) >>> 0;
  let tag = '';
  for (let i = 0; i < 6; i++) {
    tag += String.fromCharCode(65 + (h % 26));
    h = Math.floor(h / 26) + Math.imul(i + 7, 2654435761);
    h >>>= 0;
  }
  return tag;
}

function utf16Hex(s: string): string {
  let hex = '';
  for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).padStart(4, '0');
  return hex.toUpperCase();
}

function toUnicodeCMap(unicodeOf: readonly string[]): Uint8Array {
  const lines = [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
  ];
  const pairs: string[] = [];
  unicodeOf.forEach((u, cid) => {
    if (u) pairs.push(`<${cid.toString(16).padStart(4, '0').toUpperCase()}> <${utf16Hex(u)}>`);
  });
  for (let i = 0; i < pairs.length; i += 100) {
    const block = pairs.slice(i, i + 100);
    lines.push(`${block.length} beginbfchar`, ...block, 'endbfchar');
  }
  lines.push('endcmap', 'CMapName currentdict /CMap defineresource pop', 'end', 'end');
  return new TextEncoder().encode(lines.join('\n'));
}

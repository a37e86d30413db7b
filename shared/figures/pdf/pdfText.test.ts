import { describe, expect, it } from 'vitest';
import type { Page, TextOp } from '../displayList';
import { textWidthMm } from '../font/textMetrics';
import { figureFont } from '../font/testFont.test';
import { mmToPx, poppler, pxToMm, rasterise, writePdf } from './poppler.test';

const page = (ops: Page['ops']): Page => ({ widthMm: 210, heightMm: 297, ops, images: {} });
const text = (str: string, xMm: number, yMm: number, more: Partial<TextOp> = {}): TextOp => ({
  op: 'text',
  str,
  xMm,
  yMm,
  sizePt: 12,
  anchor: 'start',
  ...more,
});

/** Ink columns (non-white pixels) within rows [y0, y1) of the raster. */
function inkColumns(raster: ReturnType<typeof rasterise>, y0: number, y1: number): number[] {
  const xs: number[] = [];
  for (let x = 0; x < raster.width; x++)
    for (let y = y0; y < y1; y++) {
      const [r, g, b] = raster.rgb(x, y);
      if (r + g + b < 600) {
        xs.push(x);
        break;
      }
    }
  return xs;
}

describe('text in the PDF, read back by poppler', () => {
  it('embeds a subset of WenQuanYi Micro Hei as a CID TrueType font with Identity-H and ToUnicode', () => {
    const { path, chunks } = writePdf([page([text('保护范围 Protection zone', 20, 250)])]);
    const fonts = poppler('pdffonts', [path]).split('\n');
    expect(fonts).toHaveLength(4); // header, rule, one font, trailing newline
    expect(fonts[2]).toMatch(
      /^[A-Z]{6}\+WenQuanYiMicroHei\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes\s+\d+\s+0$/,
    );
    // A subset, not the 5 MB collection.
    expect(chunks.reduce((n, c) => n + c.length, 0)).toBeLessThan(30_000);
  });

  it('gives back Chinese and English text, rotated text included, across pages', () => {
    const { path, warnings } = writePdf([
      page([
        text('文物保护区划图', 105, 270, { anchor: 'middle', sizePt: 20, bold: true }),
        text('建设控制地带 Construction control zone', 20, 200),
        text('图号 HZ-01 ① 45°30′ 2×3', 20, 180),
      ]),
      page([text('第二页 Page two', 100, 100, { rotation: 90 })]),
    ]);
    expect(warnings).toEqual([]);
    const all = poppler('pdftotext', ['-layout', path, '-']);
    expect(all).toContain('文物保护区划图');
    expect(all).toContain('建设控制地带 Construction control zone');
    expect(all).toContain('图号 HZ-01 ① 45°30′ 2×3');
    const second = poppler('pdftotext', ['-f', '2', '-l', '2', path, '-']);
    expect(second.replace(/\s+/g, '')).toContain('第二页Pagetwo');
  });

  it('names the characters the font has no glyph for', () => {
    const { path, warnings } = writePdf([page([text('石𠀀碑 🙂', 20, 200)])]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.en).toContain('𠀀 🙂');
    expect(warnings[0]!.zh).toContain('𠀀 🙂');
    expect(poppler('pdftotext', [path, '-'])).toContain('石');
  });

  it('measured widths place start, middle and end anchored text where the layout expects', () => {
    const str = '保护范围 Zone';
    const width = textWidthMm(figureFont(), str, 24);
    expect(width).toBeGreaterThan(40);
    const ops = [
      text(str, 30, 250, { sizePt: 24 }),
      text(str, 105, 200, { sizePt: 24, anchor: 'middle' }),
      text(str, 180, 150, { sizePt: 24, anchor: 'end' }),
    ];
    const { path } = writePdf([page(ops)]);
    const raster = rasterise(path, 150);
    const band = (baseline: number) => {
      const cols = inkColumns(
        raster,
        Math.round(mmToPx(297 - baseline - 8, 150)),
        Math.round(mmToPx(297 - baseline, 150)),
      );
      return [pxToMm(cols[0]!, 150), pxToMm(cols.at(-1)! + 1, 150)];
    };
    // Side bearings leave ink a little inside the advance box: within 1 mm.
    const [s0, s1] = band(250);
    expect(Math.abs(s0! - 30)).toBeLessThan(1);
    expect(Math.abs(s1! - (30 + width))).toBeLessThan(1);
    const [m0, m1] = band(200);
    expect(Math.abs((m0! + m1!) / 2 - 105)).toBeLessThan(1);
    const [, e1] = band(150);
    expect(Math.abs(e1! - 180)).toBeLessThan(1);
  });

  it('draws composite glyphs (é is e plus an accent in this font) with their parts', () => {
    const { path } = writePdf([
      page([text('e', 20, 200, { sizePt: 48 }), text('é', 60, 200, { sizePt: 48 })]),
    ]);
    const raster = rasterise(path, 150);
    const top = Math.round(mmToPx(297 - 220, 150));
    const xHeight = Math.round(mmToPx(297 - 200 - 7, 150));
    const base = Math.round(mmToPx(297 - 200, 150));
    const inkIn = (x0: number, x1: number, y0: number, y1: number) => {
      let n = 0;
      for (let y = y0; y < y1; y++)
        for (let x = Math.round(mmToPx(x0, 150)); x < Math.round(mmToPx(x1, 150)); x++) {
          const [r, g, b] = raster.rgb(x, y);
          if (r + g + b < 300) n++;
        }
      return n;
    };
    // The bowl of the e is the same in both; only é has ink above the x-height.
    const plainBowl = inkIn(19, 40, xHeight, base);
    const accentedBowl = inkIn(59, 80, xHeight, base);
    expect(plainBowl).toBeGreaterThan(100);
    expect(Math.abs(accentedBowl - plainBowl)).toBeLessThan(plainBowl * 0.1);
    expect(inkIn(19, 40, top, xHeight - 20)).toBe(0);
    expect(inkIn(59, 80, top, xHeight - 20)).toBeGreaterThan(20);
  });
});

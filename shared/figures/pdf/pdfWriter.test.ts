import { describe, expect, it } from 'vitest';
import type { Page } from '../displayList';
import { figureFont } from '../font/testFont.test';
import { PdfWriter } from './pdfWriter';
import { mmToPx, poppler, pxToMm, rasterise, writePdf } from './poppler.test';

const RED = [255, 0, 0] as const;
const isRed = ([r, g, b]: [number, number, number]) => r > 200 && g < 80 && b < 80;

/** Centres of the runs of red pixels along one row. */
function redRuns(raster: ReturnType<typeof rasterise>, y: number): number[] {
  const centres: number[] = [];
  let start = -1;
  for (let x = 0; x <= raster.width; x++) {
    const red = x < raster.width && isRed(raster.rgb(x, y));
    if (red && start < 0) start = x;
    if (!red && start >= 0) {
      centres.push((start + x - 1) / 2);
      start = -1;
    }
  }
  return centres;
}

const a3Landscape = (ops: Page['ops']): Page => ({ widthMm: 420, heightMm: 297, ops, images: {} });

describe('PDF pages as poppler reads them', () => {
  it('A3 and A1 pages have exactly the ISO 216 size', () => {
    const { path } = writePdf([a3Landscape([]), { widthMm: 594, heightMm: 841, ops: [], images: {} }]);
    const info = poppler('pdfinfo', ['-f', '1', '-l', '2', path]);
    expect(info).toMatch(/Pages:\s+2\n/);
    expect(info).toMatch(/Page\s+1 size:\s+1190\.55 x 841\.89 pts \(A3\)/);
    expect(info).toMatch(/Page\s+2 size:\s+1683\.78 x 2383\.94 pts \(A1\)/);
  });

  it('a 120 mm × 80 mm rectangle drawn at known millimetres lands on the right pixels at 300 dpi', () => {
    const x0 = 50;
    const y0 = 40;
    const { path } = writePdf([
      a3Landscape([
        {
          op: 'path',
          rings: [
            [
              [x0, y0],
              [x0 + 120, y0],
              [x0 + 120, y0 + 80],
              [x0, y0 + 80],
            ],
          ],
          closed: true,
          stroke: RED,
          widthMm: 0.3,
        },
      ]),
    ]);
    const raster = rasterise(path, 300);
    expect([raster.width, raster.height]).toEqual([4961, 3508]);
    // Row through the middle of the rectangle (pdftoppm's row 0 is the top of the page).
    const row = Math.round(mmToPx(297 - (y0 + 40), 300));
    const [left, right] = redRuns(raster, row);
    expect(redRuns(raster, row)).toHaveLength(2);
    expect(Math.abs(pxToMm(left! + 0.5, 300) - x0)).toBeLessThan(0.1);
    expect(Math.abs(pxToMm(right! - left!, 300) - 120)).toBeLessThan(0.1);
    // Column through the middle: the top and bottom edges 80 mm apart.
    const col = Math.round(mmToPx(x0 + 60, 300));
    const ys: number[] = [];
    for (let y = 0, start = -1; y <= raster.height; y++) {
      const red = y < raster.height && isRed(raster.rgb(col, y));
      if (red && start < 0) start = y;
      if (!red && start >= 0) {
        ys.push((start + y - 1) / 2);
        start = -1;
      }
    }
    expect(ys).toHaveLength(2);
    expect(Math.abs(pxToMm(ys[1]! - ys[0]!, 300) - 80)).toBeLessThan(0.1);
    expect(Math.abs(297 - pxToMm(ys[1]! + 0.5, 300) - y0)).toBeLessThan(0.1);
  });

  it('an atlas goes out page by page: each page is written when added, all pages read back', () => {
    const written: number[] = [];
    let bytes = 0;
    const writer = new PdfWriter((b) => (bytes += b.length), figureFont());
    const pages = 120;
    for (let i = 1; i <= pages; i++) {
      writer.addPage(
        a3Landscape([
          { op: 'text', str: `第 ${i} 页 object ${i}`, xMm: 20, yMm: 20, sizePt: 10, anchor: 'start' },
        ]),
      );
      written.push(bytes);
    }
    // Every page adds its own bytes before the document ends.
    for (let i = 1; i < pages; i++) expect(written[i]!).toBeGreaterThan(written[i - 1]!);
    writer.finish();
    const { path } = writePdf(
      Array.from({ length: pages }, (_, k) =>
        a3Landscape([
          {
            op: 'text',
            str: `第 ${k + 1} 页 object ${k + 1}`,
            xMm: 20,
            yMm: 20,
            sizePt: 10,
            anchor: 'start',
          },
        ]),
      ),
    );
    expect(poppler('pdfinfo', [path])).toMatch(new RegExp(`Pages:\\s+${pages}\\n`));
    const text = poppler('pdftotext', ['-f', '77', '-l', '77', path, '-']);
    expect(text.trim()).toBe('第 77 页 object 77');
  });
});

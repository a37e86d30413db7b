import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const run = (tool: string, args: string[]) =>
  execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 1 << 28 });

/** One image of `pdfimages -list`: its pixel size, encoding and resolution on the page. */
export interface PdfImage {
  width: number;
  height: number;
  enc: string;
  ppi: [number, number];
}

export function pdfImages(pdf: string): PdfImage[] {
  return run('pdfimages', ['-list', pdf])
    .trim()
    .split('\n')
    .slice(2)
    .map((line) => line.trim().split(/\s+/))
    .filter((row) => row[2] === 'image')
    .map((row) => ({
      width: Number(row[3]),
      height: Number(row[4]),
      enc: row[8]!,
      ppi: [Number(row[12]), Number(row[13])],
    }));
}

/** The mean and standard deviation of band 1 of every JPEG embedded in the PDF (GDAL's statistics). */
export function pdfImageStats(pdf: string): { mean: number; stdDev: number }[] {
  const dir = mkdtempSync(join(tmpdir(), 'hzw-figure-images-'));
  run('pdfimages', ['-j', pdf, join(dir, 'img')]);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jpg'))
    .sort()
    .map((f) => {
      const info = JSON.parse(run('gdalinfo', ['-json', '-stats', join(dir, f)])) as {
        bands: { mean: number; stdDev: number }[];
      };
      return { mean: info.bands[0]!.mean, stdDev: info.bands[0]!.stdDev };
    });
}

/**
 * Throws unless the PDF is one A1 landscape page whose map frame carries the orthophoto: JPEG
 * pieces at `dpi` with exactly the planned pixel sizes, each showing the noise (not paper white),
 * so the benchmark cannot time an empty figure.
 */
export function checkFigurePdf(
  pdf: string,
  dpi: number,
  pieces: readonly { width: number; height: number }[],
): void {
  const info = run('pdfinfo', [pdf]);
  if (!/Pages:\s+1\n/.test(info)) throw new Error(`not one page:\n${info}`);
  if (!/Page size:\s+2383\.94 x 1683\.78 pts \(A1\)/.test(info))
    throw new Error(`not A1 landscape:\n${info}`);
  const images = pdfImages(pdf);
  const size = (p: { width: number; height: number }) => `${p.width}x${p.height}`;
  const got = images.map(size).sort();
  const want = pieces.map(size).sort();
  if (got.join() !== want.join())
    throw new Error(`embedded images ${got.join(', ')}; planned ${want.join(', ')}`);
  for (const image of images)
    if (image.enc !== 'jpeg' || image.ppi[0] !== dpi || image.ppi[1] !== dpi)
      throw new Error(`an image is ${image.enc} at ${image.ppi.join('×')} ppi, not JPEG at ${dpi}`);
  // Noise of 60–187 has mean ≈ 124 and deviation ≈ 37; resampled and JPEG-coded it stays far from white.
  for (const [i, s] of pdfImageStats(pdf).entries())
    if (s.mean > 180 || s.stdDev < 10)
      throw new Error(
        `piece ${i} is not the orthophoto: mean ${s.mean.toFixed(1)}, deviation ${s.stdDev.toFixed(1)}`,
      );
}

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from '../displayList';
import { figureFont } from '../font/testFont.test';
import { PdfWriter } from './pdfWriter';

/**
 * Helpers of the PDF tests, with poppler (pdfinfo, pdftoppm, pdffonts, pdftotext) as the
 * independent reader, kept in a test file because only tests may use node:*.
 */
const dir = mkdtempSync(join(tmpdir(), 'hzw-pdf-'));
let files = 0;

/** Writes the pages as one PDF file; returns its path and the writer's warnings. */
export function writePdf(pages: Page[], title?: string) {
  const chunks: Uint8Array[] = [];
  const writer = new PdfWriter((b) => chunks.push(new Uint8Array(b)), figureFont(), title ? { title } : {});
  for (const page of pages) writer.addPage(page);
  const { warnings } = writer.finish();
  const path = join(dir, `f${files++}.pdf`);
  writeFileSync(path, Buffer.concat(chunks));
  return { path, warnings, chunks };
}

/**
 * A poppler tool's output. Anything on stderr fails the test: poppler repairs a broken
 * cross-reference table or object silently except for a "Syntax Error" line there.
 */
export function poppler(tool: string, args: string[]): string {
  const run = spawnSync(tool, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (run.status !== 0 || run.stderr)
    throw new Error(`${tool} ${args.join(' ')}: ${run.status} ${run.stderr}`);
  return run.stdout;
}

export interface Raster {
  width: number;
  height: number;
  rgb(x: number, y: number): [number, number, number];
}

/** Page 1 rasterised by pdftoppm at `dpi` (PPM output; row 0 is the top of the page). */
export function rasterise(pdf: string, dpi: number): Raster {
  const ppm = execFileSync(
    'pdftoppm',
    ['-r', String(dpi), '-f', '1', '-l', '1', '-aa', 'no', '-aaVector', 'no', pdf],
    {
      maxBuffer: 1 << 28,
    },
  );
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 64).toString('latin1'))!;
  const width = Number(header[1]);
  const height = Number(header[2]);
  const at = header[0].length;
  return {
    width,
    height,
    rgb: (x, y) => {
      const i = at + 3 * (y * width + x);
      return [ppm[i]!, ppm[i + 1]!, ppm[i + 2]!];
    },
  };
}

export const pxToMm = (px: number, dpi: number): number => (px / dpi) * 25.4;
export const mmToPx = (mm: number, dpi: number): number => (mm / 25.4) * dpi;

describe('poppler tools', () => {
  it('are installed (the PDF tests read our output with them)', () => {
    for (const tool of ['pdfinfo', 'pdftoppm', 'pdffonts', 'pdftotext'])
      expect(execFileSync(tool, ['-v'], { encoding: 'utf8', stdio: 'pipe' })).toBe('');
  });
});

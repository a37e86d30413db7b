import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from '@playwright/test';
import { ProjectSettingsSchema } from '../shared/domain/schema';
import { composeFigure } from '../shared/figures/composeFigure';
import { FigureSettingsSchema } from '../shared/figures/figureSettings';
import { FIGURE_FONT_URL } from '../shared/figures/font/figureFont';
import { planFigure } from '../shared/figures/figurePlan';
import { layoutFigure } from '../shared/figures/layoutFigure';
import { buildWusuSample } from '../shared/sample/buildSample';
import { timeCommand } from './data/synthetic';
import { fmt, machine, median, writeSection } from './report';

/**
 * Time to compose an A1 figure at 1:1 000 (the job worker's work: layout with the font's widths,
 * font subset, PDF), vector only and with a 200 dpi orthophoto filling the map frame. The
 * orthophoto is seeded noise encoded as JPEG by GDAL (noise does not compress: a worst case for
 * size); the reference is GDAL placing the same JPEG in a PDF (`gdal_translate -of PDF`).
 */
const RUNS = 5;
const DPI = 200;

test('figures: compose an A1 figure at 1:1 000, with and without an orthophoto', async () => {
  test.setTimeout(600_000);
  const dir = mkdtempSync(join(tmpdir(), 'hzw-figure-bench-'));
  const font = new Uint8Array(readFileSync(join('resources/public', FIGURE_FONT_URL)));
  const sample = buildWusuSample();
  const source = { ...sample, settings: ProjectSettingsSchema.parse(sample.settings) };
  const settings = FigureSettingsSchema.parse({ paper: 'A1', orientation: 'landscape', scale: 1000 });
  const object = sample.objects.find((o) => sample.zones.some((z) => z.objectId === o.id))!;
  const plan = planFigure(source, { kind: 'object', objectId: object.id }, settings)!;
  const { map } = layoutFigure(plan).frame;
  const width = Math.round((map.wMm / 25.4) * DPI);
  const height = Math.round((map.hMm / 25.4) * DPI);

  // Seeded noise → PPM → JPEG (quality 85, as the figure's background pieces).
  let seed = 12345;
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    pixels[i] = 60 + ((seed >> 16) & 0x7f);
  }
  const ppm = join(dir, 'ortho.ppm');
  writeFileSync(ppm, Buffer.concat([Buffer.from(`P6\n${width} ${height}\n255\n`), pixels]));
  const jpeg = join(dir, 'ortho.jpg');
  execFileSync('gdal_translate', ['-q', '-of', 'JPEG', '-co', 'QUALITY=85', ppm, jpeg]);
  const bytes = new Uint8Array(readFileSync(jpeg));
  const background = {
    dpi: DPI,
    pieces: [{ x: 0, y: 0, image: { kind: 'jpeg' as const, width, height, bytes } }],
  };

  const vector: number[] = [];
  const ortho: number[] = [];
  const gdal: number[] = [];
  let pdfBytes = 0;
  for (let run = 0; run < RUNS; run++) {
    let t0 = performance.now();
    composeFigure({ font, pages: [plan] });
    vector.push(performance.now() - t0);
    t0 = performance.now();
    pdfBytes = composeFigure({ font, pages: [{ ...plan, background }] }).pdf.length;
    ortho.push(performance.now() - t0);
    gdal.push(
      timeCommand('gdal_translate', [
        '-q',
        '-of',
        'PDF',
        '-co',
        'COMPRESS=JPEG',
        '-co',
        'JPEG_QUALITY=85',
        jpeg,
        join(dir, `gdal${run}.pdf`),
      ]),
    );
  }
  const list = (v: number[]) => v.map((x) => x.toFixed(0)).join(', ');
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  writeSection(
    'figures',
    `
Command: \`npm run bench\` (Playwright, \`bench/figures.bench.ts\`), ${new Date().toISOString().slice(0, 10)}.
Machine: ${machine()}.

A1 landscape (841 × 594 mm) at 1:1 000, the first object of the Wusu sample, composed as the job
worker does it (layout with the embedded font's widths, CJK subset, PDF written). The orthophoto
fills the map frame at ${DPI} dpi: ${width} × ${height} px, JPEG ${mb(statSync(jpeg).size)} (seeded noise).

| measure | workbench (median) | reference (median) | runs |
|---|---|---|---|
| compose A1 1:1 000, vector only | ${fmt(median(vector))} | — | ${RUNS} |
| compose A1 1:1 000 with the ${DPI} dpi orthophoto (PDF ${mb(pdfBytes)}) | ${fmt(median(ortho))} | GDAL \`gdal_translate -of PDF\` of the same JPEG (re-encodes it): ${fmt(median(gdal))} | ${RUNS} |

All runs (ms): vector ${list(vector)}; with orthophoto ${list(ortho)}; GDAL ${list(gdal)}.
Not included: rendering the orthophoto from its GeoTIFF through the offscreen map (the raster
background factory is not on main yet), which comes before this step.
`,
  );
});

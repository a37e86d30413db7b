import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from '@playwright/test';
import { startRangeServer } from '../e2e/fixtures/rangeServer';
import { ProjectSettingsSchema } from '../shared/domain/schema';
import { framePixels, planPieces } from '../shared/figures/backgroundRaster';
import { composeFigure } from '../shared/figures/composeFigure';
import { FigureSettingsSchema } from '../shared/figures/figureSettings';
import { FIGURE_FONT_URL } from '../shared/figures/font/figureFont';
import { planFigure } from '../shared/figures/figurePlan';
import { groundFrame, pageFrame } from '../shared/figures/frame';
import { buildWusuSample } from '../shared/sample/buildSample';
import { timeCommand } from './data/synthetic';
import { addCogByUrl, exportPdfOnce, openA1Composer, type ExportRun } from './figureExport';
import { figureOrtho, fileBytes } from './figureOrtho';
import { checkFigurePdf, pdfImages } from './figurePdfCheck';
import { fmt, machine, median, writeSection } from './report';

/**
 * Time to an A1 figure at 1:1 000 with an orthophoto, as a planner waits for it: in the built
 * web app, a GDAL-made GeoTIFF (EPSG:4516, 0.1 m, JPEG, tiled, overviews) added by URL through
 * the layers panel, and 导出 PDF clicked in the composer at 200 dpi until the file is written,
 * broken down by the export's own phases. Each PDF is checked (A1 page, the planned JPEG pieces
 * at 200 ppi showing the orthophoto) so an empty figure is never timed. Beside it: composing
 * alone in Node (the worker's code) and GDAL writing the same raster area to a PDF.
 */
const RUNS = 5;
const EXPORT_RUNS = 3;
const DPI = 200;
// playwright.config.ts allows http://127.0.0.1:(E2E_PORT + 113) in connect-src.
const RANGE_PORT = Number(process.env.E2E_PORT ?? 4173) + 113;

test('figures: an A1 figure at 1:1 000 with a GeoTIFF orthophoto, from the export click to the PDF', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(1_800_000);
  const loadBefore = loadavg()[0]!;
  const dir = mkdtempSync(join(tmpdir(), 'hzw-figure-bench-'));
  const sample = buildWusuSample();
  const source = { ...sample, settings: ProjectSettingsSchema.parse(sample.settings) };
  const settings = FigureSettingsSchema.parse({
    paper: 'A1',
    orientation: 'landscape',
    scale: 1000,
    dpi: DPI,
  });
  const object = sample.objects.find((o) => sample.zones.some((z) => z.objectId === o.id))!;
  const plan = planFigure(source, { kind: 'object', objectId: object.id }, settings)!;
  const ground = groundFrame(pageFrame(settings).map, plan.centre, settings.scale);
  const { width, height } = framePixels(ground.map, DPI);
  const pieces = planPieces(ground, DPI);
  const ortho = figureOrtho(plan.centre);
  const name = ortho.path.split('/').pop()!;

  // The reference: GDAL cuts the map frame out of the GeoTIFF at 200 dpi and writes it as a PDF.
  const res = (settings.scale * 0.0254) / DPI;
  const projwin = [
    ground.minE + 28_000_000,
    ground.maxN,
    ground.minE + 28_000_000 + width * res,
    ground.maxN - height * res,
  ];
  const cut = (of: string[], out: string) =>
    ['-q', ...of, '-projwin', ...projwin.map(String), '-outsize', String(width), String(height), '-r', 'bilinear', ortho.path, out]; // prettier-ignore
  const gdalPdf = (run: number) =>
    cut(['-of', 'PDF', '-co', 'COMPRESS=JPEG', '-co', 'JPEG_QUALITY=85', '-co', `DPI=${DPI}`], join(dir, `gdal${run}.pdf`)); // prettier-ignore
  // The compose-only rows place the same cut as one ready-made JPEG (quality 85, as the pieces).
  const jpeg = join(dir, 'frame.jpg');
  execFileSync('gdal_translate', cut(['-of', 'JPEG', '-co', 'QUALITY=85'], jpeg));
  const background = {
    dpi: DPI,
    pieces: [
      {
        x: 0,
        y: 0,
        image: { kind: 'jpeg' as const, width, height, bytes: new Uint8Array(readFileSync(jpeg)) },
      },
    ],
  };
  const font = new Uint8Array(readFileSync(join('resources/public', FIGURE_FONT_URL)));
  const vector: number[] = [];
  const composed: number[] = [];
  const gdal: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    let t0 = performance.now();
    composeFigure({ font, pages: [plan] });
    vector.push(performance.now() - t0);
    t0 = performance.now();
    composeFigure({ font, pages: [{ ...plan, background }] });
    composed.push(performance.now() - t0);
    gdal.push(timeCommand('gdal_translate', gdalPdf(run)));
  }

  // The workbench: the GeoTIFF added by URL (read by range, as the desktop reads a granted file).
  const server = await startRangeServer([ortho.path], RANGE_PORT);
  const exports: ExportRun[] = [];
  let bytesRead = 0;
  try {
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(`${baseURL}/`);
    await page.locator('[data-testid="map"][data-ready="true"]').waitFor({ timeout: 60_000 });
    await addCogByUrl(page, server.url(name), name);
    const dialog = await openA1Composer(page, object.attributes.name, DPI);
    for (let run = 0; run < EXPORT_RUNS; run++) {
      const before = server.bytesServed();
      const result = await exportPdfOnce(page, dialog);
      bytesRead = server.bytesServed() - before;
      checkFigurePdf(result.pdf, DPI, pieces);
      exports.push(result);
    }
  } finally {
    await server.close();
  }
  // The reference did the same work: one image of the frame's pixels at the same ppi.
  const [ref, ...others] = pdfImages(join(dir, 'gdal0.pdf'));
  if (others.length || ref?.width !== width || ref.height !== height || ref.ppi[0] !== DPI)
    throw new Error(`GDAL's PDF holds ${JSON.stringify([ref, ...others])}`);

  const list = (v: number[]) => v.map((x) => x.toFixed(0)).join(', ');
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  const phase = (key: keyof ExportRun['phases']) => median(exports.map((e) => e.phases[key]));
  const total = exports.map((e) => e.ms);
  const pdfSize = statSync(exports[0]!.pdf).size;
  const text = `
Command: \`npm run bench\` (Playwright, \`bench/figures.bench.ts\`; the orthophoto is made once with GDAL into the gitignored \`bench/.cache\`${ortho.buildMs === null ? '' : `, ${(ortho.buildMs / 1000).toFixed(0)} s this run`}), ${new Date().toISOString().slice(0, 10)}; headless Chromium with software WebGL (SwiftShader, no GPU).
Machine: ${machine()}; load average (1 min) ${loadBefore.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end (other work shares the 2 cores, so runs scatter).

A1 landscape (841 × 594 mm) at 1:1 000, ${DPI} dpi, the first object of the Wusu sample (「${object.attributes.name}」).
The orthophoto: a GeoTIFF made by GDAL in EPSG:4516, ${ortho.width} × ${ortho.height} px of 0.1 m (JPEG quality 75, 512 px tiles, overviews),
${mb(fileBytes(ortho.path))}, seeded noise (a worst case: it does not compress), centred on the figure and added
through the layers panel by URL (served by range from 127.0.0.1). The map frame at ${DPI} dpi is
${width} × ${height} px, rendered in ${pieces.length} pieces; each PDF was checked: one A1 page, those ${pieces.length}
JPEG pieces at ${DPI} ppi, every piece showing the orthophoto (not paper white).

| measure | workbench (median) | reference (median) | runs |
|---|---|---|---|
| **click 导出 PDF → PDF written** (A1, 1:1 000, orthophoto at ${DPI} dpi; PDF ${mb(pdfSize)}, ${mb(bytesRead)} of the GeoTIFF read) | **${fmt(median(total))}** | GDAL \`gdal_translate -of PDF\` of the same map frame from the same GeoTIFF (\`-projwin\`, \`-outsize ${width} ${height}\`, JPEG 85): ${fmt(median(gdal))} | ${EXPORT_RUNS} / ${RUNS} |
| of which: render the orthophoto offscreen (${pieces.length} pieces, JPEG) | ${fmt(phase('background'))} | — | ${EXPORT_RUNS} |
| of which: compose in the worker (layout, font subset, PDF) | ${fmt(phase('compose'))} | — | ${EXPORT_RUNS} |
| of which: hand the bytes to the download | ${fmt(phase('write'))} | — | ${EXPORT_RUNS} |
| compose only, in Node, vector (no orthophoto) | ${fmt(median(vector))} | — | ${RUNS} |
| compose only, in Node, with the frame as one ready-made JPEG (GDAL's cut, ${mb(background.pieces[0]!.image.bytes.length)}) | ${fmt(median(composed))} | — | ${RUNS} |

All runs (ms): export ${list(total)} (background ${list(exports.map((e) => e.phases.background))}; compose ${list(exports.map((e) => e.phases.compose))}; write ${list(exports.map((e) => e.phases.write))}); GDAL ${list(gdal)}; Node vector ${list(vector)}, with JPEG ${list(composed)}.
`;
  writeSection('figures', text);
  console.log(text);
});

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromGaussKruger, type Projected } from '../crs/gaussKruger';
import { framePixels } from './backgroundRaster';
import { FigurePdfSession, type FigurePageInput } from './figurePdfSession';
import { FigureSettingsSchema } from './figureSettings';
import { pageFrame } from './frame';
import { FONT_PATH } from './font/testFont.test';

const dir = mkdtempSync(join(tmpdir(), 'hzw-figure-session-'));
const DPI = 150;
const settings = FigureSettingsSchema.parse({ paper: 'A4', orientation: 'landscape', scale: 2000, dpi: DPI });

/** A solid JPEG made by GDAL (not by our code), the size of the A4 frame at 150 dpi. */
function frameJpeg(rgb: [number, number, number]) {
  const { width, height } = framePixels(pageFrame(settings).map, DPI);
  const ppm = join(dir, `${rgb.join('-')}.ppm`);
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = rgb[i % 3]!;
  writeFileSync(ppm, Buffer.concat([Buffer.from(`P6\n${width} ${height}\n255\n`), pixels]));
  const jpg = join(dir, `${rgb.join('-')}.jpg`);
  execFileSync('gdal_translate', ['-q', '-of', 'JPEG', ppm, jpg]);
  return { kind: 'jpeg' as const, width, height, bytes: new Uint8Array(readFileSync(jpg)) };
}

function page(i: number, rgb: [number, number, number]): FigurePageInput {
  const centre: Projected = [553_950 + i * 500, 4_923_250];
  const ring = (
    [
      [centre[0] - 50, centre[1] - 30],
      [centre[0] + 50, centre[1] - 30],
      [centre[0] + 50, centre[1] + 30],
      [centre[0] - 50, centre[1] - 30],
    ] as Projected[]
  ).map((p) => fromGaussKruger(p, 28, { prefixed: false }));
  return {
    target: { kind: 'project' },
    settings,
    gkZone: 28,
    zones: [
      { objectId: `o${i}`, zoneType: 'protection_range', geometry: { type: 'Polygon', coordinates: [ring] } },
    ],
    centre,
    defaultTitle: `第${i + 1}页`,
    background: { dpi: DPI, pieces: [{ x: 0, y: 0, image: frameJpeg(rgb) }] },
  };
}

describe('a figure PDF written a page at a time', () => {
  it('hands back each page with its background as it is added, and the pieces make one valid PDF', () => {
    const session = new FigurePdfSession({ font: new Uint8Array(readFileSync(FONT_PATH)), title: '图集' });
    const colours: [number, number, number][] = [
      [200, 40, 40],
      [40, 160, 60],
      [40, 60, 200],
    ];
    const parts: Uint8Array[] = [];
    colours.forEach((rgb, i) => {
      const input = page(i, rgb);
      const bytes = session.addPage(input);
      // The page's JPEG went out with its page (passed through), not kept for the end.
      const jpeg = input.background!.pieces[0]!.image as { bytes: Uint8Array };
      expect(Buffer.from(bytes).indexOf(Buffer.from(jpeg.bytes))).toBeGreaterThan(0);
      parts.push(bytes);
    });
    const end = session.finish();
    expect(end.bytes.length).toBeGreaterThan(0);
    const file = join(dir, 'atlas.pdf');
    writeFileSync(file, Buffer.concat([...parts, end.bytes]));
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+3\n/);
    // Each background at the chosen resolution (poppler's own reading of its placement).
    const rows = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .slice(2)
      .map((l) => l.trim().split(/\s+/));
    expect(rows.map((r) => [r[0], r[8], r[12], r[13]])).toEqual([
      ['1', 'jpeg', String(DPI), String(DPI)],
      ['2', 'jpeg', String(DPI), String(DPI)],
      ['3', 'jpeg', String(DPI), String(DPI)],
    ]);
  });
});

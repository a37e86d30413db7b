import { writeFileSync, readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromGaussKruger, type Projected } from '../crs/gaussKruger';
import type { ZoneType } from '../domain/taxonomy';
import { ZONE_TYPE_LABELS, ZONE_TYPES } from '../domain/taxonomy';
import { composeFigure } from './composeFigure';
import { FigureSettingsSchema } from './figureSettings';
import { FONT_PATH } from './font/testFont.test';
import { poppler, pxToMm, rasterise } from './pdf/poppler.test';
import type { FigurePageInput } from './composeFigure';

const GK_ZONE = 28;
const CENTRE: Projected = [553_950, 4_923_250];
const dir = mkdtempSync(join(tmpdir(), 'hzw-figure-'));

function zone(objectId: string, zoneType: ZoneType, e: number, n: number, w: number, h: number) {
  const corners: Projected[] = [
    [e, n],
    [e + w, n],
    [e + w, n + h],
    [e, n + h],
    [e, n],
  ];
  const ring = corners.map((p) => fromGaussKruger(p, GK_ZONE, { prefixed: false }));
  return { objectId, zoneType, geometry: { type: 'Polygon' as const, coordinates: [ring] } };
}

function page(zones: ReturnType<typeof zone>[], title: string, centre = CENTRE): FigurePageInput {
  return {
    target: { kind: 'project' },
    settings: FigureSettingsSchema.parse({
      paper: 'A3',
      orientation: 'landscape',
      scale: 1000,
      titleBlock: { organisation: '某某规划设计研究院' },
    }),
    gkZone: GK_ZONE,
    zones,
    centre,
    defaultTitle: title,
  };
}

function write(pages: FigurePageInput[]): string {
  const font = new Uint8Array(readFileSync(FONT_PATH));
  const { pdf } = composeFigure({ font, pages });
  const path = join(dir, `figure-${pages.length}.pdf`);
  writeFileSync(path, pdf);
  return path;
}

/** Centres of the runs of columns (or rows) where `hits` passes `min`. */
function lineCentres(hits: number[], min: number): number[] {
  const centres: number[] = [];
  let start = -1;
  hits.forEach((h, i) => {
    if (h >= min && start < 0) start = i;
    if ((h < min || i === hits.length - 1) && start >= 0) {
      centres.push((start + (h >= min ? i : i - 1)) / 2);
      start = -1;
    }
  });
  return centres;
}

describe('composeFigure (read back with poppler)', () => {
  const range = zone('o1', 'protection_range', CENTRE[0] - 60, CENTRE[1] - 40, 120, 80);
  const ccz = zone('o1', 'construction_control_zone', CENTRE[0] - 100, CENTRE[1] - 70, 200, 140);
  const path = write([page([range, ccz], '测试文物保护单位保护区划图')]);

  it('writes an A3 landscape page', () => {
    expect(poppler('pdfinfo', [path])).toMatch(/Page size:\s+1190\.55 x 841\.89 pts \(A3\)/);
  });

  it('draws a 120 m × 80 m zone at 1:1 000 as 120 mm × 80 mm on paper (±0.5 mm)', () => {
    const dpi = 300;
    const raster = rasterise(path, dpi);
    const red = (x: number, y: number) => {
      const [r, g, b] = raster.rgb(x, y);
      return Math.abs(r - 208) < 12 && g < 45 && b < 45;
    };
    const cols = new Array<number>(raster.width).fill(0);
    const rows = new Array<number>(raster.height).fill(0);
    for (let y = 0; y < raster.height; y++)
      for (let x = 0; x < raster.width; x++)
        if (red(x, y)) {
          cols[x]!++;
          rows[y]!++;
        }
    // An 80 mm edge is 945 px long at 300 dpi; the legend swatch's edges are far shorter.
    const xs = lineCentres(cols, 600);
    const ys = lineCentres(rows, 900);
    expect(xs).toHaveLength(2);
    expect(ys).toHaveLength(2);
    expect(Math.abs(pxToMm(xs[1]! - xs[0]!, dpi) - 120)).toBeLessThan(0.5);
    expect(Math.abs(pxToMm(ys[1]! - ys[0]!, dpi) - 80)).toBeLessThan(0.5);
  });

  it('embeds its font as a CID TrueType subset', () => {
    const fonts = poppler('pdffonts', [path]).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line).toMatch(/CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
  });

  it('lists in the legend exactly the zone types on the map', () => {
    const lines = new Set(
      poppler('pdftotext', ['-raw', path, '-'])
        .split('\n')
        .map((l) => l.trim()),
    );
    expect(lines.has('测试文物保护单位保护区划图')).toBe(true);
    for (const type of ZONE_TYPES)
      expect(lines.has(ZONE_TYPE_LABELS[type].zh), type).toBe(
        type === 'protection_range' || type === 'construction_control_zone',
      );
  });

  it('writes one page per figure into one PDF (the atlas)', () => {
    const pages = [0, 1, 2].map((i) =>
      page(
        [zone(`o${i}`, 'protection_range', CENTRE[0] + i * 5000, CENTRE[1], 50, 50)],
        `对象${i}保护区划图`,
        [CENTRE[0] + i * 5000 + 25, CENTRE[1] + 25],
      ),
    );
    const atlas = write(pages);
    expect(poppler('pdfinfo', [atlas])).toMatch(/Pages:\s+3\n/);
    const text = poppler('pdftotext', ['-raw', atlas, '-']);
    expect(text.split('\f').map((p) => /对象(\d)保护区划图/.exec(p)?.[1])).toEqual([
      '0',
      '1',
      '2',
      undefined,
    ]);
  });
});

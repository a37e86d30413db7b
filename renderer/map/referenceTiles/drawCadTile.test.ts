import { fromLonLat } from 'ol/proj';
import { describe, expect, it } from 'vitest';
import { readCadSheet } from '../../../shared/formats/dxf/cadSheet';
import {
  SHEET_LAYERS,
  surveySheetDxf,
  TEMPLE_NAME,
  WALL,
} from '../../../shared/formats/dxf/fixtures/surveySheet';
import type { Box } from '../../../shared/geometry/spatialIndex';
import { cadTileLayer } from './cadTileLayer';
import { drawCadTile, type CadTileContext } from './drawCadTile';

type Op = [string, ...unknown[]];

/** A 2D context that records strokes (with their colour and path vertices) and text. */
function recorder(): CadTileContext & { ops: Op[] } {
  const ops: Op[] = [];
  let path: number[][] = [];
  const ctx = {
    ops,
    fillStyle: '' as CadTileContext['fillStyle'],
    strokeStyle: '' as CadTileContext['strokeStyle'],
    lineWidth: 1,
    lineJoin: 'miter' as CanvasLineJoin,
    font: '',
    textBaseline: 'alphabetic' as CanvasTextBaseline,
    beginPath: () => (path = []),
    moveTo: (x: number, y: number) => path.push([x, y]),
    lineTo: (x: number, y: number) => path.push([x, y]),
    closePath: () => {},
    fill: () => {},
    stroke: () => ops.push(['stroke', ctx.strokeStyle, path]),
    fillRect: (x: number, y: number) => ops.push(['dot', ctx.fillStyle, x, y]),
    save: () => {},
    restore: () => {},
    translate: (x: number, y: number) => ops.push(['translate', x, y]),
    rotate: () => {},
    fillText: (text: string) => ops.push(['text', text, ctx.fillStyle, ctx.font]),
  };
  return ctx;
}

const out = readCadSheet({ name: 'survey.dxf', bytes: surveySheetDxf() });
const sheet = cadTileLayer(out.sheet);
/** A 256-px tile centred on the sheet, `metres` wide. */
function tileAround(metres: number): Box {
  const i = out.sheet.labels.text.indexOf(TEMPLE_NAME);
  const [x, y] = fromLonLat([out.sheet.labels.lonLat[2 * i]!, out.sheet.labels.lonLat[2 * i + 1]!]);
  const half = metres / 2;
  return [x! - half, y! - half, x! + half, y! + half];
}

describe('CAD tiles', () => {
  it('strokes each colour once, the wall in red through its vertices, and draws readable text', () => {
    const ctx = recorder();
    const extent = tileAround(140); // Mercator metres: about 100 m on the ground here
    drawCadTile(ctx, sheet, { extent, width: 256, height: 256, pixelRatio: 1 });
    const strokes = ctx.ops.filter((o) => o[0] === 'stroke');
    const colours = strokes.map((o) => o[1]);
    expect(new Set(colours).size).toBe(colours.length);
    expect(colours).toEqual(expect.arrayContaining(['#ff0000', '#0000ff', '#00ff00', '#ff00ff', '#00ffff']));
    const red = strokes.find((o) => o[1] === '#ff0000')![2] as number[][];
    expect(red).toHaveLength(WALL.length);
    expect(ctx.ops.filter((o) => o[0] === 'text').map((o) => o[1])).toEqual(
      expect.arrayContaining([TEMPLE_NAME, '东墙']),
    );
    // ACI 7 text is dark grey on the light map.
    expect(ctx.ops.find((o) => o[1] === TEMPLE_NAME)![2]).toBe('#333333');
  });

  it('leaves out switched-off CAD layers and text too small to read', () => {
    const wall = out.sheet.layers.findIndex((l) => l.name === SHEET_LAYERS.wall[0]);
    const off = cadTileLayer(out.sheet);
    off.visible = off.visible.map((_, i) => i !== wall);
    const ctx = recorder();
    drawCadTile(ctx, off, { extent: tileAround(200), width: 256, height: 256, pixelRatio: 1 });
    expect(ctx.ops.some((o) => o[1] === '#ff0000')).toBe(false);
    expect(ctx.ops.some((o) => o[0] === 'text')).toBe(true);
    const far = recorder();
    // 2 km across 256 px: 3 m text is under half a pixel high.
    const stats = drawCadTile(far, sheet, {
      extent: tileAround(2000),
      width: 256,
      height: 256,
      pixelRatio: 1,
    });
    expect(stats.labels).toBe(0);
    // The trees (2 m circles) are under a pixel there: dots, not paths.
    expect(stats.dots).toBeGreaterThanOrEqual(4);
    expect(stats.parts).toBeGreaterThan(0);
  });

  it('draws a label in every tile its box touches, so text crosses tile edges', () => {
    const [x0, y0, x1, y1] = tileAround(100);
    const mid = (x0 + x1) / 2;
    const i = out.sheet.labels.text.indexOf(TEMPLE_NAME);
    const [lx] = fromLonLat([out.sheet.labels.lonLat[2 * i]!, out.sheet.labels.lonLat[2 * i + 1]!]);
    // The label starts at the centre line and runs east: the western tile ends 1 m past its anchor.
    const west = recorder();
    drawCadTile(west, sheet, { extent: [x0, y0, lx! + 1, y1], width: 256, height: 256, pixelRatio: 1 });
    const east = recorder();
    drawCadTile(east, sheet, {
      extent: [lx! + 1, y0, x1 + mid - x0, y1],
      width: 256,
      height: 256,
      pixelRatio: 1,
    });
    for (const tile of [west, east]) expect(tile.ops.some((o) => o[1] === TEMPLE_NAME)).toBe(true);
  });
});

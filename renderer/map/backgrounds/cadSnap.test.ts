import type LineString from 'ol/geom/LineString';
import { fromLonLat } from 'ol/proj';
import { describe, expect, it } from 'vitest';
import { readCadSheet } from '../../../shared/formats/dxf/cadSheet';
import {
  largeSheetDxf,
  SHEET_LAYERS,
  surveySheetDxf,
} from '../../../shared/formats/dxf/fixtures/surveySheet';
import type { Box } from '../../../shared/geometry/spatialIndex';
import { cadTileLayer } from '../referenceTiles/cadTileLayer';
import { BackgroundTargets } from '../tools/traceSource';
import { MAX_SNAP_PARTS, nearParts, partFeature } from './cadSnap';

const around = ([x, y]: number[], r: number): Box => [x! - r, y! - r, x! + r, y! + r];

describe('CAD parts offered to snapping and tracing', () => {
  const { sheet } = readCadSheet({ name: 'survey.dxf', bytes: surveySheetDxf() });
  const tiles = cadTileLayer(sheet);
  const wall = sheet.layers.findIndex((l) => l.name === SHEET_LAYERS.wall[0]);
  const wallPart = sheet.partLayer.indexOf(wall);
  const corner = fromLonLat([
    sheet.lonLat[2 * sheet.partStarts[wallPart]!]!,
    sheet.lonLat[2 * sheet.partStarts[wallPart]! + 1]!,
  ]);

  it('gives the wall near its corner, with every vertex, in map coordinates', () => {
    const parts = nearParts(sheet, tiles.parts, around(corner, 2), tiles.visible);
    expect(parts).toContain(wallPart);
    const line = partFeature(sheet, wallPart, 'cad').getGeometry() as LineString;
    expect(line.getCoordinates()).toHaveLength(5);
    expect(line.getFirstCoordinate()).toEqual(corner);
    // Not when its CAD layer is switched off.
    const off = tiles.visible.map((_, i) => i !== wall);
    expect(nearParts(sheet, tiles.parts, around(corner, 2), off)).not.toContain(wallPart);
  });

  it('closes rings, and hands at most 300 parts, the nearest, to snapping', () => {
    const building = sheet.layers.findIndex((l) => l.name === SHEET_LAYERS.building[0]);
    const ring = sheet.partLayer.indexOf(building);
    const coords = (partFeature(sheet, ring, 'cad').getGeometry() as LineString).getCoordinates();
    expect(coords[0]).toEqual(coords.at(-1));
    const big = readCadSheet({ name: 'big.dxf', bytes: largeSheetDxf(3000) }).sheet;
    const bigTiles = cadTileLayer(big);
    const first = fromLonLat([big.lonLat[0]!, big.lonLat[1]!]);
    const parts = nearParts(big, bigTiles.parts, around(first, 1000), bigTiles.visible);
    expect(parts).toHaveLength(MAX_SNAP_PARTS);
    expect(parts).toContain(0);
  });

  it('one target source per map: each background replaces only its own features', () => {
    const targets = new BackgroundTargets();
    const a = [partFeature(sheet, 0, 'a'), partFeature(sheet, 1, 'a')];
    targets.set('a', a);
    targets.set('b', [partFeature(sheet, 0, 'b')]);
    expect(targets.source.getFeatures()).toHaveLength(3);
    targets.set('a', [partFeature(sheet, 2, 'a')]);
    expect(targets.source.getFeatures().map((f) => f.getId())).toEqual(
      expect.arrayContaining(['a:2', 'b:0']),
    );
    targets.set('b', []);
    expect(targets.source.getFeatures().map((f) => f.getId())).toEqual(['a:2']);
  });
});

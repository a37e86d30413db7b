import { describe, expect, it } from 'vitest';
import type { ProjectDocument } from '../../shared/formats/projectDocument';
import {
  databaseLayerOf,
  defaultExportChoice,
  documentInScope,
  exportOptionsOf,
} from './transferExportOptions';

describe('exportOptionsOf', () => {
  it('writes GeoJSON in lon/lat without a projected CRS by default', () => {
    const options = exportOptionsOf(defaultExportChoice(28), '乌苏');
    expect(options).toEqual({ format: 'geojson', zoneTypes: null, baseName: '乌苏' });
  });

  it('passes encoding, profile and zip for a Shapefile; lon/lat unless another CRS is chosen', () => {
    const choice = { ...defaultExportChoice(28), format: 'shapefile' as const, profile: 'lswhbhx' as const };
    expect(exportOptionsOf(choice, 'p')).toMatchObject({
      format: 'shapefile',
      encoding: 'gbk',
      profile: 'lswhbhx',
      zip: true,
    });
    // Precision is the core's per-format default, not a dialog override.
    expect(exportOptionsOf(choice, 'p').decimals).toBeUndefined();
    expect(exportOptionsOf(choice, 'p').epsg).toBeUndefined();
    expect(exportOptionsOf({ ...choice, epsg: 4516 }, 'p').epsg).toBe(4516);
    expect(exportOptionsOf({ ...choice, ysdm: ' 2090020299 ' }, 'p').lswhbhx).toEqual({ ysdm: '2090020299' });
  });

  it('a GeoPackage takes the full profile unless told, and any chosen CRS', () => {
    const choice = { ...defaultExportChoice(28), format: 'geopackage' as const };
    expect(exportOptionsOf(choice, 'p')).toEqual({
      format: 'geopackage',
      zoneTypes: null,
      baseName: 'p',
      profile: 'full',
    });
    expect(exportOptionsOf({ ...choice, profile: 'zxcqcszx', epsg: 4537 }, 'p')).toMatchObject({
      profile: 'zxcqcszx',
      epsg: 4537,
    });
    expect(databaseLayerOf({ ...choice, profile: 'zxcqcszx' })).toBe('ZXCQCSZX');
    expect(databaseLayerOf({ ...choice, format: 'kml', profile: 'lswhbhx' })).toBeNull();
  });

  it('uses the chosen zone and prefix style for DXF and coordinate tables', () => {
    const dxf = {
      ...defaultExportChoice(27),
      format: 'dxf' as const,
      zonePrefix: false,
      vertexLabels: false,
    };
    expect(exportOptionsOf(dxf, 'p')).toMatchObject({ format: 'dxf', epsg: 4536, vertexLabels: false });
    const table = { ...defaultExportChoice(28), format: 'table' as const, tableLayout: 'xlsx' as const };
    expect(exportOptionsOf(table, 'p')).toMatchObject({
      format: 'xlsx',
      epsg: 4516,
      coordinateTable: { zonePrefix: true, decimals: 3 },
    });
  });
});

describe('documentInScope', () => {
  const zone = (id: string, objectId: string) => ({ id, objectId }) as ProjectDocument['zones'][number];
  const object = (id: string) => ({ id }) as ProjectDocument['objects'][number];
  const document = {
    settings: {} as ProjectDocument['settings'],
    objects: [object('o1'), object('o2')],
    zones: [zone('z1', 'o1'), zone('z2', 'o1'), zone('z3', 'o2')],
  };

  it('keeps the selected zones with their objects', () => {
    const part = documentInScope(document, 'selectedZones', { zoneIds: ['z3'], objectId: null });
    expect(part.zones.map((z) => z.id)).toEqual(['z3']);
    expect(part.objects.map((o) => o.id)).toEqual(['o2']);
  });

  it("keeps the selected object's zones, or everything", () => {
    const part = documentInScope(document, 'selectedObject', { zoneIds: [], objectId: 'o1' });
    expect(part.zones.map((z) => z.id)).toEqual(['z1', 'z2']);
    expect(documentInScope(document, 'all', { zoneIds: [], objectId: null })).toBe(document);
  });
});

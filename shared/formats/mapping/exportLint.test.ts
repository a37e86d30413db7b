import { describe, expect, it } from 'vitest';
import type { Ring } from '../../domain/geometry';
import { buildWusuSample } from '../../sample/buildSample';
import { deliveryDocument, squareAt } from './deliveryFixture';
import { lintExport } from './exportLint';

const codes = (lint: ReturnType<typeof lintExport>) => lint.findings.map((f) => [f.code, f.zoneIds.join()]);

describe('pre-export check of the planning-database layers', () => {
  it('a multipart zone, a spike and a missing XZQDM: exactly those findings, before anything is written', () => {
    const document = deliveryDocument({ spike: true, settings: { xzqdm: '' } });
    const lint = lintExport({ document, options: { format: 'shapefile', profile: 'lswhbhx' } });
    expect(lint.layer).toBe('LSWHBHX');
    expect(codes(lint).sort()).toEqual([
      ['code.xzqdm_missing', 'z-range,z-ccz,z-core'],
      ['shape.multipart', 'z-range'],
      ['shape.spike', 'z-ccz'],
    ]);
    const spike = lint.findings.find((f) => f.code === 'shape.spike')!;
    expect(spike.message.zh).toMatch(/建设控制地带：第1环第5点为尖角（\d\.\d°，小于10°）/);
    expect(lint.findings.find((f) => f.code === 'shape.multipart')!.message.en).toMatch(/2 parts/);
    // Range in two parts + CCZ + core range; the body and the purple line are left out.
    expect(lint.features).toBe(4);
    expect(lint.omitted).toEqual([
      { zoneType: 'body', count: 1 },
      { zoneType: 'purple_line', count: 1 },
    ]);
  });

  it('a sound delivery has nothing to report; the missing name is reported on its own', () => {
    expect(
      lintExport({ document: deliveryDocument(), options: { format: 'geopackage', profile: 'zxcqcszx' } }),
    ).toMatchObject({ layer: 'ZXCQCSZX', findings: [], features: 1 });
    const unnamed = deliveryDocument({ settings: { xzqmc: ' ' } });
    const lint = lintExport({ document: unnamed, options: { format: 'shapefile', profile: 'zxcqcszx' } });
    expect(codes(lint)).toEqual([['code.xzqmc_missing', '']]);
  });

  it('the export option fills in for the project settings, and only the chosen zone types count', () => {
    const document = deliveryDocument({ spike: true, settings: { xzqdm: '', xzqmc: '' } });
    const lint = lintExport({
      document,
      options: {
        format: 'shapefile',
        profile: 'lswhbhx',
        zoneTypes: ['core_protection_range'],
        lswhbhx: { xzqdm: '654202', xzqmc: '乌苏市' },
      },
    });
    expect(lint.findings).toEqual([]);
    expect(lint.features).toBe(1);
  });

  it('the illustrative sample passes; a sliver hole and an undensified circle do not', () => {
    const sample = buildWusuSample();
    expect(
      lintExport({ document: sample, options: { format: 'shapefile', profile: 'lswhbhx' } }).findings,
    ).toEqual([]);
    const range = sample.zones.find((z) => z.attributes.zoneType === 'protection_range')!;
    const [lon, lat] = range.geometry.type === 'Polygon' ? range.geometry.coordinates[0]![0]! : [0, 0];
    // A 0.5 m² hole and a 12-gon "circle" of 100 m radius.
    const hole = squareAt(lon! + 0.00005, lat! + 0.00005, 0.000006).reverse();
    const circle: Ring = Array.from({ length: 13 }, (_, k) => {
      const a = (2 * Math.PI * (k % 12)) / 12;
      return [lon! + 0.03 + 0.00126 * Math.cos(a), lat! + 0.0009 * Math.sin(a)];
    });
    const zones = sample.zones.map((z) =>
      z.id !== range.id
        ? z
        : {
            ...z,
            geometry: {
              type: 'MultiPolygon' as const,
              coordinates: [
                [...(z.geometry.type === 'Polygon' ? z.geometry.coordinates : []), hole],
                [circle],
              ],
            },
          },
    );
    const lint = lintExport({
      document: { ...sample, zones },
      options: { format: 'shapefile', profile: 'lswhbhx' },
    });
    expect(
      codes(lint)
        .map(([code]) => code)
        .sort(),
    ).toEqual(['shape.multipart', 'shape.sliver', 'shape.undensified_arc']);
  });

  it('profiles without a database QC have nothing to check', () => {
    const document = deliveryDocument({ spike: true, settings: { xzqdm: '' } });
    expect(lintExport({ document, options: { format: 'shapefile', profile: 'full' } })).toMatchObject({
      layer: null,
      findings: [],
      features: document.zones.length,
    });
  });
});

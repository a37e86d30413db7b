import { describe, expect, it } from 'vitest';
import { buildWusuSample } from '../../sample/buildSample';
import { signedArea2 } from '../../geometry/rings';
import { polygonsOf } from '../../domain/geometry';
import { readGeoJson } from './readGeoJson';
import { writeGeoJson } from './writeGeoJson';
import { geojsonAdapter } from './geojsonLayer';
import { FormatError } from '../formatError';

const encode = (value: unknown) =>
  new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));
const json = (value: unknown) => JSON.stringify(value);
const sample = buildWusuSample();

describe('GeoJSON export', () => {
  const written = JSON.parse(new TextDecoder().decode(writeGeoJson(sample)));

  it('writes RFC 7946: no crs, counter-clockwise shells, at most 7 decimals', () => {
    expect(written.type).toBe('FeatureCollection');
    expect(written.crs).toBeUndefined();
    expect(written.features).toHaveLength(sample.zones.length);
    for (const feature of written.features) {
      for (const [shell, ...holes] of polygonsOf(feature.geometry)) {
        expect(signedArea2(shell!)).toBeGreaterThan(0);
        for (const hole of holes) expect(signedArea2(hole)).toBeLessThan(0);
        for (const [x, y] of shell!)
          expect([x, y].every((v) => Math.abs(v * 1e7 - Math.round(v * 1e7)) < 1e-6)).toBe(true);
      }
    }
  });

  it('filters by zone type', () => {
    const only = JSON.parse(
      new TextDecoder().decode(writeGeoJson(sample, { zoneTypes: ['body'], decimals: 7 })),
    );
    expect(only.features.map((f: { properties: { zone_type: string } }) => f.properties.zone_type)).toEqual(
      sample.zones.filter((z) => z.attributes.zoneType === 'body').map(() => 'body'),
    );
  });
});

describe('GeoJSON import', () => {
  it('export then import is lossless for our schema (geometry to 7 decimals)', () => {
    const result = readGeoJson(writeGeoJson(sample), 'sample.geojson');
    expect(result.rejected).toEqual([]);
    expect(result.document.settings).toMatchObject({ name: sample.settings.name, gkZone: 28 });
    const byId = new Map(result.document.zones.map((z) => [z.id, z]));
    for (const zone of sample.zones) {
      const back = byId.get(zone.id)!;
      expect(back.attributes).toEqual(zone.attributes);
      expect(back.objectId).toBe(zone.objectId);
      expect([back.createdAt, back.updatedAt]).toEqual([zone.createdAt, zone.updatedAt]);
      const a = polygonsOf(zone.geometry).flat(2);
      const b = polygonsOf(back.geometry).flat(2);
      expect(b).toHaveLength(a.length);
      a.forEach((p, i) => expect(Math.abs(p[0] - b[i]![0]) + Math.abs(p[1] - b[i]![1])).toBeLessThan(1e-7));
    }
    for (const object of sample.objects) {
      const { representativePoint: _rp, ...attributes } = object.attributes;
      expect(result.document.objects.find((o) => o.id === object.id)?.attributes).toMatchObject(attributes);
    }
  });

  it('lists every refused feature with its index and reason and keeps the rest', () => {
    const square = {
      type: 'Polygon',
      coordinates: [
        [
          [84, 44],
          [84.01, 44],
          [84.01, 44.01],
          [84, 44.01],
          [84, 44],
        ],
      ],
    };
    const result = readGeoJson(
      encode(
        json({
          type: 'FeatureCollection',
          features: [
            { type: 'Feature', properties: { object_name: '甲', zone_type: 'body' }, geometry: square },
            { type: 'Feature', properties: { object_name: '甲', zone_type: 'moat' }, geometry: square },
            {
              type: 'Feature',
              properties: { object_name: '甲', zone_type: 'body' },
              geometry: { type: 'Point', coordinates: [84, 44] },
            },
            { type: 'Feature', properties: { zone_type: 'body' }, geometry: square },
            {
              type: 'Feature',
              properties: { object_name: '甲', zone_type: '保护范围', ccz_class: 2 },
              geometry: square,
            },
            'INFINITE',
          ],
        }).replace(
          '"INFINITE"',
          '{"type":"Feature","properties":{"object_name":"甲","zone_type":"body"},"geometry":{"type":"Polygon","coordinates":[[[84,44],[1e400,44],[84,45],[84,44]]]}}',
        ),
      ),
      'mixed.geojson',
    );
    expect(result.document.zones).toHaveLength(1);
    // The reader refuses malformed coordinates before the mapping checks the rest.
    const rejected = [...result.rejected].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
    expect(rejected.map((r) => r.index)).toEqual([1, 2, 3, 4, 5]);
    const reasons = rejected.map((r) => r.reason.en);
    expect(reasons[0]).toContain('zone_type');
    expect(reasons[1]).toContain('Point');
    expect(reasons[2]).toContain('object_name');
    expect(reasons[3]).toContain('ccz_class');
    expect(reasons[4]).toBe('coordinates 1.2: [Infinity,44] is not a position [x, y] of finite numbers');
  });

  it('keeps 3-D positions as x, y, z and drops what follows z', () => {
    const ring = [
      [84, 44, 1200, 9],
      [84.01, 44, 1201],
      [84.01, 44.01],
      [84, 44, 1200, 9],
    ];
    const layer = geojsonAdapter.read!(
      [
        {
          name: 'z.geojson',
          bytes: encode({
            type: 'Feature',
            properties: {},
            geometry: { type: 'Polygon', coordinates: [ring] },
          }),
        },
      ],
      {},
      () => {},
    ).layers[0]!;
    expect(layer.features[0]!.geometry).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [84, 44, 1200],
          [84.01, 44, 1201],
          [84.01, 44.01],
          [84, 44, 1200],
        ],
      ],
    });
  });

  it('refuses non-GeoJSON, projected CRS and excessive nesting as a whole', () => {
    expect(() => readGeoJson(encode('{"type":"Topology"}'), 'a.json')).toThrow(FormatError);
    expect(() => readGeoJson(encode('not json'), 'b.json')).toThrow(/Not valid JSON/);
    const projected = {
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4516' } },
      features: [],
    };
    expect(() => readGeoJson(encode(projected), 'c.geojson')).toThrow(/4516/);
    expect(() => readGeoJson(encode('['.repeat(200_000) + ']'.repeat(200_000)), 'd.json')).toThrow(
      /nested too deeply/,
    );
  });

  it('never lets __proto__ properties reach an object prototype', () => {
    const text = `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"object_name":"甲","zone_type":"body","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}},"geometry":{"type":"Polygon","coordinates":[[[84,44],[84.01,44],[84.01,44.01],[84,44]]]}}]}`;
    const result = readGeoJson(encode(text), 'proto.geojson');
    expect(result.document.zones).toHaveLength(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(result.document.zones[0]!.attributes)).toBe(Object.prototype);
  });
});

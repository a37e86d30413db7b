import { describe, expect, it } from 'vitest';
import type { Layer } from '../layer';
import { readDxf, writeDxf } from './dxfAdapter';
import { groupDxf, numberOf, valueOf } from './dxfEntities';
import { readDxfText } from './dxfText';
import { area } from './fixtures/projectedLayer';

/** Zones with holes and multi-part zones written to DXF come back as the same zones. */
const E = 28_553_000;
const N = 4_920_000;
const rect = (x: number, y: number, w: number, h: number) => [
  [E + x, N + y],
  [E + x + w, N + y],
  [E + x + w, N + y + h],
  [E + x, N + y + h],
  [E + x, N + y],
];
const zones: Layer = {
  name: 'zones',
  epsg: 4516,
  fields: [{ name: 'zone_type', type: 'string' }],
  features: [
    {
      // the relic's range with two buildings cut out
      properties: { zone_type: 'protection_range' },
      geometry: {
        type: 'Polygon',
        coordinates: [rect(0, 0, 1000.25, 800.5), rect(100, 100, 50, 40), rect(600, 300, 80.125, 120)],
      },
    },
    {
      // a CCZ in two parts, the first with the range as its hole
      properties: { zone_type: 'construction_control_zone' },
      geometry: {
        type: 'MultiPolygon',
        coordinates: [
          [rect(-100, -100, 1200.25, 1000.5), rect(0, 0, 1000.25, 800.5)],
          [rect(1500, 0, 300, 200)],
        ],
      },
    },
  ],
};

describe('zones with holes through DXF', () => {
  it.each(['gbk', 'utf-8'] as const)(
    '%s: our reader returns the same zones and areas within 1e-6',
    (encoding) => {
      const [out] = writeDxf([zones], { encoding });
      const result = readDxf([out!]);
      const features = result.layers[0]!.features;
      expect(features.map((f) => [f.properties.layer, f.geometry!.type])).toEqual([
        ['保护范围', 'Polygon'],
        ['建设控制地带', 'MultiPolygon'],
      ]);
      features.forEach((f, i) =>
        expect(Math.abs(area(f.geometry) / area(zones.features[i]!.geometry) - 1)).toBeLessThan(1e-6),
      );
      expect(result.problems).toEqual([]);
      expect(result.info.warnings.map((w) => w.en)).toContain(
        '6 polylines are the boundaries of hatches and are read with their hatch, not as zones of their own',
      );
    },
  );

  it('draws each ring as a closed polyline on the zone-type layer, tied to its part’s hatch', () => {
    const [out] = writeDxf([zones]);
    const { entities } = groupDxf(readDxfText(out!.name, out!.bytes).pairs);
    const byHandle = new Map(entities.map((e) => [valueOf(e.pairs, 5), e]));
    const hatches = entities.filter((e) => e.type === 'HATCH');
    expect(hatches).toHaveLength(3);
    for (const hatch of hatches) {
      expect(numberOf(hatch.pairs, 71)).toBe(1); // associative
      const outlines = hatch.pairs.filter((p, i) => p.code === 330 && hatch.pairs[i - 1]?.code === 97);
      for (const { value } of outlines) {
        const outline = byHandle.get(value)!;
        expect(outline.type).toBe('LWPOLYLINE');
        expect(numberOf(outline.pairs, 70) & 1).toBe(1);
        expect(valueOf(outline.pairs, 8)).toBe(valueOf(hatch.pairs, 8));
        // the reactor names the hatch
        expect(outline.pairs.slice(1, 4).map((p) => p.value)).toEqual([
          '{ACAD_REACTORS',
          valueOf(hatch.pairs, 5),
          '}',
        ]);
      }
    }
    expect(hatches.map((h) => h.pairs.filter((p) => p.code === 92).length)).toEqual([3, 2, 1]);
    // Parts of one zone share the zone number.
    expect(hatches.map((h) => valueOf(h.pairs, 1071))).toEqual(['1', '2', '2']);
  });
});

import { describe, expect, it } from 'vitest';
import { readGeoJson } from '../geojson/readGeoJson';

/** Refusal reasons as a planner reads them: which feature, which field, what is wrong, what to do. */
const ring = (first: unknown[]) => [first, [84.61, 44.4], [84.61, 44.41], [84.6, 44.4]];
const feature = (properties: Record<string, unknown>, coordinates: unknown) => ({
  type: 'Feature',
  properties: { object_name: '测试寺', zone_type: 'protection_range', ...properties },
  geometry: { type: 'Polygon', coordinates },
});

function reasons(features: unknown[]) {
  const bytes = new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features }));
  return readGeoJson(bytes, 'broken.geojson').rejected;
}

const FULL_WIDTH = /[\u3000-\u303f\uff00-\uffef]/;

describe('import refusals in planner wording', () => {
  const rejected = reasons([
    feature({}, [ring([184.6, 44.4])]),
    feature({ height_limit_m: 'abc' }, [ring([84.6, 44.4])]),
    feature({}, [
      [
        [84.6, 44.4],
        [84.61, 44.4],
        [84.6, 44.4],
      ],
    ]),
    feature({ height_limit_m: -5 }, [ring([84.6, 44.4])]),
  ]);

  it('names the vertex, the field and the value instead of zod paths and types', () => {
    expect(rejected.map((r) => r.index)).toEqual([0, 1, 2, 3]);
    const [lon, text, short, negative] = rejected.map((r) => r.reason);
    expect(lon!.zh).toBe('边界外环第 1 个顶点的经度：经度超出 −180…180：请检查坐标系是否选对，或改正该顶点');
    expect(lon!.en).toBe(
      'boundary outer ring, vertex 1, longitude: the longitude is outside −180…180; check the coordinate system chosen, or correct this vertex',
    );
    expect(text!.zh).toBe('属性 height_limit_m：值 "abc" 不是数字，请改为数字或留空');
    expect(text!.en).toBe(
      'property height_limit_m: the value "abc" is not a number; enter a number or leave it empty',
    );
    expect(short!.en).toMatch(/^boundary outer ring: the ring has fewer than 4 positions/);
    expect(negative!.zh).toBe('属性 height_limit_m：应大于 0：请改正该值');
  });

  it('leaks no zod wording (paths, 无效输入, received undefined) and no full-width punctuation in English', () => {
    for (const { reason } of rejected) {
      expect(reason.zh).not.toMatch(/coordinates\\.|无效输入|实际接收|undefined/);
      expect(reason.en).not.toMatch(/coordinates\\.|Invalid input|received undefined/);
      expect(reason.en).not.toMatch(FULL_WIDTH);
    }
  });
});

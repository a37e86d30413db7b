import { describe, expect, it } from 'vitest';
import { get as getProjection, getTransform, transform } from 'ol/proj';
import { toGaussKruger } from '../../shared/crs/gaussKruger';
import { connectProjection, registerProjections } from './projections';

describe('map projections', () => {
  it('knows CGCS2000 and its Gauss-Krüger zones offline, agreeing with the shared transforms', () => {
    registerProjections();
    expect(getProjection('EPSG:4490')).not.toBeNull();
    expect(getProjection('EPSG:4554')).not.toBeNull();
    const wusu = [84.6771, 44.4266] as [number, number];
    const [e, n] = transform(wusu, 'EPSG:4490', 'EPSG:4516');
    const [e2, n2] = toGaussKruger(wusu, 28, { prefixed: true });
    expect(Math.hypot(e! - e2, n! - n2)).toBeLessThan(0.001);
  });
});

describe('map projections, registered with converters made on first use', () => {
  it('transforms the way proj4 does, through the hubs and between connected zones', async () => {
    registerProjections();
    expect(getTransform('EPSG:4516', 'EPSG:4515')).toBeNull();
    connectProjection('EPSG:4516');
    const proj4 = (await import('../../shared/crs/proj4Registry')).proj4WithBundledDefinitions();
    const cases: [string, string, number[]][] = [
      ['EPSG:4490', 'EPSG:4516', [84.6771, 44.4266]],
      ['EPSG:4516', 'EPSG:3857', [28_500_000, 4_920_000]],
      ['EPSG:4516', 'EPSG:4515', [28_400_000, 4_920_000]],
      ['EPSG:4326', 'EPSG:4549', [120.1, 30.2]],
      ['EPSG:3857', 'EPSG:4490', [9_430_000, 5_530_000]],
    ];
    for (const [from, to, c] of cases) {
      const ours = transform(c, from, to);
      const direct = proj4(from, to).forward(c);
      expect(Math.hypot(ours[0]! - direct[0]!, ours[1]! - direct[1]!)).toBeLessThan(1e-6);
      const back = transform(ours, to, from);
      expect(Math.hypot(back[0]! - c[0]!, back[1]! - c[1]!)).toBeLessThan(1e-6);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { get as getProjection, transform } from 'ol/proj';
import { toGaussKruger } from '../../shared/crs/gaussKruger';
import { registerProjections } from './projections';

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

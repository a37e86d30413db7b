import { describe, expect, it } from 'vitest';
import { polygonsOf } from '../domain/geometry';
import { ZoneSchema } from '../domain/schema';
import { ellipsoidalArea } from '../geometry/area';
import { geodesicDistance } from '../geometry/length';
import { validateGeometry } from '../geometry/validatePolygon';
import { buildTekesSample, buildWusuSample } from './buildSample';
import { SAMPLE_RULES as R } from './sampleData';

const samples = [buildWusuSample(), buildTekesSample()];

describe('illustrative sample', () => {
  it('is marked illustrative and every zone is valid against the schema and geometry rules', () => {
    for (const sample of samples) {
      expect(sample.settings.illustrative).toBe(true);
      for (const zone of sample.zones) {
        expect(ZoneSchema.safeParse({ ...zone, projectId: 'p' }).success, zone.id).toBe(true);
        expect(validateGeometry(zone.geometry).errors, zone.id).toEqual([]);
        expect(sample.objects.some((o) => o.id === zone.objectId)).toBe(true);
        expect(zone.attributes.status).toBe('provisional_derived');
      }
    }
  });

  it('derives 承化寺 by its documented rules: body 60×40 m, range +30 m, CCZ +50 m', () => {
    const zones = buildWusuSample().zones.filter((z) => z.objectId === 'sample-chenghuasi');
    const area = (suffix: string) => ellipsoidalArea(zones.find((z) => z.id.endsWith(suffix))!.geometry);
    // Rectangles built in the GK zone: areas within the projection's scale error (< 0.1 %).
    const close = (actual: number, expected: number) =>
      expect(Math.abs(actual - expected) / expected).toBeLessThan(1e-3);
    close(area('body'), 60 * 40);
    close(area('range'), (60 + 2 * R.relicRange) * (40 + 2 * R.relicRange));
    close(area('ccz'), (60 + 2 * (R.relicRange + R.relicCcz)) * (40 + 2 * (R.relicRange + R.relicCcz)));
    const range = polygonsOf(zones.find((z) => z.id.endsWith('range'))!.geometry)[0]![0]!;
    const body = polygonsOf(zones.find((z) => z.id.endsWith('body'))!.geometry)[0]![0]!;
    // The south-west corners are 30 m apart in each direction: 30·√2 m on the ground.
    expect(Math.abs(geodesicDistance(body[0]!, range[0]!) - R.relicRange * Math.SQRT2)).toBeLessThan(0.05);
  });

  it('places the 八卦城 fourth ring at 4 × 360 m and limits it to five storeys', () => {
    const tekes = buildTekesSample();
    const height = tekes.zones.find((z) => z.attributes.zoneType === 'height_control_zone')!;
    expect(height.attributes.heightLimitStoreys).toBe(5);
    const vertex = polygonsOf(height.geometry)[0]![0]![0]!;
    expect(Math.abs(geodesicDistance([81.8371, 43.2137], vertex) - 4 * R.baguaRingSpacing)).toBeLessThan(2);
  });

  it('is deterministic, so the same sample is built on every first start', () => {
    expect(buildWusuSample()).toEqual(buildWusuSample());
  });
});

import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { GRS80, IAG75, KRASSOWSKY, type Ellipsoid } from './datums';
import { helmertLonLat, type HelmertParameters } from './helmert';

/** cs2cs (PROJ) with the same parameters as +towgs84: the independent reference. */
function cs2cs(points: readonly [number, number][], from: Ellipsoid, towgs84: readonly number[]): number[][] {
  const input = points.map((p) => p.join(' ')).join('\n');
  const out = execFileSync(
    'cs2cs',
    [
      '-f',
      '%.12f',
      '+proj=longlat',
      `+a=${from.a}`,
      `+rf=${from.rf}`,
      `+towgs84=${towgs84.join(',')}`,
      '+to',
      '+proj=longlat',
      '+ellps=GRS80',
      '+towgs84=0,0,0',
    ],
    { input, encoding: 'utf8' },
  );
  return out
    .trim()
    .split('\n')
    .map((line) => line.split(/\s+/).slice(0, 2).map(Number));
}

/** Metres between two lon/lat positions (small distances). */
const metres = (a: readonly number[], b: readonly number[]) => {
  const lat = (a[1]! * Math.PI) / 180;
  return Math.hypot((a[0]! - b[0]!) * 111_320 * Math.cos(lat), (a[1]! - b[1]!) * 110_574);
};

const POINTS: [number, number][] = [
  [84.6771, 44.4266],
  [81.8371, 43.2137],
  [73.5, 39.2],
  [116.4, 39.9],
  [121.5, 31.2],
  [110.3, 20.0],
  [126.6, 45.8],
  [91.1, 29.65],
];

describe('Helmert datum shift against cs2cs', () => {
  const cases: [string, Ellipsoid, HelmertParameters][] = [
    [
      'Beijing 1954, 7 parameters',
      KRASSOWSKY,
      { values: [15.8, -154.4, -82.3, 0.5, -0.3, 1.2, 2.5], convention: 'position_vector' },
    ],
    [
      'Xian 1980, 7 parameters',
      IAG75,
      { values: [24.2, -77.1, -38.6, -1.3, 0.9, -2.1, -3.1], convention: 'position_vector' },
    ],
    ['Beijing 1954, 3 parameters', KRASSOWSKY, { values: [-12, -118, -62], convention: 'position_vector' }],
  ];
  for (const [name, ellipsoid, params] of cases) {
    it(`${name}: within 1 mm of PROJ`, () => {
      const reference = cs2cs(POINTS, ellipsoid, params.values);
      const shift = helmertLonLat(params, ellipsoid, GRS80);
      POINTS.forEach((p, i) => expect(metres(shift(...p), reference[i]!), `${p}`).toBeLessThan(0.001));
    });
  }

  it('coordinate-frame parameters are position-vector parameters with the rotations reversed', () => {
    const pv: HelmertParameters = {
      values: [15.8, -154.4, -82.3, 0.5, -0.3, 1.2, 2.5],
      convention: 'position_vector',
    };
    const cf: HelmertParameters = {
      values: [15.8, -154.4, -82.3, -0.5, 0.3, -1.2, 2.5],
      convention: 'coordinate_frame',
    };
    const a = helmertLonLat(pv, KRASSOWSKY, GRS80)(116.4, 39.9);
    const b = helmertLonLat(cf, KRASSOWSKY, GRS80)(116.4, 39.9);
    expect(metres(a, b)).toBeLessThan(1e-6);
    // And the rotations matter: the same numbers read in the other convention land metres away.
    const wrong = helmertLonLat({ ...pv, convention: 'coordinate_frame' }, KRASSOWSKY, GRS80)(116.4, 39.9);
    expect(metres(a, wrong)).toBeGreaterThan(10);
  });

  // Heights are dropped between the steps (plan data are 2D), which costs a fraction of a millimetre.
  it('inverse undoes the forward shift to under a millimetre', () => {
    const p: HelmertParameters = {
      values: [24.2, -77.1, -38.6, -1.3, 0.9, -2.1, -3.1],
      convention: 'position_vector',
    };
    const forward = helmertLonLat(p, IAG75, GRS80);
    const back = helmertLonLat(p, GRS80, IAG75, true);
    for (const point of POINTS) expect(metres(back(...forward(...point)), point)).toBeLessThan(1e-3);
  });
});

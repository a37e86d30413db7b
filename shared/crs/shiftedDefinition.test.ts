import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { crsDefOfEpsg } from './crsDef';
import { proj4WithBundledDefinitions } from './proj4Registry';
import { shiftedDefinition } from './shiftedDefinition';

/** A published-style 7-parameter set, Xian 1980 → CGCS2000 (made up for the test, realistic size). */
const SEVEN = [24.1, -121.7, -84.3, 1.2, -0.8, 2.4, 3.1];
/** Xian 1980 / 3-degree Gauss-Kruger CM 114E (no zone prefix), a point near Wuhan. */
const XIAN = 2383;
const POINT: [number, number] = [531_200.5, 3_381_400.25];

/** PROJ's answer: the same system with the same +towgs84, to CGCS2000 longitude/latitude. */
function cs2cs(definition: string, [e, n]: [number, number]): [number, number] {
  const out = execFileSync(
    'cs2cs',
    ['-f', '%.10f', ...definition.split(' '), '+to', '+proj=longlat', '+ellps=GRS80', '+towgs84=0,0,0'],
    {
      input: `${e} ${n}\n`,
      encoding: 'utf8',
    },
  );
  const [lon, lat] = out.trim().split(/\s+/).map(Number);
  return [lon!, lat!];
}

describe("old-datum rasters with the planner's datum transformation", () => {
  const crs = crsDefOfEpsg(XIAN)!;
  const p4 = proj4WithBundledDefinitions();

  it('attach it as +towgs84, and proj4 then agrees with PROJ to 1e-9 degrees (0.1 mm)', () => {
    const definition = shiftedDefinition(crs, {
      method: 'helmert',
      values: SEVEN,
      convention: 'position_vector',
    })!;
    expect(definition).toContain(`+towgs84=${SEVEN.join(',')}`);
    const ours = p4(definition, 'EPSG:4490', POINT);
    const proj = cs2cs(definition, POINT);
    expect(Math.abs(ours[0]! - proj[0])).toBeLessThan(1e-9);
    expect(Math.abs(ours[1]! - proj[1])).toBeLessThan(1e-9);
    // The shift is real: tens of metres from the unshifted position (1e-4° ≈ 10 m).
    const unshifted = p4(`EPSG:${XIAN}`, 'EPSG:4490', POINT);
    expect(Math.hypot(ours[0]! - unshifted[0]!, ours[1]! - unshifted[1]!)).toBeGreaterThan(1e-4);
  });

  it('turn a coordinate-frame set into the position-vector one PROJ means by +towgs84', () => {
    const frame = shiftedDefinition(crs, {
      method: 'helmert',
      values: SEVEN,
      convention: 'coordinate_frame',
    })!;
    const vector = [...SEVEN.slice(0, 3), ...SEVEN.slice(3, 6).map((r) => -r), SEVEN[6]];
    expect(frame).toContain(`+towgs84=${vector.join(',')}`);
  });

  it('attach nothing for "no shift", for CGCS2000 systems, or to a WKT', () => {
    expect(shiftedDefinition(crs, { method: 'none' })).toBeNull();
    expect(shiftedDefinition(crs, undefined)).toBeNull();
    const helmert = { method: 'helmert' as const, values: SEVEN, convention: 'position_vector' as const };
    expect(shiftedDefinition(crsDefOfEpsg(4516)!, helmert)).toBeNull();
    expect(shiftedDefinition({ ...crs, definition: 'PROJCS["Xian 1980"]' }, helmert)).toBeNull();
  });
});

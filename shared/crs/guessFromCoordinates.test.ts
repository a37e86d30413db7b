import { describe, expect, it } from 'vitest';
import { guessCrsFromCoordinates } from './guessFromCoordinates';

describe('CRS from coordinate magnitudes', () => {
  it('reads the zone from an 8-digit easting (Wusu, zone 28)', () => {
    const g = guessCrsFromCoordinates([[28_553_915, 4_920_110]]);
    expect(g).toMatchObject({ epsg: 4516, swapped: false });
  });
  it('spots survey order (X = north first) and swaps', () => {
    expect(guessCrsFromCoordinates([[4_920_110, 28_553_915]])).toMatchObject({ epsg: 4516, swapped: true });
  });
  it('needs the project zone for a 6-digit easting, and offers it first', () => {
    expect(guessCrsFromCoordinates([[553_915, 4_920_110]]).epsg).toBeNull();
    const g = guessCrsFromCoordinates([[553_915, 4_920_110]], { gkZone: 28 });
    expect(g.epsg).toBe(4537);
    expect(g.candidates[0]).toBe(4537);
  });
  it('recognises degrees and refuses nonsense', () => {
    expect(guessCrsFromCoordinates([[84.68, 44.43]]).epsg).toBe(4490);
    expect(guessCrsFromCoordinates([[1e12, 5]]).epsg).toBeNull();
  });
});

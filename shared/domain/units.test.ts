import { describe, expect, it } from 'vitest';
import { AREA_UNITS, convertArea, formatArea, formatAreaIn, formatLength } from './units';

describe('area units', () => {
  it('converts with the statutory factors', () => {
    expect(convertArea(10_000, 'hm2')).toBe(1);
    expect(convertArea(2000, 'mu')).toBeCloseTo(3, 12);
    expect(convertArea(2_500_000, 'km2')).toBe(2.5);
    expect(AREA_UNITS.map((unit) => convertArea(20_000, unit))).toEqual([20_000, 2, 30, 0.02]);
  });

  it('formats in both languages with grouped digits', () => {
    expect(formatAreaIn(1234567.891, 'm2', 'en')).toBe('1 234 567.89 m²');
    expect(formatAreaIn(6666.6667, 'mu', 'zh')).toBe('10.00 亩');
    expect(formatArea(10_000, 'en')).toBe('10 000.00 m² · 1.0000 hm² · 15.00 mu');
    expect(formatLength(1234.5, 'zh')).toBe('1 234.50 米');
    expect(formatLength(12_345, 'en')).toBe('12.345 km');
  });
});

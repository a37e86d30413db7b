import { describe, expect, it } from 'vitest';
import type { ZoneGeometry } from '../../shared/domain/geometry';
import { derivationRecord } from '../../shared/derive/record';
import { derivationParamLines, localTime } from './derivationParams';

const square: ZoneGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [84, 44],
      [84.001, 44],
      [84.001, 44.001],
      [84, 44],
    ],
  ],
};
const shape = { geometry: square, cczClass: null, sameAsRange: false, draft: { zh: '', en: '' }, index: 0 };
const source = { kind: 'zone' as const, zoneId: 'z1', geometry: square };

describe('derivation parameters as the planner reads them', () => {
  it('names each stored parameter with its unit, never as JSON', () => {
    const buffer = derivationRecord(
      { source, spec: { method: 'buffer', distanceM: 50, corner: 'round' } },
      shape,
      '2026-03-02T06:05:00.000Z',
    );
    expect(derivationParamLines(buffer.params, 'zh')).toEqual([
      { label: '外扩距离（米）', value: '50' },
      { label: '转角', value: '圆角' },
    ]);
    const sides = derivationRecord(
      { source, spec: { method: 'sides', sides: { n: 30, e: 20, s: 10.5, w: 40, ne: null } } },
      shape,
      '',
    );
    const en = derivationParamLines(sides.params, 'en');
    expect(en.map((l) => `${l.label}: ${l.value}`)).toEqual([
      'Distance north (m): 30',
      'Distance east (m): 20',
      'Distance south (m): 10.5',
      'Distance west (m): 40',
    ]);
    for (const line of [...en, ...derivationParamLines(buffer.params, 'en')])
      expect(`${line.label}${line.value}`).not.toMatch(/[{}"[\]]/);
  });

  it('shows the derivation time in local time, not as a UTC ISO string', () => {
    const iso = '2026-03-02T06:05:00.000Z';
    const local = new Date(iso);
    const shown = localTime(iso, 'en');
    expect(shown).not.toContain('T06:05');
    expect(shown).toContain(String(local.getHours()).padStart(2, '0'));
    expect(shown).toContain(String(local.getMinutes()).padStart(2, '0'));
    expect(localTime('', 'zh')).toBe('—');
  });
});

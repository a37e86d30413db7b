import { describe, expect, it } from 'vitest';
import { safeFileName, withDefaultExtension } from './fileNames';

describe('safeFileName', () => {
  it('keeps only a plain name', () => {
    expect(safeFileName('乌苏 保护区划.hzw')).toBe('乌苏 保护区划.hzw');
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('C:\\Windows\\system.ini')).toBe('system.ini');
    expect(safeFileName('a:b*c?.hzw')).toBe('a_b_c_.hzw');
    expect(safeFileName('..')).toBe('untitled');
    expect(safeFileName(' .hidden ')).toBe('hidden');
    expect(safeFileName('tab\there\u0000.hzw')).toBe('tabhere.hzw');
    expect(safeFileName('CON.hzw')).toBe('_CON.hzw');
    expect(safeFileName('plan\u202egpj.hzw')).toBe('plangpj.hzw');
    const long = safeFileName(`${'乌苏'.repeat(100)}.hzw`);
    expect(long.endsWith('.hzw') && new TextEncoder().encode(long).length <= 180).toBe(true);
  });
});

describe('withDefaultExtension', () => {
  const filters = [{ name: 'Project', extensions: ['hzw'] }];
  it('adds the filter extension when missing', () => {
    expect(withDefaultExtension('/p/plan', filters)).toBe('/p/plan.hzw');
    expect(withDefaultExtension('/p/plan.HZW', filters)).toBe('/p/plan.HZW');
    expect(withDefaultExtension('/p/plan.json', filters)).toBe('/p/plan.json.hzw');
    expect(withDefaultExtension('/p/plan', [])).toBe('/p/plan');
    expect(withDefaultExtension('/p/plan', [{ name: 'All', extensions: ['*'] }])).toBe('/p/plan');
  });
});

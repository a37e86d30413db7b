import { describe, expect, it } from 'vitest';
import { cutToBytes, safeFileName, uniqueName } from './safeFileName';

const bytes = (s: string) => new TextEncoder().encode(s).length;

describe('safeFileName', () => {
  it('turns path syntax into a plain name', () => {
    expect(safeFileName('..')).toBe('layer');
    expect(safeFileName('.', 'export')).toBe('export');
    expect(safeFileName('../../x')).toBe('_.._x');
    expect(safeFileName('/tmp/x')).toBe('_tmp_x');
    expect(safeFileName('C:\\x')).toBe('C__x');
    expect(safeFileName('a<b>c:"d"|e?f*')).toBe('a_b_c__d__e_f_');
  });

  it('drops control and bidirectional characters, edge dots and spaces', () => {
    expect(safeFileName('nul\u0000byte')).toBe('nulbyte');
    expect(safeFileName('esc\u001b[2J\u009b\u007f')).toBe('esc[2J');
    expect(safeFileName('rlo\u202egnp.exe\u2066')).toBe('rlognp.exe');
    expect(safeFileName(' .hidden. ')).toBe('hidden');
    expect(safeFileName('\u0000\u0001')).toBe('layer');
  });

  it('prefixes Windows device names, with or without an extension', () => {
    for (const name of ['CON', 'prn', 'Aux', 'NUL', 'COM1', 'lpt9', 'COM¹', 'CONIN$'])
      expect(safeFileName(name)).toBe(`_${name}`);
    expect(safeFileName('aux.txt')).toBe('_aux.txt');
    expect(safeFileName('con .tar.gz')).toBe('_con .tar.gz');
    expect(safeFileName('console')).toBe('console');
    expect(safeFileName('COM10')).toBe('COM10');
  });

  it('cuts long names at a character boundary and keeps Chinese readable', () => {
    const long = '乌苏文庙保护范围'.repeat(13);
    const safe = safeFileName(long);
    expect(bytes(safe)).toBeLessThanOrEqual(180);
    expect(safe).toBe(long.slice(0, 60));
    expect(cutToBytes('a😀b', 4)).toBe('a');
    expect(cutToBytes('a😀b', 5)).toBe('a😀');
    expect(safeFileName(`${'x'.repeat(179)}. `)).toBe('x'.repeat(179));
    const project = safeFileName(`${long}.hzw`);
    expect(project.endsWith('.hzw')).toBe(true);
    expect(bytes(project)).toBeLessThanOrEqual(180);
  });
});

describe('uniqueName', () => {
  it('numbers names that differ only in case', () => {
    const used = new Set<string>();
    expect(['layer', 'Layer', 'layer', 'layer_2'].map((n) => uniqueName(n, used))).toEqual([
      'layer',
      'Layer_2',
      'layer_3',
      'layer_2_2',
    ]);
  });
});

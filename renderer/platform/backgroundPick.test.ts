import { describe, expect, it } from 'vitest';
import { backgroundKindOf, groupBackgroundFiles, worldFileOf } from './backgroundPick';

const named = (...names: string[]) => names.map((name) => ({ name }));

describe('background pick', () => {
  it('pairs world files, .prj and .aux.xml with their image, case-insensitively', () => {
    const groups = groupBackgroundFiles(
      named(
        'DOM.TIF',
        'dom.tfw',
        'dom.prj',
        'DOM.tif.aux.xml',
        'sheet.jpg',
        'sheet.jgw',
        'lonely.pgw',
        'survey.dxf',
      ),
    );
    const summary = groups.map((g) => [g.main.name, g.sidecars.map((s) => s.ext).sort()]);
    expect(summary).toEqual([
      ['DOM.TIF', ['aux.xml', 'prj', 'tfw']],
      ['sheet.jpg', ['jgw']],
      ['survey.dxf', []],
    ]);
  });

  it('tells the kind by extension, and refuses what cannot be a background with the reason', () => {
    expect(backgroundKindOf('dom.tiff', {})).toEqual({ kind: 'geotiff' });
    expect(backgroundKindOf('scan.png', { pgw: '1\n0\n0\n-1\n500000\n3000000' })).toEqual({ kind: 'image' });
    expect(backgroundKindOf('survey.DXF', {})).toEqual({ kind: 'cad' });
    expect(backgroundKindOf('offline.mbtiles', {})).toEqual({ kind: 'mbtiles' });
    expect(backgroundKindOf('offline.pmtiles', {})).toEqual({ kind: 'pmtiles' });
    const noWorld = backgroundKindOf('scan.jpg', { prj: 'GEOGCS[...]' });
    expect(noWorld).toEqual({
      refused: expect.objectContaining({ en: expect.stringMatching(/"scan.jpg" has no world file/) }),
    });
    const notes = backgroundKindOf('notes.txt', {});
    expect('refused' in notes && notes.refused.zh).toMatch(/“notes.txt”不是可用作底图的文件/);
  });

  it('finds the world file whatever its extension', () => {
    expect(worldFileOf({ prj: 'x', wld: '1' })).toBe('1');
    expect(worldFileOf({ prj: 'x' })).toBeNull();
  });
});

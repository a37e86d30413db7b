import { describe, expect, it } from 'vitest';
import { FileFilterSchema } from './contract';
import {
  EXPORT_EXTENSIONS,
  exportFilter,
  IMPORT_EXTENSIONS,
  importFilters,
  mimeTypeOfName,
} from './fileTypes';

const BRIEF_IMPORTS = 'geojson json shp shx dbf prj cpg zip gpkg kml kmz dxf txt csv hzw'.split(' ');
const BRIEF_EXPORTS = 'zip gpkg kml kmz dxf txt csv xlsx geojson hzw'.split(' ');

describe('file types', () => {
  it('lets one import pick every supported extension, in groups named in both languages', () => {
    for (const lang of ['zh', 'en'] as const) {
      const filters = importFilters(lang);
      expect(filters[0]!.extensions).toEqual(expect.arrayContaining(BRIEF_IMPORTS));
      expect(new Set(filters.slice(1).flatMap((f) => f.extensions))).toEqual(new Set(IMPORT_EXTENSIONS));
      for (const filter of filters)
        expect(FileFilterSchema.safeParse(filter).success, filter.name).toBe(true);
    }
    expect(importFilters('zh')[0]!.name).toBe('所有支持的文件');
    expect(importFilters('en')[1]!.name).toMatch(/^Shapefile/);
  });

  it('gives every export its own extension and a named filter', () => {
    expect(EXPORT_EXTENSIONS).toEqual(expect.arrayContaining(BRIEF_EXPORTS));
    expect(exportFilter('区划.kmz', 'zh')).toEqual({ name: 'KMZ (*.kmz)', extensions: ['kmz'] });
    expect(exportFilter('zones.XLSX', 'en')).toEqual({
      name: 'Excel coordinate table (*.xlsx)',
      extensions: ['xlsx'],
    });
    expect(exportFilter('zones.geojson', 'en')!.extensions).toEqual(['geojson', 'json']);
    expect(exportFilter('界址点.txt', 'zh')!.name).toBe('界址点坐标表 (*.txt)');
    expect(exportFilter('保护区划图.pdf', 'zh')).toEqual({ name: 'PDF 图件 (*.pdf)', extensions: ['pdf'] });
    expect(exportFilter('figure.png', 'en')!.extensions).toEqual(['png']);
    expect(exportFilter('变化报告.html', 'zh')).toEqual({ name: 'HTML 报告 (*.html)', extensions: ['html'] });
    expect(exportFilter('notes.exe', 'en')).toBeNull();
    expect(exportFilter('noextension', 'en')).toBeNull();
  });

  it('types downloads by extension', () => {
    expect(mimeTypeOfName('a.kmz')).toBe('application/vnd.google-earth.kmz');
    expect(mimeTypeOfName('图集.pdf')).toBe('application/pdf');
    expect(mimeTypeOfName('a.png')).toBe('image/png');
    expect(mimeTypeOfName('变化报告.HTML')).toBe('text/html');
    expect(mimeTypeOfName('a.kml')).toBe('application/vnd.google-earth.kml+xml');
    expect(mimeTypeOfName('a.gpkg')).toBe('application/geopackage+sqlite3');
    expect(mimeTypeOfName('a.ZIP')).toBe('application/zip');
    expect(mimeTypeOfName('a.geojson')).toBe('application/geo+json');
    expect(mimeTypeOfName('a.csv')).toBe('text/csv');
    expect(mimeTypeOfName('a.xlsx')).toMatch(/spreadsheetml/);
    expect(mimeTypeOfName('a.unknown')).toBe('application/octet-stream');
    expect(mimeTypeOfName('.hzw')).toBe('application/octet-stream');
  });
});

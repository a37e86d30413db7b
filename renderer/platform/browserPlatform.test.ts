import { describe, expect, it } from 'vitest';
import { importFilters } from '../../shared/ipc/fileTypes';
import { MAX_IMPORT_FILE_BYTES } from '../../shared/ipc/limits';
import { acceptList, checkPickedSizes } from './browserPlatform';

describe('browser platform', () => {
  it('accepts the same extensions in the file input as the desktop dialog offers', () => {
    const accept = acceptList(importFilters('zh')).split(',');
    expect(accept).toEqual(
      expect.arrayContaining(['.shp', '.dbf', '.zip', '.gpkg', '.kmz', '.dxf', '.csv', '.hzw']),
    );
    expect(new Set(accept).size).toBe(accept.length);
    expect(acceptList([{ name: 'All', extensions: ['*'] }])).toBe('');
  });

  it('applies the desktop caps per file and per pick', () => {
    const mib = 1024 * 1024;
    expect(() =>
      checkPickedSizes([{ name: 'farmland.shp', size: 900 * mib }], MAX_IMPORT_FILE_BYTES),
    ).not.toThrow();
    expect(() =>
      checkPickedSizes([{ name: 'farmland.shp', size: 1025 * mib }], MAX_IMPORT_FILE_BYTES),
    ).toThrow(/"farmland.shp" is larger than 1024 MB/);
    const three = ['a.shp', 'a.dbf', 'a.shx'].map((name) => ({ name, size: 1000 * mib }));
    expect(() => checkPickedSizes(three, MAX_IMPORT_FILE_BYTES)).toThrow(/larger than 2048 MB together/);
  });
});

import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputPaths } from './outputPaths';

describe('outputPaths', () => {
  it('puts a single file at the output and several beside it', () => {
    expect(outputPaths(['whatever.shp'], 'out/r.geojson')).toEqual([resolve('out/r.geojson')]);
    expect(outputPaths(['a.shp', '乌苏.dbf'], 'out/r.shp')).toEqual([
      resolve('out/a.shp'),
      resolve('out/乌苏.dbf'),
    ]);
  });

  it('refuses any name that leaves the output folder, naming it in both languages', () => {
    for (const name of ['../x.shp', '..', '.', '/tmp/x.shp', 'a/b.shp', 'a\\b.shp', 'a\u0000.shp', ''])
      expect(() => outputPaths(['ok.shp', name], join('out', 'r.shp'))).toThrow(
        /outside the output folder.*输出文件夹/,
      );
  });
});

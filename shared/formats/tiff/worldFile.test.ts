import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RasterRefused } from './rasterRefused';
import { findWorldFile, parseWorldFile, worldFileNames, worldFileOf, worldFileTransform } from './worldFile';
import { gdal, gdalInfo, tempDir } from './tiffTestFiles.test';

/** World files against GDAL: GDAL reads the same .jgw/.pgw beside an image and reports its geotransform. */
describe('world files', () => {
  const dir = tempDir();

  it.each([
    ['north-up', ['0.25', '0', '0', '-0.25', '28552000.125', '4870511.875']],
    ['rotated', ['0.5', '0.1', '0.2', '-0.5', '28552000', '4870000']],
  ])('%s: the same geotransform as gdalinfo', (name, lines) => {
    const png = join(dir, `${name}.png`);
    gdal('gdal_create', ['-of', 'PNG', '-outsize', '40', '30', '-bands', '3', png]);
    writeFileSync(join(dir, `${name}.pgw`), `${lines.join('\r\n')}\r\n`);
    const info = gdalInfo(png);
    const ours = worldFileTransform(parseWorldFile(lines.join('\n')));
    ours.forEach((v, i) => expect(v).toBeCloseTo(info.geoTransform![i]!, 9));
    // And back: the world file GDAL would write is the one we read.
    worldFileOf(ours).forEach((v, i) => expect(v).toBeCloseTo(Number(lines[i]), 9));
  });

  it('refuses text that is not six numbers, or a zero pixel size', () => {
    expect(() => parseWorldFile('1\n0\n0\n-1\n28552000')).toThrow(RasterRefused);
    expect(() => parseWorldFile('1\n0\n0\n-1\nabc\n4870000')).toThrow(/6 lines of numbers/);
    expect(() => parseWorldFile('0\n0\n0\n0\n1\n1')).toThrow(/pixel size of zero/);
  });

  it('finds the sidecar by the conventional names', () => {
    expect(worldFileNames('site.jpg')).toEqual(['site.jgw', 'site.jpgw', 'site.wld']);
    expect(worldFileNames('dom.tif')).toEqual(['dom.tfw', 'dom.tifw', 'dom.wld']);
    expect(findWorldFile('Site.PNG', { 'site.pgw': 'x' })).toBe('x');
    expect(findWorldFile('a.jpg', { 'a.wld': 'w' })).toBe('w');
    expect(findWorldFile('a.jpg', { 'a.prj': 'p' })).toBeNull();
  });
});

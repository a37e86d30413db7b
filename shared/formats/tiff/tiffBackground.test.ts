import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tiffPlacement, tiffPlacementProblem } from './tiffBackground';
import { readTiffHeader, type TiffHeader } from './tiffHeader';
import { countingSource, gdal, tempDir } from './tiffTestFiles.test';

/**
 * What the layers panel gets for a picked GeoTIFF (GDAL writes each): the resolver's CRS to store,
 * the candidates to ask about when the file names none, or the reason the map cannot place it.
 */
const dir = tempDir();
const E0 = 28_552_000;
const N0 = 4_870_000;

function tif(name: string, args: string[]): string {
  const path = join(dir, name);
  gdal('gdal_create', ['-of', 'GTiff', '-outsize', '64', '64', '-bands', '3', ...args, path]);
  return path;
}
const header = (path: string): Promise<TiffHeader> =>
  readTiffHeader(countingSource(new Uint8Array(readFileSync(path))));

describe('a GeoTIFF as a background', () => {
  it('stores the declared EPSG code and gives the corners', async () => {
    const h = await header(
      tif('ok.tif', ['-a_srs', 'EPSG:4516', '-a_ullr', `${E0}`, `${N0 + 64}`, `${E0 + 64}`, `${N0}`]),
    );
    expect(tiffPlacementProblem(h)).toBeNull();
    const placement = tiffPlacement(h);
    expect(placement.crs).toEqual({ epsg: 4516 });
    expect(placement.sample).toContainEqual([E0, N0 + 64]);
    expect(placement.crsCandidates).toBeUndefined();
  });

  it('asks (candidates, no CRS) when only the numbers are there and the zone cannot be told', async () => {
    const path = tif('plain.tif', []);
    writeFileSync(join(dir, 'plain.tfw'), ['1', '0', '0', '-1', '552000.5', '4870000.5'].join('\n'));
    const out = join(dir, 'plain-tags.tif');
    // GDAL turns the world file into GeoTIFF placement tags, without any CRS keys.
    gdal('gdal_translate', ['-q', '-co', 'TFW=NO', path, out]);
    const placement = tiffPlacement(await header(out));
    expect(placement.crs).toBeUndefined();
    expect(placement.crsCandidates!.length).toBeGreaterThan(1);
    expect(placement.crsCandidates![0]!.label).toMatch(/EPSG:45\d\d/);
    expect(placement.warnings[0]!.en).toMatch(/no zone prefix/);
  });

  it('a TIFF with no georeferencing cannot be placed', async () => {
    expect(tiffPlacementProblem(await header(tif('bare.tif', [])))?.en).toMatch(/no georeferencing/);
  });

  it('a rotated GeoTIFF cannot be placed', async () => {
    const base = tif('rot.base.tif', []);
    writeFileSync(join(dir, 'rot.base.tfw'), ['0.5', '0.1', '0.2', '-0.5', `${E0}`, `${N0}`].join('\n'));
    const out = join(dir, 'rot.tif');
    gdal('gdal_translate', ['-q', '-a_srs', 'EPSG:4516', base, out]);
    expect(tiffPlacementProblem(await header(out))?.en).toMatch(/rotated/);
  });
});

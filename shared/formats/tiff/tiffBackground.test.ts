import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pixelIsPointTiff } from './fixtures/rawTiff';
import { rasterCorners } from './geoTransform';
import { RasterRefused } from './rasterRefused';
import { tiffPlacement } from './tiffBackground';
import { readTiffHeader, type TiffHeader } from './tiffHeader';
import { countingSource, gdal, gdalInfo, gdalRaster, tempDir } from './tiffTestFiles.test';
import { parseWorldFile, worldFileTransform } from './worldFile';

/**
 * What the layers panel gets for a picked TIFF (GDAL writes each, and reads each beside ours):
 * the resolver's CRS to store, the candidates to ask about when the file names none, the world
 * file's numbers when the map places it through its pixel plane, or the reason it cannot be placed.
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
const esriWkt = (epsg: number) => gdal('gdalsrsinfo', ['-o', 'wkt_esri', `EPSG:${epsg}`]).trim();

/** A scanned sheet as survey offices hand it over: baseline TIFF (no GeoTIFF tags) + .tfw + .prj. */
function surveySheet(
  name: string,
  geoTransform: number[],
): { path: string; sidecars: Record<string, string> } {
  const raster = gdalRaster(dir, name, [64, 48], geoTransform, ['-co', 'PROFILE=BASELINE', '-co', 'TFW=YES']);
  return { path: raster.path, sidecars: { tfw: raster.sidecar('tfw')!, prj: esriWkt(4516) } };
}

describe('a TIFF as a background', () => {
  it('a GeoTIFF: stores the declared EPSG code and gives the corners', async () => {
    const h = await header(
      tif('ok.tif', ['-a_srs', 'EPSG:4516', '-a_ullr', `${E0}`, `${N0 + 64}`, `${E0 + 64}`, `${N0}`]),
    );
    const placement = tiffPlacement('ok.tif', h);
    expect(placement.crs).toEqual({ epsg: 4516 });
    expect(placement.sample).toContainEqual([E0, N0 + 64]);
    expect(placement.crsCandidates).toBeUndefined();
    // North-up tags: OpenLayers places it from its own tags, no pixel plane needed.
    expect(placement.worldFile).toBeUndefined();
  });

  it('asks (candidates, no CRS) when only the numbers are there and the zone cannot be told', async () => {
    const path = tif('plain.tif', []);
    writeFileSync(join(dir, 'plain.tfw'), ['1', '0', '0', '-1', '552000.5', '4870000.5'].join('\n'));
    const out = join(dir, 'plain-tags.tif');
    // GDAL turns the world file into GeoTIFF placement tags, without any CRS keys.
    gdal('gdal_translate', ['-q', '-co', 'TFW=NO', path, out]);
    const placement = tiffPlacement('plain-tags.tif', await header(out));
    expect(placement.crs).toBeUndefined();
    expect(placement.crsCandidates!.length).toBeGreaterThan(1);
    expect(placement.crsCandidates![0]!.label).toMatch(/EPSG:45\d\d/);
    expect(placement.warnings[0]!.en).toMatch(/no zone prefix/);
  });

  it('a TIFF with neither tags nor a .tfw is refused, saying to pick its .tfw', async () => {
    const h = await header(tif('bare.tif', []));
    expect(() => tiffPlacement('bare.tif', h, {})).toThrow(RasterRefused);
    expect(() => tiffPlacement('bare.tif', h, { prj: esriWkt(4516) })).toThrow(/no \.tfw world file/);
  });

  it('a baseline TIFF with .tfw and .prj: placed by the .tfw where GDAL puts it, in the .prj’s system', async () => {
    const { path, sidecars } = surveySheet('sheet', [E0, 0.5, 0, N0, 0, -0.5]);
    const h = await header(path);
    expect(h.geoTransform).toBeNull();
    const placement = tiffPlacement('sheet.tif', h, sidecars);
    expect(placement.crs).toEqual({ epsg: 4516 });
    expect(placement.worldFile).toEqual(parseWorldFile(sidecars.tfw!));
    // GDAL reads the same .tfw beside the file: the same geotransform, so the same corners.
    const info = gdalInfo(path);
    const ours = worldFileTransform(placement.worldFile!);
    ours.forEach((v, i) => expect(v).toBeCloseTo(info.geoTransform![i]!, 9));
    expect(placement.sample).toEqual(rasterCorners(ours, 64, 48));
  });

  it('a rotated GeoTIFF is placed by its tags (as a world file), as GDAL reads them', async () => {
    const base = tif('rot.base.tif', []);
    writeFileSync(join(dir, 'rot.base.tfw'), ['0.5', '0.1', '0.2', '-0.5', `${E0}`, `${N0}`].join('\n'));
    const out = join(dir, 'rot.tif');
    gdal('gdal_translate', ['-q', '-a_srs', 'EPSG:4516', base, out]);
    const placement = tiffPlacement('rot.tif', await header(out));
    expect(placement.crs).toEqual({ epsg: 4516 });
    const info = gdalInfo(out);
    worldFileTransform(placement.worldFile!).forEach((v, i) =>
      expect(v).toBeCloseTo(info.geoTransform![i]!, 9),
    );
  });

  it('GeoTIFF tags win over a .tfw beside the file, as in GDAL', async () => {
    const path = tif('both.tif', [
      '-a_srs',
      'EPSG:4516',
      '-a_ullr',
      `${E0}`,
      `${N0 + 64}`,
      `${E0 + 64}`,
      `${N0}`,
    ]);
    const tfw = ['2', '0', '0', '-2', `${E0 + 5000}`, `${N0 + 5000}`].join('\n');
    writeFileSync(join(dir, 'both.tfw'), tfw);
    const placement = tiffPlacement('both.tif', await header(path), { tfw });
    expect(placement.worldFile).toBeUndefined();
    // gdalinfo, with the .tfw beside the file, reports the tags' placement too.
    expect(gdalInfo(path).geoTransform).toEqual([E0, 1, 0, N0 + 64, 0, -1]);
    expect(placement.sample).toContainEqual([E0, N0 + 64]);
  });

  describe('a PixelIsPoint GeoTIFF (its tags name pixel centres) is placed through its pixel plane, at GDAL’s corners', () => {
    const corners = (info: ReturnType<typeof gdalInfo>) => {
      const c = info.cornerCoordinates!;
      return [c.upperLeft, c.upperRight, c.lowerRight, c.lowerLeft];
    };
    const expectWithinMm = (ours: number[][], gdals: number[][]) =>
      ours.forEach((p, i) => {
        expect(Math.abs(p[0]! - gdals[i]![0]!)).toBeLessThan(1e-3);
        expect(Math.abs(p[1]! - gdals[i]![1]!)).toBeLessThan(1e-3);
      });

    it.each([
      ['strips', ['-mo', 'AREA_OR_POINT=Point']],
      ['a COG', ['-mo', 'AREA_OR_POINT=Point', '-of', 'COG', '-co', 'BLOCKSIZE=128']],
    ])('GDAL-written, %s', async (name, options) => {
      const raster = gdalRaster(
        dir,
        `point-${name.replace(/\W/g, '')}`,
        [300, 200],
        [E0, 2, 0, N0, 0, -2],
        options,
      );
      const info = gdalInfo(raster.path);
      expect(info.metadata['']?.AREA_OR_POINT).toBe('Point');
      const placement = tiffPlacement('point.tif', await readTiffHeader(countingSource(raster.bytes)));
      // OpenLayers would take the tiepoint (a pixel centre) as the corner: the map gets the affine.
      expect(placement.worldFile).toBeDefined();
      expectWithinMm(rasterCorners(worldFileTransform(placement.worldFile!), 300, 200), corners(info));
      expectWithinMm(placement.sample, corners(info));
    });

    it('the tiny one the map tests draw: GDAL puts its corner half a pixel from the tiepoint', async () => {
      const bytes = pixelIsPointTiff(40, 30, [E0, N0], 2);
      const path = join(dir, 'tiny-point.tif');
      writeFileSync(path, bytes);
      const info = gdalInfo(path);
      expect(info.metadata['']?.AREA_OR_POINT).toBe('Point');
      expectWithinMm([info.cornerCoordinates!.upperLeft], [[E0 - 1, N0 + 1]]);
      const placement = tiffPlacement('tiny-point.tif', await readTiffHeader(countingSource(bytes)));
      expectWithinMm(rasterCorners(worldFileTransform(placement.worldFile!), 40, 30), corners(info));
    });
  });
});

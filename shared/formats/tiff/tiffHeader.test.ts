import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CrsDef } from '../../crs/crsDef';
import { positionTransform } from '../../crs/transformLayer';
import { resolveTiffCrs, tiffCrsEvidence } from './geoKeysEvidence';
import { rasterCorners } from './geoTransform';
import { readTiffHeader, type TiffHeader } from './tiffHeader';
import { fileSource, gdal, gdalEpsg, gdalInfo, tempDir, type GdalInfo } from './tiffTestFiles.test';

/**
 * The header reader against GDAL: GDAL writes the files (COG with overviews, BigTIFF, strips,
 * big-endian, rotated, user-defined Transverse Mercator) and `gdalinfo -json` is the reference for
 * size, tiling, compression, overviews, georeferencing, CRS and nodata.
 */
const dir = tempDir();
const FIXTURES = join(import.meta.dirname, 'fixtures');
// Near the sample project: CGCS2000 3° Gauss-Krüger zone 28 with the zone prefix (EPSG:4516).
const E0 = 28_552_000;
const N0 = 4_870_000;

function make(name: string, createArgs: string[], translateArgs?: string[]): string {
  const base = join(dir, `${name}.base.tif`);
  gdal('gdal_create', ['-of', 'GTiff', ...createArgs, base]);
  if (!translateArgs) return base;
  const out = join(dir, `${name}.tif`);
  gdal('gdal_translate', ['-q', ...translateArgs, base, out]);
  return out;
}

function expectLikeGdal(header: TiffHeader, info: GdalInfo): void {
  expect([header.width, header.height]).toEqual(info.size);
  expect([header.blockWidth, header.blockHeight]).toEqual(info.bands[0]!.block);
  expect(header.samplesPerPixel).toBe(info.bands.length);
  expect(header.overviews.length).toBe(info.bands[0]!.overviews?.length ?? 0);
  if (info.geoTransform) {
    expect(header.geoTransform).not.toBeNull();
    header.geoTransform!.forEach((v, i) => expect(v).toBeCloseTo(info.geoTransform![i]!, 6));
  } else expect(header.geoTransform).toBeNull();
  const nodata = info.bands[0]!.noDataValue;
  if (nodata === undefined) expect(header.nodata).toBeNull();
  else expect(header.nodata).toBe(Number(nodata));
}

/** Each corner, taken to lon/lat through our resolved system, is one of GDAL's WGS 84 extent corners. */
function expectCornersLikeGdal(header: TiffHeader, crs: CrsDef, info: GdalInfo): void {
  const toLonLat = positionTransform(crs, crs.datum === 'wgs84' ? 4326 : 4490);
  const theirs = info.wgs84Extent!.coordinates[0]!;
  for (const corner of rasterCorners(header.geoTransform!, header.width, header.height)) {
    const p = toLonLat(corner);
    const nearest = Math.min(...theirs.map((q) => Math.hypot(q[0]! - p[0]!, q[1]! - p[1]!)));
    expect(nearest).toBeLessThan(1e-7);
  }
}

describe('readTiffHeader against gdalinfo', () => {
  let cog: string;
  beforeAll(() => {
    cog = make(
      'cog4516',
      ['-outsize', '1024', '1024', '-bands', '3', '-ot', 'Byte', '-a_srs', 'EPSG:4516', '-a_ullr'].concat(
        [E0, N0 + 512, E0 + 512, N0].map(String),
      ),
      ['-of', 'COG', '-co', 'COMPRESS=DEFLATE', '-co', 'BLOCKSIZE=256', '-co', 'OVERVIEWS=IGNORE_EXISTING'],
    );
  });

  it('reads a COG in EPSG:4516 (tiles, overviews, DEFLATE) with a few KiB of range reads', async () => {
    const source = fileSource(cog);
    const header = await readTiffHeader(source);
    const info = gdalInfo(cog);
    expectLikeGdal(header, info);
    expect(header.tiled).toBe(true);
    expect(header.overviews.length).toBeGreaterThanOrEqual(2);
    expect(header.compressionName.toUpperCase()).toBe(info.metadata.IMAGE_STRUCTURE!.COMPRESSION);
    expect(tiffCrsEvidence(header).evidence.epsg).toBe(gdalEpsg(info));
    const resolved = resolveTiffCrs(header);
    expect(resolved.crs?.epsg).toBe(4516);
    expect(resolved.axisOrder).toBe('en');
    expect(resolved.warnings).toEqual([]);
    // The header costs one 64 KiB block at most, whatever the file size.
    expect(source.served).toBeLessThanOrEqual(64 * 1024);
  });

  it('reads a BigTIFF', async () => {
    const path = make('big', ['-outsize', '300', '200', '-bands', '1', '-a_srs', 'EPSG:4490', '-a_ullr', '100', '40', '100.3', '39.8'], [
      '-co', 'BIGTIFF=YES', '-co', 'TILED=YES', '-co', 'BLOCKXSIZE=128', '-co', 'BLOCKYSIZE=64', '-a_nodata', '255',
    ]); // prettier-ignore
    expect(readFileSync(path)[2]).toBe(43);
    const header = await readTiffHeader(fileSource(path));
    expect(header.bigTiff).toBe(true);
    expectLikeGdal(header, gdalInfo(path));
    expect(resolveTiffCrs(header).crs?.epsg).toBe(4490);
  });

  it('reads a striped, big-endian file with a float nodata and a rotated (ModelTransformation) placement', async () => {
    const base = make('rot', ['-outsize', '100', '80', '-bands', '1', '-ot', 'Float32']);
    writeFileSync(base.replace(/\.tif$/, '.tfw'), ['0.5', '0.1', '0.2', '-0.5', `${E0}`, `${N0}`].join('\n'));
    const path = join(dir, 'rot.tif');
    gdal('gdal_translate', [
      '-q',
      '-co',
      'ENDIANNESS=BIG',
      '-co',
      'COMPRESS=LZW',
      '-a_srs',
      'EPSG:4516',
      '-a_nodata',
      '-9999.5',
      base,
      path,
    ]);
    expect(String.fromCharCode(...readFileSync(path).subarray(0, 2))).toBe('MM');
    const header = await readTiffHeader(fileSource(path));
    expect(header.tiled).toBe(false);
    expect(header.transformation).toHaveLength(16);
    expect(header.sampleFormat).toBe(3);
    expectLikeGdal(header, gdalInfo(path));
  });

  it('builds a definition from user-defined Gauss-Krüger keys that puts the corners where GDAL does', async () => {
    const tm = '+proj=tmerc +lat_0=0 +lon_0=114 +k=1 +x_0=38500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';
    const path = make('usertm', [
      '-outsize',
      '64',
      '64',
      '-bands',
      '1',
      '-a_srs',
      tm,
      '-a_ullr',
      '38500000',
      '3000640',
      '38500640',
      '3000000',
    ]);
    const info = gdalInfo(path);
    expect(gdalEpsg(info)).toBeNull(); // GDAL wrote no code: the keys define the system.
    const header = await readTiffHeader(fileSource(path));
    const evidence = tiffCrsEvidence(header);
    expect(evidence.evidence.definition?.text).toMatch(/\+proj=tmerc/);
    const resolved = resolveTiffCrs(header);
    // The resolver recognises CGCS2000 3° zone 38 with prefix by its parameters.
    expect(resolved.crs?.epsg).toBe(4526);
    expectCornersLikeGdal(header, resolved.crs!, info);
  });

  it('treats a file without GeoKeys by its numbers, as an import: zone prefix → EPSG:4516 with a warning', async () => {
    const path = make('nokeys', ['-outsize', '32', '32', '-bands', '1']);
    writeFileSync(path.replace(/\.tif$/, '.tfw'), ['1', '0', '0', '-1', `${E0}`, `${N0}`].join('\n'));
    const out = join(dir, 'nokeys.tif');
    gdal('gdal_translate', ['-q', '-co', 'PROFILE=BASELINE', '-co', 'TFW=NO', path, out]);
    const header = await readTiffHeader(fileSource(out));
    expect(header.geoTransform).toBeNull();
    // With the world file's placement, the resolver reads the prefix.
    const withPlacement = { ...header, geoTransform: [E0 - 0.5, 1, 0, N0 + 0.5, 0, -1] as const };
    const resolved = resolveTiffCrs(withPlacement);
    expect(resolved.crs?.epsg).toBe(4516);
    expect(resolved.source).toBe('magnitude');
    expect(resolved.warnings.length).toBeGreaterThan(0);
  });
});

describe('readTiffHeader on third-party GeoTIFFs (libgeotiff test data)', () => {
  it.each(['byte.tif', 'pixel_is_point_wgs84.tif', 'transverse_mercator.tif'])('%s', async (name) => {
    const path = join(FIXTURES, name);
    const header = await readTiffHeader(fileSource(path));
    const info = gdalInfo(path);
    expectLikeGdal(header, info);
    expect(statSync(path).size).toBeLessThan(2048);
  });

  it('PixelIsPoint is shifted by half a pixel, as GDAL does', async () => {
    const header = await readTiffHeader(fileSource(join(FIXTURES, 'pixel_is_point_wgs84.tif')));
    expect(header.pixelIsPoint).toBe(true);
    expect(resolveTiffCrs(header).crs?.epsg).toBe(4326);
  });

  it('an EPSG code we do not bundle is reported, not guessed', async () => {
    const header = await readTiffHeader(fileSource(join(FIXTURES, 'byte.tif')));
    expect(tiffCrsEvidence(header).evidence.epsg).toBe(26711);
    const resolved = resolveTiffCrs(header);
    expect(resolved.warnings.map((w) => w.en).join(' ')).toMatch(/EPSG:26711 is not bundled/);
  });

  it('user-defined Transverse Mercator on NAD83 keeps its own parameters', async () => {
    const header = await readTiffHeader(fileSource(join(FIXTURES, 'transverse_mercator.tif')));
    const info = gdalInfo(join(FIXTURES, 'transverse_mercator.tif'));
    const resolved = resolveTiffCrs(header);
    expect(resolved.crs).not.toBeNull();
    expect(resolved.crs!.datum).toBe('wgs84');
    expectCornersLikeGdal(header, resolved.crs!, info);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RasterRefused, readTiffHeader } from './tiffHeader';
import { countingSource, gdal, rawTiff, tempDir, tiledEntries } from './tiffTestFiles.test';

/**
 * Files the map must never be given: each is refused by the header reader with a reason a planner
 * can act on, after reading a few KiB, before OpenLayers sees the file.
 */
const dir = tempDir();

async function refusal(bytes: Uint8Array): Promise<{ en: string; zh: string; served: number }> {
  const source = countingSource(bytes);
  const error = await readTiffHeader(source).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RasterRefused);
  const reason = (error as RasterRefused).reason;
  expect(reason.zh).toMatch(/[\u4e00-\u9fff]/);
  return { ...reason, served: source.served };
}

function gdalCog(name: string, co: string[]): Uint8Array {
  const base = join(dir, `${name}.base.tif`);
  const out = join(dir, `${name}.tif`);
  gdal('gdal_create', ['-of', 'GTiff', '-outsize', '512', '512', '-bands', '1', '-burn', '7', base]);
  gdal('gdal_translate', ['-q', '-of', 'COG', '-co', 'BLOCKSIZE=256', ...co, base, out]);
  return new Uint8Array(readFileSync(out));
}

describe('hostile and damaged TIFFs are refused with the reason', () => {
  it('a header claiming 10⁶ × 10⁶ pixels', async () => {
    const r = await refusal(rawTiff(tiledEntries(1_000_000, 1_000_000, 256)));
    expect(r.en).toMatch(/1000000 × 1000000 pixels .* over the 40,000 Mpx limit/);
    expect(r.served).toBeLessThanOrEqual(64 * 1024);
  });

  it('more tiles than a browser should index', async () => {
    const r = await refusal(rawTiff(tiledEntries(100_000, 100_000, 16)));
    expect(r.en).toMatch(/more than 4,000,000 tiles.*gdal_translate -of COG/);
  });

  it('a wide image stored in strips', async () => {
    const entries = tiledEntries(70_000, 10, 16).filter((e) => e.tag < 322);
    entries.push({ tag: 273, type: 4, values: [512] }, { tag: 279, type: 4, values: [700_000] });
    entries.push({ tag: 278, type: 4, values: [10] });
    const r = await refusal(rawTiff(entries));
    expect(r.en).toMatch(/strips and 70000 pixels wide.*Cloud-Optimized GeoTIFF/);
  });

  it('ZSTD (GDAL writes it; the decoder would fetch a data: WebAssembly module our CSP forbids)', async () => {
    const r = await refusal(gdalCog('zstd', ['-co', 'COMPRESS=ZSTD']));
    expect(r.en).toMatch(/compression ZSTD cannot be decoded here: convert with gdal_translate/);
  });

  it('LERC and old-style JPEG', async () => {
    expect((await refusal(rawTiff(tiledEntries(256, 256, 256, 34887)))).en).toMatch(/LERC/);
    expect((await refusal(rawTiff(tiledEntries(256, 256, 256, 6)))).en).toMatch(/old-style JPEG/);
  });

  it('a COG cut off part-way (the last tile ends beyond the file)', async () => {
    const cog = gdalCog('cut', ['-co', 'COMPRESS=NONE']);
    const r = await refusal(cog.slice(0, Math.floor(cog.length * 0.6)));
    expect(r.en).toMatch(/truncated.*ends at byte \d+, the file has \d+/);
  });

  it('a COG cut off inside its header', async () => {
    const cog = gdalCog('cuthead', ['-co', 'COMPRESS=NONE']);
    expect((await refusal(cog.slice(0, 200))).en).toMatch(/truncated/);
  });

  it('a first image directory beyond the end of the file', async () => {
    const bytes = rawTiff(tiledEntries(256, 256, 256), 4096);
    new DataView(bytes.buffer).setUint32(4, 1e9, true);
    expect((await refusal(bytes)).en).toMatch(/truncated.*beyond the end/);
  });

  it('an image directory chain that loops', async () => {
    expect((await refusal(rawTiff(tiledEntries(256, 256, 256), 70_000, 8))).en).toMatch(/loops/);
  });

  it('not a TIFF at all, and an empty file', async () => {
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0, 1]);
    expect((await refusal(jpeg)).en).toMatch(/not a TIFF/);
    expect((await refusal(new Uint8Array(0))).en).toMatch(/not a TIFF/);
  });

  it('a directory that claims 60 000 entries', async () => {
    const bytes = rawTiff(tiledEntries(256, 256, 256));
    new DataView(bytes.buffer).setUint16(8, 60_000, true);
    expect((await refusal(bytes)).en).toMatch(/damaged.*60000 entries/);
  });
});

import { describe, expect, it } from 'vitest';
import { BackgroundRefused } from '../backgrounds/backgroundFactory';
import { openPmtiles, PackageRefused } from './pmtilesPackage';
import { tilePackageInspector } from './tilePackageLayer';
import { writePmtiles } from './fixtures/pmtilesWriter';

const bytes = (text: string) => new TextEncoder().encode(text);

/** A Blob that counts the bytes read through slice (range reads, never the whole file). */
function countingBlob(data: Uint8Array) {
  const blob = new Blob([data as Uint8Array<ArrayBuffer>]);
  const read = { bytes: 0 };
  const slice = blob.slice.bind(blob);
  blob.slice = (start?: number, end?: number) => {
    read.bytes += (end ?? data.length) - (start ?? 0);
    return slice(start, end);
  };
  return { blob, read };
}

describe('PMTiles raster packages', () => {
  const tiles = [
    { z: 0, x: 0, y: 0, data: bytes('tile-0-0-0') },
    { z: 1, x: 1, y: 0, data: bytes('tile-1-1-0') },
    { z: 1, x: 0, y: 1, data: bytes('tile-1-0-1') },
    // A large tile: reading one small tile must not read it.
    { z: 2, x: 3, y: 3, data: new Uint8Array(200_000).fill(7) },
  ];

  it('reads tiles by z/x/y through range reads, with zooms, bounds and type from the header', async () => {
    const { blob, read } = countingBlob(writePmtiles(tiles, 2));
    const pack = await openPmtiles({ blob }, 'a.pmtiles');
    expect(pack).toMatchObject({ minZoom: 0, maxZoom: 2, mimeType: 'image/png', bounds: [80, 40, 90, 50] });
    expect(new TextDecoder().decode((await pack.tile(1, 0, 1))!)).toBe('tile-1-0-1');
    expect(new TextDecoder().decode((await pack.tile(1, 1, 0))!)).toBe('tile-1-1-0');
    expect(await pack.tile(1, 1, 1)).toBeNull();
    expect(read.bytes).toBeLessThan(20_000);
    expect((await pack.tile(2, 3, 3))?.length).toBe(200_000);
  });

  it('refuses vector packages and files that are not PMTiles, with the reason', async () => {
    const vector = openPmtiles(
      { blob: new Blob([writePmtiles(tiles, 1) as Uint8Array<ArrayBuffer>]) },
      'v.pmtiles',
    );
    await expect(vector).rejects.toThrow(PackageRefused);
    await expect(vector).rejects.toThrow(/vector tile package/);
    const junk = openPmtiles(
      { blob: new Blob([bytes('SQLite format 3\0 and more bytes to fill a header....'.repeat(4))]) },
      'x.pmtiles',
    );
    await expect(junk).rejects.toThrow(/Not a valid PMTiles/);
  });
});

describe('picking a PMTiles background', () => {
  const picked = (data: Uint8Array, name: string) => ({
    name,
    size: data.length,
    access: { copy: new Blob() },
    bytes: { blob: new Blob([data as Uint8Array<ArrayBuffer>]) },
    sidecars: {},
  });
  const inspect = tilePackageInspector('pmtiles', openPmtiles);
  const one = [{ z: 0, x: 0, y: 0, data: bytes('t') }];

  it('stores it as Web Mercator without asking for a coordinate system', async () => {
    const inspected = await inspect(picked(writePmtiles(one, 3), 'dom.pmtiles'));
    expect(inspected).toMatchObject({ name: 'dom', source: { kind: 'pmtiles', crs: { epsg: 3857 } } });
  });

  it('refuses a vector package naming the file', async () => {
    const refusal = inspect(picked(writePmtiles(one, 1), 'roads.pmtiles'));
    await expect(refusal).rejects.toBeInstanceOf(BackgroundRefused);
    await expect(refusal).rejects.toThrow(/roads\.pmtiles: This is a vector tile package/);
  });
});

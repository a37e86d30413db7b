import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readImport } from './readImport';

/** Loose .shp/.shx/.dbf, no .prj: 6-digit eastings around 84.64°E, 44.41°N (zone 28 without prefix). */
const bare = ['shp', 'shx', 'dbf'].map((ext) => ({
  name: `bare-zones.${ext}`,
  bytes: new Uint8Array(readFileSync(`e2e/fixtures/exchange/bare-zones.${ext}`)),
}));

describe('a CRS guessed from the numbers', () => {
  it('is reported as the EPSG the mapping used, with its source and note, and still warned about', async () => {
    const out = await readImport({ files: bare, options: { gkZone: 28 } });
    expect(out.refused).toBeUndefined();
    const layer = out.layers[0]!;
    expect(layer.epsg).toBe(4537);
    expect(layer.info.crs).toMatchObject({ epsg: 4537, source: 'magnitude' });
    expect(layer.info.crs!.note!.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(layer.info.crs!.note!.en).toMatch(/28/);
    expect(out.info[0]!.crs).toEqual(layer.info.crs);
    expect(layer.info.warnings.some((w) => w.en.includes('EPSG:4537'))).toBe(true);
    expect(out.result.document.zones).toHaveLength(3);
  });

  it('leaves a CRS the user chose as theirs', async () => {
    const out = await readImport({ files: bare, options: { gkZone: 28, epsg: 4537 } });
    expect(out.layers[0]!.info.crs).toMatchObject({ epsg: 4537, source: 'user' });
    expect(out.layers[0]!.info.warnings.some((w) => w.en.includes('EPSG:4537'))).toBe(false);
  });
});

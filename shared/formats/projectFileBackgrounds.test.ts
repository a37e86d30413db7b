import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LayerListPrefsSchema } from '../domain/backgrounds';
import { buildTekesSample } from '../sample/buildSample';
import { openDatabase } from './geopackage/sqlite';
import { readProjectFile, writeProjectFile } from './projectFile';
import type { FileBackground } from './projectFileBackgrounds';

const options = { generator: 'test', savedAt: new Date('2026-12-01T08:00:00.000Z') };
const KEY = '0123456789abcdef0123456789abcdef';

/** Backgrounds as the app holds them, with what must never reach a file mixed in by mistake. */
const backgrounds = [
  {
    id: 'dom',
    name: '正射影像 2025',
    createdAt: '2026-11-30T08:00:00.000Z',
    source: {
      kind: 'geotiff',
      file: { name: 'DOM_2025.tif', size: 1_234_567_890, mtimeMs: 1_764_000_000_000 },
      crs: { epsg: 4516 },
      // A grant and a handle that slipped into the record: the file keeps neither.
      grant: 'grant-1f0e',
    },
    access: { handle: { kind: 'file', name: 'DOM_2025.tif' } },
  },
  {
    id: 'tdt',
    name: '天地图影像',
    createdAt: '2026-11-30T08:01:00.000Z',
    source: {
      kind: 'xyz',
      template: `https://t0.tianditu.gov.cn/DataServer?T=img_w&x={x}&y={y}&l={z}&tk=${KEY}`,
      tms: false,
      minZoom: 1,
      maxZoom: 18,
      projection: 'EPSG:3857',
      keyId: 'tianditu',
    },
  },
] as unknown as FileBackground[];
const layers = LayerListPrefsSchema.parse({
  order: ['tdt', 'dom'],
  visible: { tdt: false },
  opacity: { dom: 0.6 },
  zoneTypes: { construction_control_zone: false },
  labelField: 'code',
});

async function savedFile() {
  const bytes = await writeProjectFile(buildTekesSample(), {
    ...options,
    backgrounds: { list: backgrounds, layers },
  });
  const path = join(mkdtempSync(join(tmpdir(), 'hzw-backgrounds-')), 'site.hzw');
  writeFileSync(path, bytes);
  return { bytes, path };
}

describe('backgrounds in the project file', () => {
  it('keeps each background’s description and the layer settings, never a grant, a handle or a key', async () => {
    const { path } = await savedFile();
    // Read by SQLite itself, not by our reader.
    const rows = execFileSync(
      'sqlite3',
      ['-json', path, 'SELECT id, seq, json FROM hzw_backgrounds ORDER BY seq'],
      {
        encoding: 'utf8',
      },
    );
    const stored = (JSON.parse(rows) as { id: string; seq: number; json: string }[]).map((r) => ({
      ...r,
      json: JSON.parse(r.json) as Record<string, unknown>,
    }));
    expect(stored.map((r) => [r.id, r.seq])).toEqual([
      ['dom', 0],
      ['tdt', 1],
    ]);
    expect(stored[0]!.json).toEqual({
      id: 'dom',
      name: '正射影像 2025',
      createdAt: '2026-11-30T08:00:00.000Z',
      source: {
        kind: 'geotiff',
        file: { name: 'DOM_2025.tif', size: 1_234_567_890, mtimeMs: 1_764_000_000_000 },
        crs: { epsg: 4516 },
      },
    });
    expect((stored[1]!.json.source as { template: string }).template).toBe(
      'https://t0.tianditu.gov.cn/DataServer?T=img_w&x={x}&y={y}&l={z}&tk={key}',
    );
    // Nowhere in the file: not in another table, not in a free page.
    const text = readFileSync(path).toString('latin1');
    for (const secret of [KEY, 'grant-1f0e', '"handle"', '"access"']) expect(text).not.toContain(secret);
    const prefs = execFileSync('sqlite3', [path, "SELECT json FROM hzw_project WHERE key = 'layers'"], {
      encoding: 'utf8',
    });
    expect(JSON.parse(prefs)).toEqual(layers);
    // GDAL still opens the project as a GeoPackage and reaches the table through SQL.
    const listed = execFileSync(
      'ogrinfo',
      ['-ro', '-q', path, '-sql', 'SELECT id, json FROM hzw_backgrounds'],
      {
        encoding: 'utf8',
      },
    );
    expect(listed).toMatch(/id \(String\) = dom/);
    expect(listed).toMatch(/id \(String\) = tdt/);
  });

  it('reads back what it wrote; files without backgrounds and rows this version cannot use still open', async () => {
    const { bytes } = await savedFile();
    const read = await readProjectFile(bytes, 'site.hzw');
    expect(read.backgrounds?.list.map((b) => b.id)).toEqual(['dom', 'tdt']);
    expect(read.backgrounds?.list[0]).not.toHaveProperty('access');
    expect(read.backgrounds?.layers).toEqual(layers);
    expect(read.zones.length).toBe(buildTekesSample().zones.length);

    const db = await openDatabase(bytes);
    db.run(
      `INSERT INTO hzw_backgrounds (id, seq, json) VALUES ('wms', 2, '{"id":"wms","name":"x","createdAt":"","source":{"kind":"wms"}}')`,
    );
    db.run(`INSERT INTO hzw_backgrounds (id, seq, json) VALUES ('bad', 3, '{not json')`);
    const newer = db.export();
    db.run('DROP TABLE hzw_backgrounds');
    db.run("DELETE FROM hzw_project WHERE key = 'layers'");
    const older = db.export();
    db.close();
    const fromNewer = await readProjectFile(newer, 'newer.hzw');
    expect(fromNewer.backgrounds).toMatchObject({ skipped: 2 });
    expect(fromNewer.backgrounds?.list.map((b) => b.id)).toEqual(['dom', 'tdt']);
    expect((await readProjectFile(older, 'older.hzw')).backgrounds).toEqual({
      list: [],
      layers: null,
      skipped: 0,
    });
  });
});

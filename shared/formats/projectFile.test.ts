import { describe, expect, it } from 'vitest';
import { buildTekesSample } from '../sample/buildSample';
import { FormatError } from './formatError';
import { openDatabase, queryRows } from './geopackage/sqlite';
import { PROJECT_FILE_VERSION, readProjectFile, writeProjectFile } from './projectFile';

const encode = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
const options = { generator: 'test', savedAt: new Date('2026-12-01T08:00:00.000Z') };

/** A version 1 file as the app wrote them before (JSON). */
function v1File() {
  const sample = buildTekesSample();
  return {
    format: 'heritage-zone-workbench-project',
    version: 1,
    savedAt: '2026-11-24T08:00:00.000Z',
    generator: 'Heritage Zone Workbench 0.1.0',
    project: { settings: sample.settings },
    objects: sample.objects,
    zones: sample.zones,
    comments: [],
  };
}

/** Change a saved v2 file with SQL, as a damaged copy or a hand edit would. */
async function edited(bytes: Uint8Array, sql: string): Promise<Uint8Array> {
  const db = await openDatabase(bytes);
  db.run(sql);
  const out = db.export();
  db.close();
  return out;
}

async function problemsOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FormatError);
  return (error as FormatError).problems;
}

describe('project file, version 3 (GeoPackage)', () => {
  it('round-trips a whole project with save metadata', async () => {
    const sample = buildTekesSample();
    const bytes = await writeProjectFile(sample, { ...options, editCount: 7, projectUid: 'lineage-1' });
    expect(new TextDecoder().decode(bytes.subarray(0, 15))).toBe('SQLite format 3');
    const back = await readProjectFile(bytes, 'tekes.hzw');
    expect(back.objects).toEqual(sample.objects);
    expect(back.zones).toEqual(sample.zones);
    expect(back.settings).toMatchObject(sample.settings);
    expect(back.review).toEqual({ comments: [], decisions: [], signoffs: [] });
    expect(back.saved).toEqual({
      version: 3,
      savedAt: '2026-12-01T08:00:00.000Z',
      generator: 'test',
      editCount: 7,
      installation: null,
      projectUid: 'lineage-1',
    });
  });

  it('has readable zones and objects tables for other tools', async () => {
    const sample = buildTekesSample();
    const db = await openDatabase(await writeProjectFile(sample, options));
    const contents = queryRows(
      db,
      'SELECT table_name, data_type, srs_id FROM gpkg_contents ORDER BY table_name',
    );
    expect(contents).toEqual([
      { table_name: 'objects', data_type: 'attributes', srs_id: null },
      { table_name: 'review_comments', data_type: 'features', srs_id: 4490 },
      { table_name: 'review_decisions', data_type: 'attributes', srs_id: null },
      { table_name: 'review_signoffs', data_type: 'attributes', srs_id: null },
      { table_name: 'review_versions', data_type: 'attributes', srs_id: null },
      { table_name: 'zones', data_type: 'features', srs_id: 4490 },
    ]);
    const zone = queryRows(db, 'SELECT * FROM zones WHERE zone_id = ?', [sample.zones[0]!.id])[0]!;
    const object = sample.objects.find((o) => o.id === sample.zones[0]!.objectId)!;
    expect(zone.object_name).toBe(object.attributes.name);
    expect(zone.zone_type).toBe(sample.zones[0]!.attributes.zoneType);
    expect(typeof zone.zone_type_label).toBe('string');
    expect(Number(zone.area_m2)).toBeGreaterThan(0);
    expect(queryRows(db, 'SELECT COUNT(*) AS n FROM objects')[0]!.n).toBe(sample.objects.length);
    db.close();
  });

  it('keeps the saved order of records whose rows are stored out of order', async () => {
    const sample = buildTekesSample();
    const bytes = await writeProjectFile(sample, options);
    // Another tool rewrote the table: the seq column still says the order, the rowids do not.
    const count = sample.zones.length;
    const shuffled = await edited(
      bytes,
      `CREATE TABLE t AS SELECT * FROM hzw_zones ORDER BY seq DESC; DELETE FROM hzw_zones;
       INSERT INTO hzw_zones (id, seq, json) SELECT id, seq, json FROM t; DROP TABLE t;`,
    );
    const db = await openDatabase(shuffled);
    const firstRow = queryRows(db, 'SELECT seq FROM hzw_zones ORDER BY rowid LIMIT 1')[0]!;
    db.close();
    expect(firstRow.seq).toBe(count - 1);
    const back = await readProjectFile(shuffled, 'shuffled.hzw');
    expect(back.zones.map((z) => z.id)).toEqual(sample.zones.map((z) => z.id));
  });

  it('refuses a file from a newer version with a message naming both versions', async () => {
    const bytes = await writeProjectFile(buildTekesSample(), options);
    const future = await edited(
      bytes,
      "UPDATE hzw_meta SET value = '4' WHERE key = 'schema_version'; DROP TABLE hzw_zones",
    );
    await expect(readProjectFile(future, 'future.hzw')).rejects.toThrow(
      /version 4 is newer than this app supports \(3\)/,
    );
  });

  it('refuses damaged files with a specific reason', async () => {
    const bytes = await writeProjectFile(buildTekesSample(), options);
    const cases: [Uint8Array, RegExp][] = [
      [bytes.slice(0, Math.floor(bytes.length / 2)), /truncated/],
      [await edited(bytes, 'DROP TABLE hzw_zones'), /lacks table hzw_zones/],
      [await edited(bytes, 'DROP TABLE hzw_decisions'), /lacks table hzw_decisions/],
      [await edited(bytes, 'DROP TABLE hzw_meta'), /GeoPackage but not a project file/],
      [await edited(bytes, 'UPDATE hzw_zones SET json = \'{"id":\' WHERE seq = 0'), /hzw_zones\.json/],
      [await edited(bytes, "UPDATE hzw_meta SET value = 'x' WHERE key = 'format'"), /Not a Heritage Zone/],
    ];
    for (const [damaged, message] of cases)
      await expect(readProjectFile(damaged, 'd.hzw')).rejects.toThrow(message);
    const corrupt = bytes.slice();
    corrupt.fill(0x55, 4096, 8192);
    await expect(readProjectFile(corrupt, 'corrupt.hzw')).rejects.toThrow(/damaged|malformed/);
  });

  it('refuses broken references and invalid records, naming each', async () => {
    const bytes = await writeProjectFile(buildTekesSample(), options);
    const broken = await edited(
      bytes,
      `UPDATE hzw_zones SET json = json_set(json, '$.objectId', 'missing') WHERE seq = 0;
       UPDATE hzw_zones SET json = json_set(json, '$.attributes.zoneType', 'nonsense') WHERE seq = 1;
       INSERT INTO hzw_comments (id, seq, json) VALUES ('c', 0, '{"id":"c","target":{"kind":"zone","id":"nowhere"},"author":"","text":"x","createdAt":"2026-01-01T00:00:00.000Z"}')`,
    );
    const first = await problemsOf(readProjectFile(broken, 'broken.hzw'));
    expect(first.map((p) => p.field)).toContain('zones.1.attributes.zoneType');
    // A version 2 file's comments are checked against its records as before.
    const refs = await edited(
      bytes,
      `UPDATE hzw_meta SET value = '2' WHERE key = 'schema_version';
       UPDATE hzw_zones SET json = json_set(json, '$.objectId', 'missing') WHERE seq = 0;
       INSERT INTO hzw_comments (id, seq, json) VALUES ('c', 0, '{"id":"c","target":{"kind":"zone","id":"nowhere"},"author":"","text":"x","createdAt":"2026-01-01T00:00:00.000Z"}')`,
    );
    const second = await problemsOf(readProjectFile(refs, 'refs.hzw'));
    expect(second).toContainEqual(expect.objectContaining({ index: 0, field: 'zones.objectId' }));
    expect(second).toContainEqual(expect.objectContaining({ index: 0, field: 'comments.target' }));
  });
});

describe('project file, version 1 (JSON), still read', () => {
  it('reads a whole project', async () => {
    const file = v1File();
    const back = await readProjectFile(encode(file), 'old.hzw');
    expect(back.zones).toEqual(file.zones);
    expect(back.saved.version).toBe(1);
  });

  it('refuses a newer version and damaged files', async () => {
    await expect(readProjectFile(encode({ ...v1File(), version: 99 }), 'future.hzw')).rejects.toThrow(
      new RegExp(`version 99 is newer than this app supports \\(${PROJECT_FILE_VERSION}\\)`),
    );
    const file = v1File();
    file.zones[0]!.objectId = 'missing';
    const problems = await problemsOf(readProjectFile(encode(file), 'damaged.hzw'));
    expect(problems.some((p) => p.index === 0 && p.field === 'zones.objectId')).toBe(true);
    await expect(
      readProjectFile(new TextEncoder().encode('{"format":"something-else","version":1}'), 'x.hzw'),
    ).rejects.toThrow(/Not a Heritage Zone Workbench project file/);
    await expect(readProjectFile(new Uint8Array([0xff, 0xfe, 0x00]), 'bin.hzw')).rejects.toThrow(FormatError);
  });

  it('keeps the desktop suite’s fixture readable', async () => {
    const { readFileSync } = await import('node:fs');
    const bytes = new Uint8Array(readFileSync('e2e/fixtures/sample-project.hzw'));
    expect((await readProjectFile(bytes, 'sample-project.hzw')).settings.name).toBe(
      'Electron fixture project',
    );
  });
});

describe('GDAL opens a saved project file', () => {
  it('lists the zones layer with every zone and reports no error', async () => {
    const { execFileSync } = await import('node:child_process');
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const sample = buildTekesSample();
    const path = join(mkdtempSync(join(tmpdir(), 'hzw-project-')), 'tekes.hzw');
    writeFileSync(path, await writeProjectFile(sample, options));
    const zones = execFileSync('ogrinfo', ['-ro', '-so', '-oo', 'LIST_ALL_TABLES=NO', path, 'zones'], {
      encoding: 'utf8',
    });
    expect(zones).toContain(`Feature Count: ${sample.zones.length}`);
    const listing = execFileSync('sh', ['-c', `ogrinfo -ro -q "${path}" 2>&1`], { encoding: 'utf8' });
    expect(listing).toMatch(/1: zones \((Multi )?Polygon\)/);
    expect(listing).toMatch(/\d+: objects \(None\)/);
    // GDAL's only remark on a .hzw is the extension; the same bytes named .gpkg draw none.
    expect(listing.split('\n').filter((l) => /ERROR|Warning/.test(l))).toEqual([
      expect.stringMatching(/non conformant file extension/),
    ]);
    const copy = path.replace(/\.hzw$/, '.gpkg');
    writeFileSync(copy, await writeProjectFile(sample, options));
    expect(
      execFileSync('sh', ['-c', `ogrinfo -ro -al "${copy}" 2>&1 >/dev/null`], { encoding: 'utf8' }),
    ).toBe('');
    expect(execFileSync('sqlite3', [path, 'PRAGMA integrity_check'], { encoding: 'utf8' }).trim()).toBe('ok');
  });
});

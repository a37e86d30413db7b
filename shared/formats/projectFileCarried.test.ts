import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTekesSample } from '../sample/buildSample';
import { readProjectFile, writeProjectFile } from './projectFile';
import { interiorPoint } from '../geometry/interiorPoint';
import { NO_REVIEW, type CommentEntry } from '../review/model';

/**
 * A received project file that someone changed with other tools (sqlite3, GDAL as QGIS would),
 * read and saved again by us: what we do not understand must come back unchanged.
 */
const options = { generator: 'test', savedAt: new Date('2026-12-01T08:00:00.000Z') };
const sh = (command: string) => execFileSync('sh', ['-c', command], { encoding: 'utf8' });

async function receivedFile(dir: string) {
  const sample = buildTekesSample();
  const [first, second] = sample.zones;
  const root = (entryId: string, zoneId: string, text: string): CommentEntry => ({
    entryId,
    threadId: entryId,
    kind: 'comment',
    parents: [],
    text,
    status: 'open',
    author: { name: '审阅人', organisation: '省文物局' },
    createdAt: '2026-12-01T09:00:00.000Z',
    anchor: { kind: 'zone', zoneId, at: interiorPoint(sample.zones.find((z) => z.id === zoneId)!.geometry) },
  });
  const comments: CommentEntry[] = [
    { ...root('c-zone', first!.id, '北侧边界请按 1:500 地形图核对'), replies: [{ note: 'a newer field' }] },
    root('c-gone', second!.id, '此区划与道路红线重叠'),
  ];
  const path = join(dir, 'received.hzw');
  const review = { ...NO_REVIEW, comments };
  writeFileSync(path, await writeProjectFile(sample, { ...options, review }));
  // A reviewer's own table with awkward values, an index, a column and a key added to ours …
  execFileSync('sqlite3', [
    path,
    `CREATE TABLE review_log (n INTEGER PRIMARY KEY, big INTEGER, loose, ratio REAL, note TEXT, scan BLOB);
     INSERT INTO review_log VALUES (1, 9007199254740993, 3.0, 0.1, '第一轮审阅', x'00ff10');
     INSERT INTO review_log VALUES (2, -1, 'text', NULL, NULL, NULL);
     CREATE INDEX review_log_note ON review_log (note);
     ALTER TABLE hzw_comments ADD COLUMN thread TEXT;
     UPDATE hzw_comments SET thread = 'T-7' WHERE id = 'c-zone';
     INSERT INTO hzw_meta (key, value) VALUES ('review_round', '2');`,
  ]);
  // … and a survey layer added with GDAL in a CGCS2000 Gauss-Krüger CRS the project does not use.
  const points = join(dir, 'survey.geojson');
  writeFileSync(
    points,
    JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: '界桩 1' },
          geometry: { type: 'Point', coordinates: [81.84, 43.2] },
        },
        {
          type: 'Feature',
          properties: { name: '界桩 2' },
          geometry: { type: 'Point', coordinates: [81.85, 43.21] },
        },
      ],
    }),
  );
  sh(`ogr2ogr -update -f GPKG -t_srs EPSG:4536 -nln survey_points "${path}" "${points}" 2>&1`);
  return { path, sample, comments, second: second! };
}

describe('a project file keeps what we do not understand', () => {
  it('carries unknown tables, columns, metadata and comments through open → save', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hzw-carried-'));
    const { path, sample, comments, second } = await receivedFile(dir);
    const opened = await readProjectFile(readFileSync(path), 'received.hzw');
    expect(opened.review.comments).toEqual(comments);
    // Saved again after the planner deleted the zone the second comment pointed at.
    const edited = { ...opened, zones: opened.zones.filter((z) => z.id !== sample.zones[1]!.id) };
    const saved = join(dir, 'saved.hzw');
    writeFileSync(
      saved,
      await writeProjectFile(edited, { ...options, review: opened.review, carried: opened.carried }),
    );

    // sqlite3 dumps the reviewer's table identically: every value with its storage class.
    const dump = (file: string) => sh(`sqlite3 "${file}" ".dump review_log"`);
    expect(dump(path)).toContain('9007199254740993');
    expect(dump(saved)).toBe(dump(path));
    const extra = (file: string) =>
      sh(
        `sqlite3 "${file}" "SELECT id, thread FROM hzw_comments ORDER BY id; SELECT value FROM hzw_meta WHERE key = 'review_round'"`,
      );
    expect(extra(saved)).toBe(extra(path));
    expect(extra(saved)).toContain('c-zone|T-7');

    // GDAL still finds the survey layer, its two points and its CRS.
    const layer = (file: string) => sh(`ogrinfo -ro -al -so "${file}" survey_points 2>&1`);
    expect(layer(saved)).toContain('Feature Count: 2');
    expect(layer(saved)).toMatch(
      /CGCS2000 \/ 3-degree Gauss-Kruger CM 81E.*ID\["EPSG",4536\]\]\s*Data axis/s,
    );
    const features = (file: string) =>
      sh(`ogr2ogr -f CSV /vsistdout/ -lco GEOMETRY=AS_WKT "${file}" survey_points 2>/dev/null`);
    expect(features(saved)).toBe(features(path));
    expect(sh(`sqlite3 "${saved}" "PRAGMA integrity_check"`).trim()).toBe('ok');

    // The comments come back, the one whose zone is gone pinned where it was, remembering the zone.
    const reopened = await readProjectFile(readFileSync(saved), 'saved.hzw');
    expect(reopened.review.comments[0]).toEqual(comments[0]);
    expect(reopened.review.comments[1]).toEqual({
      ...comments[1],
      anchor: { kind: 'position', at: comments[1]!.anchor!.at },
      detachedFrom: { kind: 'zone', id: second.id },
    });
    // Saved once more, nothing is carried twice.
    const again = await writeProjectFile(reopened, {
      ...options,
      review: reopened.review,
      carried: reopened.carried,
    });
    writeFileSync(join(dir, 'again.hzw'), again);
    expect(dump(join(dir, 'again.hzw'))).toBe(dump(path));
    expect(layer(join(dir, 'again.hzw'))).toContain('Feature Count: 2');
  });

  it('never runs more than the one schema statement a carried table declares', async () => {
    const opened = await readProjectFile(await writeProjectFile(buildTekesSample(), options), 'plain.hzw');
    const hostile = {
      ...opened.carried,
      tables: [
        {
          name: 'evil',
          sql: 'CREATE TABLE evil (a); DROP TABLE hzw_zones',
          indexes: ['DROP TABLE hzw_objects', 'CREATE INDEX evil_a ON evil (a); DROP TABLE hzw_project'],
          columns: ['a'],
          rows: [[{ integer: '1' }]],
        },
        // Rows SQLite refuses: the table is left out whole, the project is saved all the same.
        {
          name: 'strict',
          sql: 'CREATE TABLE strict (x NOT NULL)',
          indexes: [],
          columns: ['x'],
          rows: [[null]],
        },
      ],
      columns: [{ table: 'hzw_zones', column: 'JSON', type: 'TEXT', values: [] }],
    };
    const bytes = await writeProjectFile(buildTekesSample(), { ...options, carried: hostile });
    const back = await readProjectFile(bytes, 'back.hzw');
    expect(back.zones).toHaveLength(buildTekesSample().zones.length);
    expect(back.carried.tables.map((t) => [t.name, t.indexes.length, t.rows])).toEqual([
      ['evil', 1, [[{ integer: '1' }]]],
    ]);
  });

  it('a file with odd GeoPackage tables still opens and carries its own table', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hzw-odd-'));
    const path = join(dir, 'odd.hzw');
    writeFileSync(path, await writeProjectFile(buildTekesSample(), options));
    execFileSync('sqlite3', [
      path,
      `DROP TABLE gpkg_geometry_columns; DROP TABLE gpkg_extensions;
       CREATE TABLE gpkg_extensions (table_name TEXT);
       INSERT INTO gpkg_extensions VALUES ('notes');
       CREATE TABLE notes (a TEXT); INSERT INTO notes VALUES ('保留');`,
    ]);
    const opened = await readProjectFile(readFileSync(path), 'odd.hzw');
    expect(opened.carried.tables.map((t) => [t.name, t.rows])).toEqual([['notes', [['保留']]]]);
    const saved = join(dir, 'saved.hzw');
    writeFileSync(saved, await writeProjectFile(opened, { ...options, carried: opened.carried }));
    expect(sh(`sqlite3 "${saved}" "SELECT a FROM notes"`).trim()).toBe('保留');
  });
});

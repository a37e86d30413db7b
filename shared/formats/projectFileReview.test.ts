import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTekesSample } from '../sample/buildSample';
import { FormatError } from './formatError';
import { openDatabase } from './geopackage/sqlite';
import { readProjectFile, writeProjectFile } from './projectFile';
import { syntheticReview } from '../review/syntheticReview';
import type { FileVersion } from '../review/model';

/**
 * Project file version 3: the review records as GDAL reads them (the independent reader), and
 * as we read them back; a damaged review table refuses the file, naming table, row and reason.
 */
const options = { generator: 'test', savedAt: new Date('2026-12-01T08:00:00.000Z') };
const HOSTILE = `<img src=x onerror=alert(1)>&amp; '; DROP TABLE hzw_zones; --\n第二行\t"引号" 😀`;
const sh = (command: string) => execFileSync('sh', ['-c', command], { encoding: 'utf8' });

async function reviewed() {
  const sample = buildTekesSample();
  const review = await syntheticReview(sample, 3, { text: (i) => (i === 0 ? HOSTILE : `意见 ${i}`) });
  const changed = { ...sample.zones[0]!, updatedAt: '2026-11-01T00:00:00.000Z' };
  const versions: FileVersion[] = [
    {
      header: {
        versionId: 'v1',
        seq: 1,
        name: '送审稿 2026-12',
        note: '',
        createdAt: '2026-11-30T08:00:00.000Z',
        author: null,
        contentHash: 'c'.repeat(64),
        counts: { objects: sample.objects.length, zones: sample.zones.length },
        origin: 'planner',
      },
      records: [
        { table: 'zones', id: changed.id, value: changed },
        { table: 'zones', id: 'gone-zone', value: null },
      ],
    },
  ];
  return { sample, review, versions };
}

async function problemsOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FormatError);
  return (error as FormatError).problems;
}

async function edited(bytes: Uint8Array, sql: string): Promise<Uint8Array> {
  const db = await openDatabase(bytes);
  db.run(sql);
  const out = db.export();
  db.close();
  return out;
}

describe('project file v3: review records', () => {
  it('GDAL lists the comments as a point layer and the decisions as a table, text exact', async () => {
    const { sample, review, versions } = await reviewed();
    const dir = mkdtempSync(join(tmpdir(), 'hzw-review-'));
    const path = join(dir, 'reviewed.gpkg');
    writeFileSync(path, await writeProjectFile(sample, { ...options, review, versions }));

    const listing = sh(`ogrinfo -ro -q "${path}" 2>&1`);
    expect(listing).toMatch(/^\d+: review_comments \(Point\)$/m);
    expect(listing).toMatch(/^\d+: review_decisions \(None\)$/m);
    expect(listing).toMatch(/^\d+: review_signoffs \(None\)$/m);
    expect(listing).toMatch(/^\d+: review_versions \(None\)$/m);
    expect(sh(`ogrinfo -ro -al "${path}" 2>&1 >/dev/null`)).toBe('');

    // Every entry as GDAL reads it, through GeoJSON: fields, text and pins.
    type Row = {
      properties: Record<string, string | number | null>;
      geometry: { coordinates: number[] } | null;
    };
    const rows = (layer: string) =>
      (
        JSON.parse(sh(`ogr2ogr -f GeoJSON -lco COORDINATE_PRECISION=15 /vsistdout/ "${path}" ${layer}`)) as {
          features: Row[];
        }
      ).features;
    const comments = rows('review_comments');
    expect(comments).toHaveLength(review.comments.length);
    const root = comments.find((r) => r.properties.comment_id === review.comments[0]!.entryId)!;
    expect(root.properties.text).toBe(HOSTILE);
    expect(root.properties).toMatchObject({
      thread_status: 'resolved',
      status_label: '已解决',
      anchor_kind: 'zone',
      target_id: sample.zones[0]!.id,
      author: '李审',
      organisation: '某县文物局',
      conflict: 0,
    });
    const at = review.comments[0]!.anchor!.at!;
    expect(root.geometry!.coordinates[0]).toBeCloseTo(at[0], 12);
    expect(root.geometry!.coordinates[1]).toBeCloseTo(at[1], 12);
    const reply = comments.find((r) => r.properties.parent_id === review.comments[0]!.entryId)!;
    expect(reply.properties).toMatchObject({ adoption: '采纳', text: '已按意见修改' });
    // Replies are drawn at their thread's pin, so a filter on the layer shows whole threads.
    expect(reply.geometry!.coordinates).toEqual(root.geometry!.coordinates);

    const decisions = rows('review_decisions');
    expect(decisions.map((d) => d.properties.verdict_label).sort()).toEqual(
      review.decisions
        .map((d) => ({ approve: '同意', approve_with_changes: '修改后同意', reject: '不同意' })[d.verdict])
        .sort(),
    );
    expect(decisions[0]!.properties).toMatchObject({ target_kind: 'zone', reason: '北侧边界外扩 10 米' });
    expect(rows('review_signoffs')[0]!.properties).toMatchObject({
      state_at_save: 'valid',
      state_label: '有效',
    });
    expect(rows('review_versions')[0]!.properties).toMatchObject({
      name: '送审稿 2026-12',
      records_stored: 2,
    });
  });

  it('reads back exactly what it wrote, lineage included', async () => {
    const { sample, review, versions } = await reviewed();
    const bytes = await writeProjectFile(sample, { ...options, review, versions, projectUid: 'lineage-7' });
    const back = await readProjectFile(bytes, 'reviewed.hzw');
    expect(back.review).toEqual(review);
    expect(back.versions).toEqual(versions);
    expect(back.saved.projectUid).toBe('lineage-7');
  });

  it('declares an empty comments table as points', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hzw-review-'));
    const path = join(dir, 'empty.gpkg');
    writeFileSync(path, await writeProjectFile(buildTekesSample(), options));
    expect(sh(`ogrinfo -ro -q "${path}" 2>&1`)).toMatch(/^\d+: review_comments \(Point\)$/m);
    expect(sh(`ogrinfo -ro -so "${path}" review_comments`)).toContain('Feature Count: 0');
  });

  it('refuses damaged review rows, naming table, entry and reason', async () => {
    const { sample, review, versions } = await reviewed();
    const bytes = await writeProjectFile(sample, { ...options, review, versions });
    const first = review.comments[0]!.entryId;
    const cases: [string, string, RegExp][] = [
      [
        `UPDATE hzw_comments SET json = json_set(json, '$.anchor.zoneId', 'nowhere') WHERE id = '${first}'`,
        'hzw_comments.anchor',
        /missing zone nowhere/,
      ],
      [
        `DELETE FROM hzw_comments WHERE id = '${first}'`,
        'hzw_comments.parents',
        /answers an entry the file does not hold/,
      ],
      [
        `UPDATE hzw_comments SET json = json_set(json, '$.text', 'a' || char(7)) WHERE id = '${first}'`,
        'hzw_comments.text',
        /control characters/,
      ],
      [
        `UPDATE hzw_decisions SET json = json_set(json, '$.verdict', 'maybe') WHERE seq = 0`,
        'hzw_decisions.verdict',
        /r-d0/,
      ],
      [
        `UPDATE hzw_version_records SET version_id = 'v9'`,
        'hzw_version_records.version_id',
        /belongs to no version/,
      ],
      [
        `UPDATE hzw_version_records SET json = '{"id":1}' WHERE json IS NOT NULL`,
        'hzw_version_records.json',
        /invalid record/,
      ],
      [
        `INSERT INTO hzw_comments SELECT 'x', 99, json FROM hzw_comments WHERE id = '${first}'`,
        'hzw_comments.id',
        /Duplicate id/,
      ],
    ];
    for (const [sql, field, reason] of cases) {
      const problems = await problemsOf(readProjectFile(await edited(bytes, sql), 'bad.hzw'));
      const hit = problems.find((p) => p.field === field);
      expect(hit, `${sql} → ${JSON.stringify(problems)}`).toBeDefined();
      expect(hit!.reason.en).toMatch(reason);
    }
  });
});

describe('reading a version 2 file', () => {
  it('turns each comment into a thread root, a resolved one with a status entry, ids deterministic', async () => {
    const sample = buildTekesSample();
    const zone = sample.zones[1]!;
    const legacy = (id: string, target: object, resolved: boolean) =>
      JSON.stringify({
        id,
        target,
        author: '审阅人',
        text: `意见 ${id}`,
        createdAt: '2026-01-01T00:00:00.000Z',
        resolved,
      }).replaceAll("'", "''");
    const v2 = await edited(
      await writeProjectFile(sample, options),
      `UPDATE hzw_meta SET value = '2' WHERE key = 'schema_version';
       DROP TABLE hzw_decisions; DROP TABLE hzw_signoffs; DROP TABLE hzw_versions; DROP TABLE hzw_version_records;
       INSERT INTO hzw_comments (id, seq, json) VALUES
         ('c1', 0, '${legacy('c1', { kind: 'zone', id: zone.id }, true)}'),
         ('c2', 1, '${legacy('c2', { kind: 'project', id: null }, false)}')`,
    );
    const back = await readProjectFile(v2, 'old.hzw');
    const entries = back.review.comments;
    expect(entries.map((e) => [e.entryId, e.threadId, e.kind, e.status, e.parents])).toEqual([
      ['c1', 'c1', 'comment', 'open', []],
      ['c1/resolved', 'c1', 'status', 'resolved', ['c1']],
      ['c2', 'c2', 'comment', 'open', []],
    ]);
    expect(entries[0]!.anchor).toMatchObject({ kind: 'zone', zoneId: zone.id });
    expect(entries[2]!.anchor).toEqual({ kind: 'project', at: null });
    // The pin lies inside the zone's outer ring (ray casting, written here).
    const [x, y] = entries[0]!.anchor!.at!;
    const ring = (
      zone.geometry.type === 'Polygon' ? zone.geometry.coordinates : zone.geometry.coordinates[0]!
    )[0]!;
    let inside = false;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    expect(inside).toBe(true);
    expect(back.saved).toMatchObject({ version: 2, projectUid: null });
    expect((await readProjectFile(v2, 'old.hzw')).review).toEqual(back.review);
  });
});

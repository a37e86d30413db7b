import { afterEach, describe, expect, it } from 'vitest';
import { buildTekesSample } from '../../shared/sample/buildSample';
import { openDatabase, queryRows } from '../../shared/formats/geopackage/sqlite';
import { readProjectFile, writeProjectFile, type ReviewComment } from '../../shared/formats/projectFile';
import { openMemoryStore } from '../testing/memoryStore';
import type { Store } from '../storage/store';
import { createAndShowProject, currentDocument, makeWorkingCopy } from './projectSession';
import { Workbench } from './workbench';

let store: Store;
afterEach(() => store.close());

/** A received file: the sample with two review comments and a reviewer's own table. */
async function receivedFile() {
  const sample = buildTekesSample();
  const comment = (id: string, kind: 'zone' | 'object', target: string): ReviewComment => ({
    id,
    target: { kind, id: target },
    author: '审阅人',
    text: `意见 ${id}`,
    createdAt: '2026-12-01T09:00:00.000Z',
    resolved: false,
  });
  const comments = [
    comment('c1', 'zone', sample.zones[0]!.id),
    comment('c2', 'object', sample.objects[0]!.id),
  ];
  const db = await openDatabase(await writeProjectFile(sample, { generator: 'other', comments }));
  db.run("CREATE TABLE review_log (note TEXT); INSERT INTO review_log VALUES ('第一轮')");
  db.run('ALTER TABLE hzw_zones ADD COLUMN reviewer_flag TEXT');
  db.run("UPDATE hzw_zones SET reviewer_flag = '复核' WHERE id = ?", [sample.zones[0]!.id]);
  const bytes = db.export();
  db.close();
  return readProjectFile(bytes, 'received.hzw');
}

describe('a working copy of a received file', () => {
  it('keeps its comments and added columns on the same zones and objects, and what the file carried', async () => {
    store = await openMemoryStore('working-copy-extras');
    const workbench = new Workbench(store, 'zh');
    const content = await receivedFile();
    const { comments, carried } = content;
    const reviewId = await createAndShowProject(workbench, content, null, true, { comments, carried });
    expect(await store.read.readOnly(reviewId!)).toBe(true);
    const review = await currentDocument(workbench);

    await makeWorkingCopy(workbench);
    expect(workbench.projectId).not.toBe(reviewId);
    const copy = await currentDocument(workbench);
    // The review copy holds the file's ids, so the working copy's records got new ones …
    expect(copy.zones.some((z) => review.zones.some((r) => r.id === z.id))).toBe(false);
    const extras = (await store.read.fileExtras(workbench.projectId))!;
    // … and the comments followed them to the same zone and object.
    const [onZone, onObject] = extras.comments.map((c) => c.target.id);
    const zoneOf = (zones: typeof copy.zones, id: string | null | undefined) =>
      zones.find((z) => z.id === id);
    const objectOf = (objects: typeof copy.objects, id: string | null | undefined) =>
      objects.find((o) => o.id === id);
    expect(zoneOf(copy.zones, onZone)?.geometry).toEqual(content.zones[0]!.geometry);
    expect(zoneOf(copy.zones, onZone)?.attributes).toEqual(content.zones[0]!.attributes);
    expect(objectOf(copy.objects, onObject)?.attributes).toEqual(content.objects[0]!.attributes);

    const bytes = await writeProjectFile(copy, {
      generator: 'test',
      comments: extras.comments,
      carried: extras.carried,
    });
    const saved = await readProjectFile(bytes, 'saved.hzw');
    // The column a reviewer added to the zones table stays on the same zone.
    const db = await openDatabase(bytes);
    expect(queryRows(db, 'SELECT id, reviewer_flag FROM hzw_zones WHERE reviewer_flag IS NOT NULL')).toEqual([
      { id: onZone, reviewer_flag: '复核' },
    ]);
    db.close();
    expect(saved.comments.map((c) => [c.text, c.target])).toEqual([
      ['意见 c1', { kind: 'zone', id: onZone }],
      ['意见 c2', { kind: 'object', id: onObject }],
    ]);
    expect(saved.carried.tables.map((t) => [t.name, t.rows])).toEqual([['review_log', [['第一轮']]]]);
  });
});

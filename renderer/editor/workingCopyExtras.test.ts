import { afterEach, describe, expect, it } from 'vitest';
import { buildTekesSample } from '../../shared/sample/buildSample';
import { openDatabase, queryRows } from '../../shared/formats/geopackage/sqlite';
import { readProjectFile, writeProjectFile } from '../../shared/formats/projectFile';
import { syntheticReview } from '../../shared/review/syntheticReview';
import type { FileVersion } from '../../shared/review/model';
import { openMemoryStore } from '../testing/memoryStore';
import type { Store } from '../storage/store';
import { createFromFile, currentDocument, makeWorkingCopy, projectFileInput } from './projectSession';
import { Workbench } from './workbench';

let store: Store;
afterEach(() => store.close());

/** A received file: the sample with a review round, a named version, a reviewer's table and column. */
async function receivedFile() {
  const sample = buildTekesSample();
  const review = await syntheticReview(sample, 4);
  const old = {
    ...sample.zones[0]!,
    updatedAt: '2026-11-01T00:00:00.000Z',
    geometry: sample.zones[1]!.geometry,
  };
  const versions: FileVersion[] = [
    {
      header: {
        versionId: 'v-submitted',
        seq: 1,
        name: '送审稿',
        note: '',
        createdAt: '2026-11-30T08:00:00.000Z',
        author: null,
        contentHash: 'c'.repeat(64),
        counts: { objects: sample.objects.length, zones: sample.zones.length },
        origin: 'planner',
      },
      records: [{ table: 'zones', id: old.id, value: old }],
    },
  ];
  const written = await writeProjectFile(sample, {
    generator: 'other',
    review,
    versions,
    projectUid: 'lineage-x',
  });
  const db = await openDatabase(written);
  db.run("CREATE TABLE review_log (note TEXT); INSERT INTO review_log VALUES ('第一轮')");
  db.run('ALTER TABLE hzw_zones ADD COLUMN reviewer_flag TEXT');
  db.run("UPDATE hzw_zones SET reviewer_flag = '复核' WHERE id = ?", [sample.zones[0]!.id]);
  const bytes = db.export();
  db.close();
  return { bytes, sample, review, versions };
}

describe('a working copy of a received file', () => {
  it('keeps the file’s ids, review records, versions, lineage and carried content through a save', async () => {
    store = await openMemoryStore('working-copy-extras');
    const workbench = new Workbench(store, 'zh');
    const { bytes, sample, review, versions } = await receivedFile();
    const reviewId = (await createFromFile(
      workbench,
      await readProjectFile(bytes, 'received.hzw'),
      null,
      true,
    ))!;
    expect(await store.read.readOnly(reviewId)).toBe(true);
    expect(await store.read.lineage(reviewId)).toBe('lineage-x');

    await makeWorkingCopy(workbench);
    expect(workbench.projectId).not.toBe(reviewId);
    // The review copy holds the file's ids, so the copy's records got others in the store …
    const stored = await store.read.zonesOfProject(workbench.projectId);
    expect(stored.some((z) => sample.zones.some((s) => s.id === z.id))).toBe(false);
    // … yet the copy speaks the file's ids, so its review records still point at the right zones.
    const copy = await currentDocument(workbench);
    const pairs = (zones: typeof copy.zones) => zones.map((z) => [z.id, z.geometry]).sort();
    expect(pairs(copy.zones)).toEqual(pairs(sample.zones));

    const { document, options } = await projectFileInput(workbench);
    const saved = await writeProjectFile(document, options);
    const back = await readProjectFile(saved, 'saved.hzw');
    expect(back.zones.map((z) => z.id).sort()).toEqual(sample.zones.map((z) => z.id).sort());
    const byId = <T extends { entryId: string }>(list: readonly T[]) =>
      [...list].sort((a, b) => (a.entryId < b.entryId ? -1 : 1));
    expect(byId(back.review.comments)).toEqual(byId(review.comments));
    expect(byId(back.review.decisions)).toEqual(byId(review.decisions));
    expect(back.review.signoffs).toEqual(review.signoffs);
    expect(back.saved.projectUid).toBe('lineage-x');
    // The version still differs from the document in one zone, stored as that one record.
    expect(back.versions.map((v) => [v.header.name, v.header.origin, v.records])).toEqual([
      [versions[0]!.header.name, 'planner', versions[0]!.records],
    ]);
    // The column a reviewer added to the zones table stays on the same zone; the table too.
    const db = await openDatabase(saved);
    expect(queryRows(db, 'SELECT id, reviewer_flag FROM hzw_zones WHERE reviewer_flag IS NOT NULL')).toEqual([
      { id: sample.zones[0]!.id, reviewer_flag: '复核' },
    ]);
    db.close();
    expect(back.carried.tables.map((t) => [t.name, t.rows])).toEqual([['review_log', [['第一轮']]]]);
  });
});

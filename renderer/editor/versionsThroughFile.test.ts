import { afterEach, describe, expect, it } from 'vitest';
import { buildTekesSample } from '../../shared/sample/buildSample';
import { readProjectFile, writeProjectFile } from '../../shared/formats/projectFile';
import { contentHash, objectView, zoneView } from '../../shared/review/contentHash';
import { openMemoryStore, squareAround } from '../testing/memoryStore';
import type { Store } from '../storage/store';
import { createProject } from './commands/projectCommands';
import { createZone, deleteZones, setZoneGeometries } from './commands/zoneCommands';
import { createFromFile, currentDocument, projectFileInput } from './projectSession';
import { Workbench } from './workbench';

let stores: Store[] = [];
afterEach(() => {
  for (const s of stores) s.close();
  stores = [];
});

/** What a version is about: objects and zones as the content hash sees them, in id order. */
function content(state: { objects: readonly object[]; zones: readonly object[] }) {
  const byId = <T extends { id: string }>(list: T[]) => list.sort((a, b) => (a.id < b.id ? -1 : 1));
  return {
    objects: byId(state.objects.map((o) => objectView(o as never))),
    zones: byId(state.zones.map((z) => zoneView(z as never))),
  };
}

async function window(name: string) {
  const store = await openMemoryStore(name);
  stores.push(store);
  return new Workbench(store, 'zh');
}

describe('named versions through a project file', () => {
  it('rebuild the tagged states in another installation, months of edits later, with the hashes they were tagged with', async () => {
    const planner = await window('planner');
    const project = createProject(buildTekesSample());
    await planner.store.commit({ projectId: project.id, ...project });
    planner.state.set({ projectId: project.id });
    const store = planner.store;
    const zones = await store.read.zonesOfProject(project.id);

    const submitted = await store.versions.tagVersion(project.id, { name: '送审稿', note: '', author: null });
    const atSubmission = content(await currentDocument(planner));
    // The planner answers the review: one boundary moves, one zone goes, one is added.
    await planner.run(setZoneGeometries(new Map([[zones[0]!.id, squareAround(84.68, 44.43, 0.002)]])));
    await planner.run(deleteZones([zones[1]!.id]));
    const approved = await store.versions.tagVersion(project.id, { name: '批复稿', note: '', author: null });
    const atApproval = content(await currentDocument(planner));
    await planner.run(
      createZone({
        projectId: project.id,
        objectId: zones[0]!.objectId,
        attributes: { zoneType: 'construction_control_zone' },
        geometry: squareAround(84.7, 44.43, 0.003),
      }),
    );
    await planner.undo('edit');
    await planner.redo('edit');

    const { document, options } = await projectFileInput(planner);
    const bytes = await writeProjectFile(document, options);
    // Only changed records travel: the sample's other zones are not copied into the versions.
    const file = await readProjectFile(bytes, 'project.hzw');
    expect(file.versions.map((v) => [v.header.name, v.records.length])).toEqual([
      ['送审稿', 3],
      ['批复稿', 1],
    ]);

    const reviewer = await window('reviewer');
    const opened = (await createFromFile(reviewer, file, null, true))!;
    const versions = await reviewer.store.read.versions(opened);
    expect(versions.map((v) => [v.name, v.contentHash])).toEqual([
      ['送审稿', submitted.contentHash],
      ['批复稿', approved.contentHash],
    ]);
    const submittedThere = (await reviewer.store.read.versionState(opened, submitted.versionId))!;
    const approvedThere = (await reviewer.store.read.versionState(opened, approved.versionId))!;
    expect(content(submittedThere)).toEqual(atSubmission);
    expect(content(approvedThere)).toEqual(atApproval);
    // The hash a sign-off on the submitted state holds is the hash of what is rebuilt there.
    expect(await contentHash(submittedThere)).toBe(submitted.contentHash);
  });
});

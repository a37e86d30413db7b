import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProtectedObject, Zone } from '../../shared/domain/schema';
import { openStore, type Store } from './store';
import type { Put } from './records';
import { overlayAgainst } from './versionStore';
import { contentHash } from '../../shared/review/contentHash';

const at = '2026-01-01T00:00:00.000Z';
const HASH = 'a'.repeat(64);
const square = (x: number, size = 0.001) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [84 + x, 44],
      [84 + x + size, 44],
      [84 + x + size, 44 + size],
      [84 + x, 44 + size],
      [84 + x, 44],
    ],
  ],
});
const object = (p: string, i: number, name: string) =>
  ({
    id: `${p}-o${i}`,
    projectId: p,
    attributes: { name, objectType: 'relic_unit' },
    createdAt: at,
    updatedAt: at,
  }) as never;
const zone = (p: string, i: number, size: number, rules: string) =>
  ({
    id: `${p}-z${i}`,
    projectId: p,
    objectId: `${p}-o${i % 2}`,
    attributes: { zoneType: 'protection_range', rules },
    geometry: square(i * 0.01, size),
    createdAt: at,
    updatedAt: at,
  }) as never;

const put = (table: 'objects' | 'zones' | 'projects', key: string, value: unknown) =>
  ({ table, key, value }) as Put;

async function edit(store: Store, projectId: string, puts: Put[], undo: 'record' | 'skip' = 'record') {
  await store.commit({ projectId, label: { zh: '编辑', en: 'Edit' }, undo, build: () => puts });
}

async function newProject(store: Store, p: string) {
  await edit(
    store,
    p,
    [
      put('projects', p, { id: p, settings: { name: '乌苏', gkZone: 28 }, createdAt: at, updatedAt: at }),
      put('objects', `${p}-o0`, object(p, 0, '承化寺')),
      put('objects', `${p}-o1`, object(p, 1, '巴音沟')),
      put('zones', `${p}-z0`, zone(p, 0, 0.001, '')),
      put('zones', `${p}-z1`, zone(p, 1, 0.001, '')),
    ],
    'skip',
  );
}

type Snapshot = { objects: ProtectedObject[]; zones: Zone[] };
const byId = <T extends { id: string }>(records: readonly T[]) =>
  [...records].sort((a, b) => (a.id < b.id ? -1 : 1));
const sorted = (s: Snapshot) => ({ objects: byId(s.objects), zones: byId(s.zones) });
async function live(store: Store, p: string): Promise<Snapshot> {
  return sorted({ objects: await store.read.objectsOfProject(p), zones: await store.read.zonesOfProject(p) });
}

/** What the planner may do between and around tags. */
const operation = fc.oneof(
  fc.record({
    kind: fc.constant('zone' as const),
    i: fc.integer({ min: 0, max: 4 }),
    size: fc.integer({ min: 1, max: 3 }),
    rules: fc.constantFrom('', '不得建设', '限高 9 m'),
  }),
  fc.record({ kind: fc.constant('deleteZone' as const), i: fc.integer({ min: 0, max: 4 }) }),
  fc.record({
    kind: fc.constant('object' as const),
    i: fc.integer({ min: 0, max: 1 }),
    name: fc.constantFrom('承化寺', '巴音沟', '新名'),
  }),
  fc.record({ kind: fc.constant('undo' as const) }),
  fc.record({ kind: fc.constant('redo' as const) }),
  fc.record({ kind: fc.constant('tag' as const) }),
  fc.record({ kind: fc.constant('remove' as const), which: fc.nat() }),
  fc.record({ kind: fc.constant('import' as const), which: fc.nat() }),
);

describe('named versions, copy-on-write', () => {
  it('rebuild every tagged state exactly, whatever edits, undos, redos, deletions and imports follow', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 24 }), async (ops) => {
        const store = await openStore({
          name: `versions-${run++}`,
          indexedDB: new IDBFactory(),
          IDBKeyRange,
        });
        const p = 'p';
        await newProject(store, p);
        // Another project's versions and edits must never mix with this one's.
        await newProject(store, 'q');
        await store.commit({ outsideHistory: [{ kind: 'tagVersion', projectId: 'q', label: label('q0') }] });
        const qTagged = await live(store, 'q');
        const expected = new Map<string, Snapshot>();
        let n = 0;
        for (const op of ops) {
          switch (op.kind) {
            case 'zone':
              await edit(store, p, [put('zones', `${p}-z${op.i}`, zone(p, op.i, op.size * 0.001, op.rules))]);
              break;
            case 'deleteZone':
              await edit(store, p, [put('zones', `${p}-z${op.i}`, null)]);
              break;
            case 'object':
              await edit(store, p, [put('objects', `${p}-o${op.i}`, object(p, op.i, op.name))]);
              await edit(store, 'q', [put('objects', `q-o${op.i}`, object('q', op.i, op.name + '乙'))]);
              break;
            case 'undo':
              await store.undo(p);
              break;
            case 'redo':
              await store.redo(p);
              break;
            case 'tag': {
              const versionId = `v${n++}`;
              await store.commit({
                outsideHistory: [{ kind: 'tagVersion', projectId: p, label: label(versionId) }],
              });
              expected.set(versionId, await live(store, p));
              break;
            }
            case 'remove': {
              const ids = [...expected.keys()];
              if (ids.length === 0) break;
              const versionId = ids[op.which % ids.length]!;
              await store.commit({ outsideHistory: [{ kind: 'removeVersion', projectId: p, versionId }] });
              expected.delete(versionId);
              break;
            }
            case 'import': {
              // A version from a file: some earlier state (or the initial one) that is not live now.
              const states = [...expected.values()];
              const state = states.length ? states[op.which % states.length]! : await live(store, p);
              const versionId = `f${n++}`;
              const overlay = overlayAgainst(await live(store, p), state);
              const header = {
                ...label(versionId),
                seq: 7,
                counts: { objects: 0, zones: 0 },
                origin: 'file' as const,
              };
              await store.commit({
                outsideHistory: [{ kind: 'importVersion', projectId: p, header, overlay }],
              });
              expected.set(versionId, state);
            }
          }
        }
        for (const [versionId, state] of expected) {
          const rebuilt = await store.read.versionState(p, versionId);
          expect(sorted(rebuilt!), versionId).toEqual(state);
          // The delta a file stores, applied to the live records, gives the same state.
          const now = await live(store, p);
          const delta = await store.read.versionDelta(p, versionId);
          const apply = <T extends { id: string }>(table: 'objects' | 'zones', records: T[]) => {
            const out = new Map(records.map((r) => [r.id, r]));
            for (const d of delta[table])
              if (d.value) out.set(d.key, d.value as never);
              else out.delete(d.key);
            return byId([...out.values()]);
          };
          expect({ objects: apply('objects', now.objects), zones: apply('zones', now.zones) }).toEqual(state);
        }
        expect(sorted((await store.read.versionState('q', 'q0'))!)).toEqual(qTagged);
        expect((await store.read.versions(p)).map((v) => v.versionId).sort()).toEqual(
          [...expected.keys()].sort(),
        );
        store.close();
      }),
      { numRuns: 100 },
    );
  }, 120_000);
});

describe('tagging through the store', () => {
  it('binds the version to the content hash in document ids, so a working copy tags the same hash', async () => {
    const store = await openStore({ name: 'tag-hash', indexedDB: new IDBFactory(), IDBKeyRange });
    await newProject(store, 'a');
    // The same document stored under other ids (a file opened twice): the extras map them back.
    const copy = (await live(store, 'a')) as Snapshot;
    const rename = (id: string) => id.replace(/^a-/, 'b-');
    const puts = [
      put('projects', 'b', { id: 'b', settings: { name: '乌苏', gkZone: 28 }, createdAt: at, updatedAt: at }),
      ...copy.objects.map((o) => put('objects', rename(o.id), { ...o, id: rename(o.id), projectId: 'b' })),
      ...copy.zones.map((z) =>
        put('zones', rename(z.id), { ...z, id: rename(z.id), projectId: 'b', objectId: rename(z.objectId) }),
      ),
    ];
    const idMap = Object.fromEntries([...copy.objects, ...copy.zones].map((r) => [rename(r.id), r.id]));
    const carried = { tables: [], registrations: [], columns: [], meta: [] };
    await store.commit({
      projectId: 'b',
      label: { zh: '打开', en: 'Open' },
      undo: 'skip',
      build: () => puts,
      extras: () => ({ comments: [], carried, idMap }),
    });
    const author = { name: '王规划', organisation: '设计院' };
    const a = await store.versions.tagVersion('a', { name: '送审稿 2026-12', note: '第一次送审', author });
    const b = await store.versions.tagVersion('b', { name: '送审稿 2026-12', note: '', author });
    expect(a.contentHash).toBe(await contentHash(copy));
    expect(b.contentHash).toBe(a.contentHash);
    expect([a.seq, a.counts, a.origin, a.author]).toEqual([1, { objects: 2, zones: 2 }, 'planner', author]);

    // Any change gives another hash; the earlier version keeps its own.
    await edit(store, 'a', [put('zones', 'a-z0', zone('a', 0, 0.002, ''))]);
    const later = await store.versions.tagVersion('a', { name: '批复稿', note: '', author });
    expect(later.contentHash).not.toBe(a.contentHash);
    expect(later.seq).toBe(2);
    expect((await store.read.versions('a')).map((v) => v.contentHash)).toEqual([
      a.contentHash,
      later.contentHash,
    ]);

    await store.versions.renameVersion('a', a.versionId, '送审稿（一）', '已退回');
    expect((await store.read.versions('a'))[0]).toMatchObject({ name: '送审稿（一）', note: '已退回' });
    await expect(store.versions.renameVersion('a', a.versionId, '', '')).rejects.toThrow(/version name/);
    await expect(store.versions.tagVersion('a', { name: '稿\u0000', note: '', author })).rejects.toThrow(
      /version name/,
    );
    await store.versions.removeVersion('a', a.versionId);
    expect((await store.read.versions('a')).map((v) => v.name)).toEqual(['批复稿']);
    store.close();
  });
});

function label(versionId: string) {
  return { versionId, name: `送审稿 ${versionId}`, note: '', author: null, createdAt: at, contentHash: HASH };
}

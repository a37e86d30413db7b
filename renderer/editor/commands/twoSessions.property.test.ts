import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { CommitError } from '../../storage/commitError';
import type { ChangeSet } from '../../storage/records';
import { sameRecord } from '../../storage/sameRecord';
import { openStore, type Store } from '../../storage/store';
import { editArb, snapshot, toCommand } from '../../testing/randomEdits';
import { createProject } from './projectCommands';

const actionArb = fc.record({
  window: fc.constantFrom(0, 1),
  what: fc.oneof(
    { weight: 3, arbitrary: editArb.map((edit) => ({ kind: 'edit' as const, edit })) },
    fc.constant({ kind: 'undo' as const }),
    fc.constant({ kind: 'redo' as const }),
  ),
});

/** Every record of the document by `table/key`. */
async function records(store: Store): Promise<Map<string, unknown>> {
  const { projects, objects, zones } = await snapshot(store);
  const out = new Map<string, unknown>();
  for (const p of projects) out.set(`projects/${p.id}`, p);
  for (const o of objects) out.set(`objects/${o.id}`, o);
  for (const z of zones) out.set(`zones/${z.id}`, z);
  return out;
}

const valueIn = (state: Map<string, unknown>, id: string) => state.get(id) ?? null;

/** A window's model: its own steps, as the change sets it committed. */
interface Stacks {
  undo: ChangeSet[];
  redo: ChangeSet[];
}

describe('undo in two windows', () => {
  it('a window undoes and redoes only its own steps, exactly when no other change touched them since', async () => {
    let run = 0;
    let applied = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(actionArb, { minLength: 8, maxLength: 30 }), async (actions) => {
        const indexedDB = new IDBFactory();
        const name = `two-${run++}`;
        const windows = [
          await openStore({ name, indexedDB, IDBKeyRange }),
          await openStore({ name, indexedDB, IDBKeyRange }),
        ];
        const project = createProject({ settings: { name: 'p', gkZone: 28 }, objects: [], zones: [] });
        await windows[0]!.commit({ projectId: project.id, ...project });
        const stacks: Stacks[] = [
          { undo: [], redo: [] },
          { undo: [], redo: [] },
        ];
        for (const { window, what } of actions) {
          const store = windows[window]!;
          const own = stacks[window]!;
          if (what.kind === 'edit') {
            const command = await toCommand(store, project.id, what.edit);
            if (!command) continue;
            const { changes } = await store.commit({ projectId: project.id, ...command });
            if (changes.length === 0) continue;
            own.undo.push(changes);
            own.redo = [];
            continue;
          }
          const [from, to] = what.kind === 'undo' ? [own.undo, own.redo] : [own.redo, own.undo];
          const step = from.at(-1);
          const before = await records(store);
          if (!step) {
            expect(await store[what.kind](project.id)).toBeNull();
            continue;
          }
          // The step applies iff every record it touches still holds what the step left there.
          const [expected, target] = what.kind === 'undo' ? ['after', 'before'] : ['before', 'after'];
          const applies = step.every((c) =>
            sameRecord(valueIn(before, `${c.table}/${c.key}`), c[expected as 'after']),
          );
          const attempt = store[what.kind](project.id);
          if (!applies) {
            await expect(attempt).rejects.toBeInstanceOf(CommitError);
            expect(await records(store)).toEqual(before);
            refused++;
            continue;
          }
          await attempt;
          const now = await records(store);
          const touched = new Set(step.map((c) => `${c.table}/${c.key}`));
          for (const c of step) expect(valueIn(now, `${c.table}/${c.key}`)).toEqual(c[target as 'before']);
          for (const id of new Set([...before.keys(), ...now.keys()])) {
            if (!touched.has(id)) expect(now.get(id)).toEqual(before.get(id));
          }
          to.push(from.pop()!);
          applied++;
        }
        for (const w of windows) w.close();
      }),
      { numRuns: 60 },
    );
    // Both outcomes must be exercised, not just one.
    expect(applied).toBeGreaterThan(40);
    expect(refused).toBeGreaterThan(3);
  });
});

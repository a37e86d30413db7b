import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openMemoryStore } from '../../testing/memoryStore';
import { editArb, snapshot, toCommand } from '../../testing/randomEdits';
import { createProject } from './projectCommands';

describe('history', () => {
  it('applying an edit then its inverse restores the store exactly; undo n then redo n returns the same document', async () => {
    let run = 0;
    let steps = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(editArb, { minLength: 5, maxLength: 25 }), async (edits) => {
        const store = await openMemoryStore(`prop-${run++}`);
        const project = createProject({ settings: { name: 'p', gkZone: 28 }, objects: [], zones: [] });
        await store.commit({ projectId: project.id, ...project });
        const states = [await snapshot(store)];
        for (const edit of edits) {
          const command = await toCommand(store, project.id, edit);
          if (!command) continue;
          const result = await store.commit({ projectId: project.id, ...command });
          if (result.changes.length === 0) continue;
          const after = await snapshot(store);
          await store.undo(project.id);
          expect(await snapshot(store)).toEqual(states.at(-1));
          await store.redo(project.id);
          expect(await snapshot(store)).toEqual(after);
          states.push(after);
          steps++;
        }
        for (let i = states.length - 2; i >= 0; i--) {
          await store.undo(project.id);
          expect(await snapshot(store)).toEqual(states[i]);
        }
        expect(await store.undo(project.id)).toBeNull();
        for (let i = 1; i < states.length; i++) await store.redo(project.id);
        expect(await snapshot(store)).toEqual(states.at(-1));
        store.close();
      }),
      { numRuns: 60 },
    );
    // The generator must actually exercise the history, not just skip edits.
    expect(steps).toBeGreaterThan(200);
  });
});

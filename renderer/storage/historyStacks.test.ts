import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stackSession } from './history';
import { reviewRecordKey, type HistoryStack, type Put } from './records';
import { openStore } from './store';

const at = '2026-12-03T09:00:00.000Z';
const square = (x: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [84 + x, 44],
      [84.001 + x, 44],
      [84.001 + x, 44.001],
      [84 + x, 44],
    ],
  ],
});
const zone = (i: number, rules: string) =>
  ({
    id: `z${i}`,
    projectId: 'p',
    objectId: 'o',
    attributes: { zoneType: 'protection_range', rules },
    geometry: square(i * 0.01),
    createdAt: at,
    updatedAt: at,
  }) as never;
const comment = (n: number) => {
  const value = {
    id: reviewRecordKey('p', `c${n}`),
    projectId: 'p',
    entryId: `c${n}`,
    threadId: `c${n}`,
    kind: 'comment',
    parents: [],
    text: `意见 ${n}`,
    status: 'open',
    author: { name: '李审', organisation: '' },
    createdAt: at,
    anchor: { kind: 'project', at: null },
  };
  return { table: 'comments', key: value.id, value } as Put;
};

/** A stack as a planner sees it: the steps, and how many of them are applied. */
class ModelStack<S> {
  steps: S[] = [];
  applied = 0;
  push(step: S) {
    this.steps = [...this.steps.slice(0, this.applied), step];
    this.applied++;
  }
}

const operation = fc.oneof(
  fc.record({
    kind: fc.constant('edit' as const),
    i: fc.integer({ min: 0, max: 2 }),
    rules: fc.constantFrom('', '甲', '乙'),
  }),
  fc.record({ kind: fc.constant('comment' as const) }),
  fc.record({
    kind: fc.constantFrom('undo' as const, 'redo' as const),
    stack: fc.constantFrom<HistoryStack>('edit', 'review'),
  }),
);

describe('the edit and review undo stacks of a window', () => {
  it('never touch each other, whatever edits, comments, undos and redos interleave', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 30 }), async (ops) => {
        const store = await openStore({ name: `stacks-${run++}`, indexedDB: new IDBFactory(), IDBKeyRange });
        await store.commit({
          projectId: 'p',
          label: { zh: '新建', en: 'New' },
          undo: 'skip',
          build: () =>
            [
              {
                table: 'projects',
                key: 'p',
                value: { id: 'p', settings: { name: '乌苏', gkZone: 28 }, createdAt: at, updatedAt: at },
              },
              {
                table: 'objects',
                key: 'o',
                value: {
                  id: 'o',
                  projectId: 'p',
                  attributes: { name: '城墙', objectType: 'relic_unit' },
                  createdAt: at,
                  updatedAt: at,
                },
              },
              ...[0, 1, 2].map((i) => ({ table: 'zones', key: `z${i}`, value: zone(i, '') })),
            ] as Put[],
        });
        const rules = ['', '', ''];
        const edits = new ModelStack<{ i: number; before: string; after: string }>();
        const reviews = new ModelStack<number>();
        let next = 0;
        const commitOn = (stack: HistoryStack, puts: Put[]) =>
          store.commit({
            projectId: 'p',
            label: { zh: '步', en: 'Step' },
            undo: 'record',
            session: stackSession(store.session, stack),
            build: () => puts,
          });
        for (const op of ops) {
          if (op.kind === 'edit') {
            await commitOn('edit', [{ table: 'zones', key: `z${op.i}`, value: zone(op.i, op.rules) } as Put]);
            // A put that changes nothing is no step.
            if (rules[op.i] !== op.rules) edits.push({ i: op.i, before: rules[op.i]!, after: op.rules });
            rules[op.i] = op.rules;
          } else if (op.kind === 'comment') {
            await commitOn('review', [comment(next)]);
            reviews.push(next++);
          } else {
            const model = op.stack === 'edit' ? edits : reviews;
            const result = await store[op.kind]('p', op.stack);
            const can = op.kind === 'undo' ? model.applied > 0 : model.applied < model.steps.length;
            expect(result !== null).toBe(can);
            if (!can) continue;
            if (op.kind === 'undo') model.applied--;
            const step = model.steps[model.applied]!;
            if (op.kind === 'redo') model.applied++;
            if (op.stack === 'edit') {
              const { i, before, after } = step as { i: number; before: string; after: string };
              rules[i] = op.kind === 'undo' ? before : after;
            }
          }
          const zones = await store.read.zonesOfProject('p');
          expect(zones.map((z) => z.attributes.rules)).toEqual(rules);
          const comments = (await store.read.comments('p')).map((c) => c.entryId).sort();
          expect(comments).toEqual(
            reviews.steps
              .slice(0, reviews.applied)
              .map((n) => `c${n}`)
              .sort(),
          );
        }
        store.close();
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});

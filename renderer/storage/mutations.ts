import Dexie from 'dexie';
import type { TableName } from './records';

/**
 * Which records of the document tables a committed transaction touched — in this window, in a
 * worker, or in another window (Dexie relays its `storagemutated` event between them over a
 * BroadcastChannel). Keys, not values: a listener reads only those keys back. `'all'` means the
 * transaction changed a range of the table (a delete by query), so the keys are not known.
 */
export type Mutated = Partial<Record<TableName, ReadonlySet<string> | 'all'>>;

const TABLES: readonly TableName[] = ['projects', 'objects', 'zones'];

interface RangeNode {
  from?: unknown;
  to?: unknown;
  d?: number;
  l?: RangeNode | null;
  r?: RangeNode | null;
}

/** The single keys of a Dexie range set, or 'all' when it holds a range of keys. */
function keysOf(tree: RangeNode | undefined): Set<string> | 'all' {
  const keys = new Set<string>();
  const stack: RangeNode[] = tree ? [tree] : [];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.l) stack.push(node.l);
    if (node.r) stack.push(node.r);
    if (!node.d) continue;
    if (node.from !== node.to || typeof node.from !== 'string') return 'all';
    keys.add(node.from);
  }
  return keys;
}

/** Parse Dexie's observability set for one database into changed keys per document table. */
export function mutatedIn(dbName: string, parts: Record<string, unknown>): Mutated | null {
  if ('all' in parts) return { projects: 'all', objects: 'all', zones: 'all' };
  let found: Mutated | null = null;
  for (const table of TABLES) {
    const tree = parts[`idb://${dbName}/${table}/`] as RangeNode | undefined;
    if (!tree) continue;
    const keys = keysOf(tree);
    if (keys !== 'all' && keys.size === 0) continue;
    (found ??= {})[table] = keys;
  }
  return found;
}

/** Call `listener` after every committed transaction that touched the database's document tables. */
export function watchMutations(dbName: string, listener: (mutated: Mutated) => void): () => void {
  const handler = (parts: Record<string, unknown>) => {
    const mutated = mutatedIn(dbName, parts);
    if (mutated) listener(mutated);
  };
  Dexie.on('storagemutated', handler);
  return () => Dexie.on('storagemutated').unsubscribe(handler);
}

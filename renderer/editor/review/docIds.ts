/**
 * Store ids ↔ document ids. A file opened twice or a working copy may have had ids re-keyed in the
 * store (`FileExtras.idMap`, store id → document id); every hash, anchor, decision and merge uses
 * document ids. The planner's own project has no map: both directions are the identity.
 */
export interface DocIds {
  toDoc(storeId: string): string;
  toStore(docId: string): string;
}

export function docIds(idMap: Readonly<Record<string, string>> | undefined | null): DocIds {
  if (!idMap || Object.keys(idMap).length === 0) return IDENTITY;
  const back = new Map(Object.entries(idMap).map(([store, doc]) => [doc, store]));
  return {
    toDoc: (id) => idMap[id] ?? id,
    toStore: (id) => back.get(id) ?? id,
  };
}

const IDENTITY: DocIds = { toDoc: (id) => id, toStore: (id) => id };

import type { DBCore, DBCoreCursor, DBCoreTable, Middleware } from 'dexie';
import { fromStoredRecord, toStoredRecord } from '../../shared/domain/packedGeometry';
import type { Zone } from '../../shared/domain/schema';

/**
 * Zones are kept in IndexedDB with their geometry packed (shared/domain/packedGeometry.ts) and
 * read back as lean records: IndexedDB clones one typed array per zone instead of one array per
 * vertex, which was most of the time of writing an import, of re-reading it, and of opening a
 * county's project. Everything above Dexie's core sees ordinary zone records (`geometry` is an
 * enumerable getter), so commands, the write door's checks, history and exports are unchanged.
 * A zone stored nested (before this) is read as it is; the next write of it packs it.
 */
export const packedZones: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'packedZones',
  create: (down) => ({
    ...down,
    table(name) {
      const table = down.table(name);
      return name === 'zones' ? packedTable(table) : table;
    },
  }),
};

const read = (value: unknown): unknown => (value === undefined ? value : fromStoredRecord(value as Zone));

function packedTable(table: DBCoreTable): DBCoreTable {
  return {
    ...table,
    mutate: (request) =>
      request.type === 'add' || request.type === 'put'
        ? table.mutate({ ...request, values: request.values.map((v: Zone) => toStoredRecord(v)) })
        : table.mutate(request),
    get: async (request) => read(await table.get(request)),
    getMany: async (request) => (await table.getMany(request)).map(read),
    query: async (request) => {
      const response = await table.query(request);
      return request.values ? { ...response, result: response.result.map(read) } : response;
    },
    openCursor: async (request) => {
      const cursor = await table.openCursor(request);
      return cursor && request.values ? readingCursor(cursor) : cursor;
    },
  };
}

/**
 * The cursor, its value read lean (once per stored value). Dexie's cursor is the browser's
 * IDBCursor with Dexie's methods added: its native getters and methods must be called on the
 * cursor itself, so they are forwarded (as Dexie's own virtual cursors do); Dexie's methods stay
 * inherited and call these through `this`.
 */
function readingCursor(cursor: DBCoreCursor): DBCoreCursor {
  let seen: unknown;
  let lean: unknown;
  return Object.create(cursor, {
    key: { get: () => cursor.key },
    primaryKey: { get: () => cursor.primaryKey },
    value: {
      get() {
        const value: unknown = cursor.value;
        if (value !== seen) [seen, lean] = [value, read(value)];
        return lean;
      },
    },
    continue: { value: (key?: unknown) => cursor.continue(key) },
    continuePrimaryKey: {
      value: (key: unknown, primaryKey: unknown) => cursor.continuePrimaryKey(key, primaryKey),
    },
    advance: { value: (count: number) => cursor.advance(count) },
  }) as DBCoreCursor;
}

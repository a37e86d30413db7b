import { quoteName, type Database } from './sqlite';

/**
 * The GeoPackage R-tree spatial index (extension gpkg_rtree_index) of one geometry column,
 * written without SQLite's R*Tree module, which the sql.js build lacks. SQLite keeps an R-tree in
 * three ordinary tables (SQLite's ext/rtree/rtree.c, "Database Format of R-Tree Tables"); we
 * bulk-load the tree (sort-tile-recursive), write those tables, and declare the virtual table in
 * sqlite_schema as `CREATE VIRTUAL TABLE … USING rtree(id, minx, maxx, miny, maxy)` would. Any
 * SQLite with the module (GDAL, QGIS, the sqlite3 shell) then uses and updates it as its own:
 * the triggers are the spec's, so edits made there keep the index current.
 */
export interface RtreeEntry {
  id: number;
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

/** Cells per node: SQLite's RTREE_MAXCELLS, which bounds the node size for 4 KiB pages. */
const MAX_CELLS = 51;
/** Bytes per cell in two dimensions: an 8-byte id and four 4-byte floats. */
const CELL_BYTES = 24;
/** Every node is this long: SQLite takes the size from the root node's blob. */
const NODE_BYTES = 4 + CELL_BYTES * MAX_CELLS;
/** SQLite's rounding constants for storing doubles as 32-bit floats outward (rtreeValueDown/Up). */
const TOWARDS = 1 - 1 / 8388608;
const AWAY = 1 + 1 / 8388608;

/** The largest float32 not above d, as SQLite's R-tree stores a minimum. */
export function floatDown(d: number): number {
  const f = Math.fround(d);
  return f > d ? Math.fround(d * (d < 0 ? AWAY : TOWARDS)) : f;
}

/** The smallest float32 not below d, as SQLite's R-tree stores a maximum. */
export function floatUp(d: number): number {
  const f = Math.fround(d);
  return f < d ? Math.fround(d * (d < 0 ? TOWARDS : AWAY)) : f;
}

interface Node {
  /** Ids of rows (leaves) or node numbers of children. */
  ids: number[];
  boxes: RtreeEntry[];
  box: RtreeEntry;
  nodeno: number;
}

function union(boxes: readonly RtreeEntry[], id: number): RtreeEntry {
  const box = { id, minX: Infinity, maxX: -Infinity, minY: Infinity, maxY: -Infinity };
  for (const b of boxes) {
    box.minX = Math.min(box.minX, b.minX);
    box.maxX = Math.max(box.maxX, b.maxX);
    box.minY = Math.min(box.minY, b.minY);
    box.maxY = Math.max(box.maxY, b.maxY);
  }
  return box;
}

/** Sort-tile-recursive packing of one level: vertical slices by x, then runs of MAX_CELLS by y. */
function pack(boxes: RtreeEntry[]): RtreeEntry[][] {
  const nodes = Math.ceil(boxes.length / MAX_CELLS);
  const slices = Math.ceil(Math.sqrt(nodes));
  const perSlice = slices * MAX_CELLS;
  const cx = (b: RtreeEntry) => b.minX + b.maxX;
  const cy = (b: RtreeEntry) => b.minY + b.maxY;
  const sorted = boxes.slice().sort((a, b) => cx(a) - cx(b) || a.id - b.id);
  const groups: RtreeEntry[][] = [];
  for (let s = 0; s < sorted.length; s += perSlice) {
    const slice = sorted.slice(s, s + perSlice).sort((a, b) => cy(a) - cy(b) || a.id - b.id);
    for (let i = 0; i < slice.length; i += MAX_CELLS) groups.push(slice.slice(i, i + MAX_CELLS));
  }
  return groups;
}

/** The tree's levels, leaves first; the last level holds the root alone. */
function buildLevels(entries: readonly RtreeEntry[]): Node[][] {
  const leaves = pack(entries.slice()).map((boxes) => ({
    ids: boxes.map((b) => b.id),
    boxes,
    box: union(boxes, 0),
    nodeno: 0,
  }));
  const levels: Node[][] = [leaves.length ? leaves : [{ ids: [], boxes: [], box: union([], 0), nodeno: 0 }]];
  while (levels.at(-1)!.length > 1) {
    const below = levels.at(-1)!;
    const boxes = below.map((node, i) => ({ ...node.box, id: i }));
    levels.push(
      pack(boxes).map((group) => ({
        ids: group.map((b) => b.id), // indices into `below` until numbered
        boxes: group,
        box: union(group, 0),
        nodeno: 0,
      })),
    );
  }
  return levels;
}

function nodeBlob(node: Node, depth: number | null): Uint8Array {
  const blob = new Uint8Array(NODE_BYTES);
  const view = new DataView(blob.buffer);
  view.setUint16(0, depth ?? 0);
  view.setUint16(2, node.ids.length);
  node.ids.forEach((id, i) => {
    const at = 4 + i * CELL_BYTES;
    const b = node.boxes[i]!;
    view.setBigInt64(at, BigInt(id));
    view.setFloat32(at + 8, b.minX);
    view.setFloat32(at + 12, b.maxX);
    view.setFloat32(at + 16, b.minY);
    view.setFloat32(at + 20, b.maxY);
  });
  return blob;
}

/** Insert many rows of numbers with one statement (json_each), not one statement call per row. */
function insertRows(db: Database, table: string, columns: string, rows: number[][]): void {
  const names = columns.split(',');
  const values = names.map((_, i) => `json_extract(value, '$[${i}]')`).join(', ');
  for (let i = 0; i < rows.length; i += 50_000)
    db.run(`INSERT INTO ${table} (${columns}) SELECT ${values} FROM json_each(?)`, [
      JSON.stringify(rows.slice(i, i + 50_000)),
    ]);
}

/** The spec's triggers (GeoPackage 1.3, Annex F.3) that keep the index current on edits. */
function triggers(t: string, c: string, i: string): string[] {
  const rtree = quoteName(`rtree_${t}_${c}`);
  const name = (suffix: string) => quoteName(`rtree_${t}_${c}_${suffix}`);
  const [qt, qc, qi] = [quoteName(t), quoteName(c), quoteName(i)];
  const notEmpty = `NEW.${qc} NOT NULL AND NOT ST_IsEmpty(NEW.${qc})`;
  const empty = `NEW.${qc} IS NULL OR ST_IsEmpty(NEW.${qc})`;
  const insert = `INSERT OR REPLACE INTO ${rtree} VALUES (NEW.${qi}, ST_MinX(NEW.${qc}), ST_MaxX(NEW.${qc}), ST_MinY(NEW.${qc}), ST_MaxY(NEW.${qc}));`;
  return [
    `CREATE TRIGGER ${name('insert')} AFTER INSERT ON ${qt} WHEN (${notEmpty}) BEGIN ${insert} END`,
    `CREATE TRIGGER ${name('update1')} AFTER UPDATE OF ${qc} ON ${qt} WHEN OLD.${qi} = NEW.${qi} AND (${notEmpty}) BEGIN ${insert} END`,
    `CREATE TRIGGER ${name('update2')} AFTER UPDATE OF ${qc} ON ${qt} WHEN OLD.${qi} = NEW.${qi} AND (${empty}) BEGIN DELETE FROM ${rtree} WHERE id = OLD.${qi}; END`,
    `CREATE TRIGGER ${name('update3')} AFTER UPDATE OF ${qc} ON ${qt} WHEN OLD.${qi} != NEW.${qi} AND (${notEmpty}) BEGIN DELETE FROM ${rtree} WHERE id = OLD.${qi}; ${insert} END`,
    `CREATE TRIGGER ${name('update4')} AFTER UPDATE ON ${qt} WHEN OLD.${qi} != NEW.${qi} AND (${empty}) BEGIN DELETE FROM ${rtree} WHERE id IN (OLD.${qi}, NEW.${qi}); END`,
    `CREATE TRIGGER ${name('delete')} AFTER DELETE ON ${qt} WHEN OLD.${qc} NOT NULL BEGIN DELETE FROM ${rtree} WHERE id = OLD.${qi}; END`,
  ];
}

/**
 * Write the R-tree index of `table.column` (key column `key`) holding `entries` — one per row
 * with a non-empty geometry, boxes in the table's coordinates — and register the extension.
 */
export function writeRtree(
  db: Database,
  table: string,
  column: string,
  key: string,
  entries: readonly RtreeEntry[],
): void {
  const name = `rtree_${table}_${column}`;
  const stored = entries.map((e) => ({
    id: e.id,
    minX: floatDown(e.minX),
    maxX: floatUp(e.maxX),
    minY: floatDown(e.minY),
    maxY: floatUp(e.maxY),
  }));
  const levels = buildLevels(stored);
  // Node numbers: the root is 1 (SQLite's rule), then level by level from the top.
  let next = 1;
  for (let level = levels.length - 1; level >= 0; level--)
    for (const node of levels[level]!) node.nodeno = next++;
  const nodes: [number, Uint8Array][] = [];
  const parents: number[][] = [];
  const rowids: number[][] = [];
  levels.forEach((level, depth) => {
    for (const node of level) {
      if (depth === 0) for (const id of node.ids) rowids.push([id, node.nodeno]);
      else {
        const below = levels[depth - 1]!;
        node.ids = node.ids.map((index) => below[index]!.nodeno);
        node.boxes = node.boxes.map((b, i) => ({ ...b, id: node.ids[i]! }));
        for (const child of node.ids) parents.push([child, node.nodeno]);
      }
      nodes.push([node.nodeno, nodeBlob(node, node.nodeno === 1 ? levels.length - 1 : null)]);
    }
  });
  const shadow = (suffix: string) => quoteName(`${name}_${suffix}`);
  db.run(`CREATE TABLE ${shadow('node')}(nodeno INTEGER PRIMARY KEY,data)`);
  db.run(`CREATE TABLE ${shadow('parent')}(nodeno INTEGER PRIMARY KEY,parentnode)`);
  db.run(`CREATE TABLE ${shadow('rowid')}(rowid INTEGER PRIMARY KEY,nodeno)`);
  const statement = db.prepare(`INSERT INTO ${shadow('node')} VALUES (?, ?)`);
  try {
    for (const [nodeno, data] of nodes) statement.run([nodeno, data]);
  } finally {
    statement.free();
  }
  insertRows(db, shadow('parent'), 'nodeno,parentnode', parents);
  insertRows(db, shadow('rowid'), 'rowid,nodeno', rowids);
  for (const sql of triggers(table, column, key)) db.run(sql);
  db.run(`CREATE TABLE IF NOT EXISTS gpkg_extensions (
    table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL, definition TEXT NOT NULL,
    scope TEXT NOT NULL, CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name))`);
  db.run(
    "INSERT INTO gpkg_extensions VALUES (?, ?, 'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')",
    [table, column],
  );
  // The virtual table itself, as CREATE VIRTUAL TABLE records it (SQLite parses it on open).
  db.run('PRAGMA writable_schema = ON');
  db.run("INSERT INTO sqlite_schema (type, name, tbl_name, rootpage, sql) VALUES ('table', ?, ?, 0, ?)", [
    name,
    name,
    `CREATE VIRTUAL TABLE ${quoteName(name)} USING rtree(id, minx, maxx, miny, maxy)`,
  ]);
  db.run('PRAGMA writable_schema = OFF');
}

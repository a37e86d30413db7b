import type { FieldDef, FieldType, FieldValue, Layer, LayerGeometry, Progress } from '../layer';
import { getProperty } from '../layer';
import { encodeGeometry, envelopeOf } from './geometryBlob';
import { ensureSrs, initGeoPackage } from './schema';
import { openDatabase, quoteName, type Database, type SqlValue } from './sqlite';
import { writeRtree, type RtreeEntry } from './writeRtree';

export interface GeoPackageWriteOptions {
  /** Time stamped into gpkg_contents.last_change; now by default. */
  now?: Date;
}

const SQL_TYPES: Record<FieldType, string> = {
  string: 'TEXT',
  integer: 'INTEGER',
  real: 'DOUBLE',
  boolean: 'BOOLEAN',
  date: 'DATE',
};

/** The geometry_type_name for a layer: one type, Polygon promoted to MultiPolygon when mixed. */
function columnType(features: Layer['features']): { name: string; promote: boolean } {
  const types = new Set(features.flatMap((f) => (f.geometry ? [f.geometry.type] : [])));
  if (types.size === 0) return { name: 'GEOMETRY', promote: false };
  if (types.size === 1) return { name: [...types][0]!.toUpperCase(), promote: false };
  const families = [
    ['Polygon', 'MultiPolygon'],
    ['LineString', 'MultiLineString'],
    ['Point', 'MultiPoint'],
  ];
  const family = families.find((names) => [...types].every((t) => names.includes(t)));
  return family ? { name: family[1]!.toUpperCase(), promote: true } : { name: 'GEOMETRY', promote: false };
}

/** The declared column type: TEXT(n) for a schema's fixed-width text (GDAL reads String(n)). */
function sqlType(field: FieldDef): string {
  if (field.type === 'string' && field.fixed && field.width) return `TEXT(${field.width})`;
  return SQL_TYPES[field.type];
}

function promoted(g: LayerGeometry): LayerGeometry {
  if (g.type === 'Polygon') return { type: 'MultiPolygon', coordinates: [g.coordinates] };
  if (g.type === 'LineString') return { type: 'MultiLineString', coordinates: [g.coordinates] };
  if (g.type === 'Point') return { type: 'MultiPoint', coordinates: [g.coordinates] };
  return g;
}

function sqlValue(value: FieldValue | undefined, type: FieldType): SqlValue {
  if (value === null || value === undefined) return null;
  if (type === 'boolean') return value ? 1 : 0;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if ((type === 'integer' || type === 'real') && typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : value;
  }
  return value;
}

/** Column names unique without regard to case (SQLite compares them so), never the key or geometry. */
function columnNames(fields: readonly FieldDef[], reserved: readonly string[]): string[] {
  const used = new Set(reserved.map((r) => r.toLowerCase()));
  return fields.map((field) => {
    let name = field.name || 'field';
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${field.name}_${n}`;
    used.add(name.toLowerCase());
    return name;
  });
}

/**
 * Add one table to a GeoPackage: a feature table (with a geometry column) or, when `geometry` is
 * false, an attributes table. Registers it in gpkg_contents (and gpkg_geometry_columns).
 */
export function addTable(
  db: Database,
  layer: Layer,
  options: {
    tableName: string;
    geometry: boolean;
    now: Date;
    description?: string;
    /** The declared geometry type (e.g. 'POINT'), so an empty layer is not declared GEOMETRY. */
    geometryType?: string;
  },
  progress: Progress = () => {},
): void {
  const table = quoteName(options.tableName);
  const key = layer.fields.some((f) => f.name.toLowerCase() === 'fid') ? 'gpkg_fid' : 'fid';
  const geomColumn = layer.fields.some((f) => f.name.toLowerCase() === 'geom') ? 'gpkg_geom' : 'geom';
  const names = columnNames(layer.fields, [key, geomColumn]);
  const type = options.geometryType
    ? { name: options.geometryType, promote: false }
    : columnType(layer.features);
  const columns = [
    `${quoteName(key)} INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL`,
    ...(options.geometry ? [`${quoteName(geomColumn)} ${type.name}`] : []),
    ...layer.fields.map((f, i) => `${quoteName(names[i]!)} ${sqlType(f)}`),
  ];
  db.run(`CREATE TABLE ${table} (${columns.join(', ')})`);
  const srsId = options.geometry ? ensureSrs(db, layer.epsg) : null;
  const insertColumns = [key, ...(options.geometry ? [geomColumn] : []), ...names].map(quoteName);
  const statement = db.prepare(
    `INSERT INTO ${table} (${insertColumns.join(', ')}) VALUES (${insertColumns.map(() => '?').join(', ')})`,
  );
  let extent: [number, number, number, number] | null = null;
  const index: RtreeEntry[] = [];
  try {
    layer.features.forEach((feature, i) => {
      if (i % 500 === 0) progress(i / Math.max(1, layer.features.length));
      const values: SqlValue[] = layer.fields.map((f) =>
        sqlValue(getProperty(feature.properties, f.name), f.type),
      );
      // Feature ids 1, 2, … in layer order, stated so the spatial index can name them.
      const fid = i + 1;
      if (options.geometry) {
        const g = feature.geometry && (type.promote ? promoted(feature.geometry) : feature.geometry);
        const envelope = g && envelopeOf(g);
        if (envelope) {
          extent = extent ? grow(extent, envelope) : envelope;
          const [minX, maxX, minY, maxY] = envelope;
          index.push({ id: fid, minX, maxX, minY, maxY });
        }
        values.unshift(g ? encodeGeometry(g, srsId!, envelope) : null);
      }
      values.unshift(fid);
      statement.run(values);
    });
  } finally {
    statement.free();
  }
  if (options.geometry) writeRtree(db, options.tableName, geomColumn, key, index);
  // `extent` is assigned inside the loop's callback, which narrowing cannot see.
  const box = extent as [number, number, number, number] | null;
  const [minX, maxX, minY, maxY] = box ?? [null, null, null, null];
  db.run(
    'INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change, min_x, min_y, max_x, max_y, srs_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    [
      options.tableName,
      options.geometry ? 'features' : 'attributes',
      layer.name || options.tableName,
      options.description ?? '',
      options.now.toISOString(),
      minX,
      minY,
      maxX,
      maxY,
      srsId,
    ],
  );
  if (options.geometry) {
    db.run(
      'INSERT INTO gpkg_geometry_columns (table_name, column_name, geometry_type_name, srs_id, z, m) VALUES (?, ?, ?, ?, 0, 0)',
      [options.tableName, geomColumn, type.name, srsId],
    );
  }
  progress(1);
}

function grow(a: [number, number, number, number], b: [number, number, number, number]) {
  return [Math.min(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.max(a[3], b[3])] as [
    number,
    number,
    number,
    number,
  ];
}

/** A table name from a layer name that is unique in this file and not a gpkg_/sqlite_ name. */
export function tableNameFor(name: string, used: Set<string>): string {
  let base = name.trim() || 'layer';
  if (/^(gpkg_|sqlite_|rtree_)/i.test(base)) base = `layer_${base}`;
  let candidate = base;
  for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${base}_${n}`;
  used.add(candidate.toLowerCase());
  return candidate;
}

/** Write layers as one OGC GeoPackage 1.3 file, one feature table per layer. */
export async function writeGeoPackage(
  layers: readonly Layer[],
  options: GeoPackageWriteOptions = {},
  progress: Progress = () => {},
): Promise<Uint8Array> {
  const db = await openDatabase();
  try {
    initGeoPackage(db);
    db.run('BEGIN');
    const used = new Set<string>();
    layers.forEach((layer, i) => {
      const step = (f: number) => progress((i + f) / layers.length);
      addTable(
        db,
        layer,
        { tableName: tableNameFor(layer.name, used), geometry: true, now: options.now ?? new Date() },
        step,
      );
    });
    db.run('COMMIT');
    return db.export();
  } finally {
    db.close();
  }
}

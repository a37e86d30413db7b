import type { Bilingual } from '../../domain/labels';
import { FormatError, fileProblem } from '../formatError';
import { openSqliteFile } from './openSqliteFile';
import { queryRows, storedTables, type Database } from './sqlite';

/**
 * MBTiles (a SQLite file of map tiles, rows counted from the bottom as in TMS). sql.js holds the
 * whole database in memory, so packages above MAX_MBTILES_BYTES are refused with the way out:
 * convert them to PMTiles, which is read by range.
 */
export const MAX_MBTILES_BYTES = 512 * 1024 * 1024;

const RASTER_FORMATS: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
};

export interface MbtilesInfo {
  mimeType: string;
  minZoom: number;
  maxZoom: number;
  /** lon/lat west, south, east, north, when the metadata says. */
  bounds: [number, number, number, number] | null;
}

export interface Mbtiles {
  info: MbtilesInfo;
  /** One tile by XYZ numbering (rows from the top); null where the package has none. */
  tile(z: number, x: number, y: number): Uint8Array | null;
  close(): void;
}

export function mbtilesTooLarge(name: string, size: number): FormatError | null {
  if (size <= MAX_MBTILES_BYTES) return null;
  return new FormatError(name, [
    fileProblem('', {
      zh: `MBTiles 超过 ${MAX_MBTILES_BYTES / 1024 / 1024} MB，无法整体载入。请先转换为 PMTiles（pmtiles convert a.mbtiles a.pmtiles），PMTiles 按需读取，不限大小`,
      en: `The MBTiles file is larger than ${MAX_MBTILES_BYTES / 1024 / 1024} MB and cannot be loaded whole. Convert it to PMTiles (pmtiles convert a.mbtiles a.pmtiles), which is read by range at any size`,
    }),
  ]);
}

/** `tiles` may be the usual view over `map` and `images` (deduplicated packages); nothing else. */
function checkTiles(db: Database, name: string, refuse: (r: Bilingual) => FormatError): void {
  const stored = storedTables(db);
  if (stored.has('tiles')) return;
  const view = queryRows(
    db,
    "SELECT sql FROM sqlite_master WHERE type = 'view' AND lower(name) = 'tiles'",
  )[0];
  const sql = String(view?.sql ?? '').toLowerCase();
  const tables = [...sql.matchAll(/\b(?:from|join)\s+["`[]?(\w+)/g)].map((m) => m[1]);
  if (view && tables.length > 0 && tables.every((t) => (t === 'map' || t === 'images') && stored.has(t)))
    return;
  throw refuse(
    view
      ? {
          zh: 'tiles 视图不是标准的 map/images 结构，不予读取',
          en: 'The tiles view is not the standard map/images join; not read',
        }
      : { zh: '缺少 tiles 表，不是 MBTiles 文件', en: 'There is no tiles table; not an MBTiles file' },
  );
}

export async function openMbtiles(bytes: Uint8Array, name: string): Promise<Mbtiles> {
  const tooLarge = mbtilesTooLarge(name, bytes.byteLength);
  if (tooLarge) throw tooLarge;
  const refuse = (reason: Bilingual) => new FormatError(name, [fileProblem('', reason)]);
  const db = await openSqliteFile(bytes, name);
  try {
    checkTiles(db, name, refuse);
    const metadata = new Map(
      (storedTables(db).has('metadata') ? queryRows(db, 'SELECT name, value FROM metadata') : []).map((r) => [
        String(r.name).toLowerCase(),
        String(r.value ?? ''),
      ]),
    );
    const format = (metadata.get('format') ?? 'png').toLowerCase();
    const mimeType = RASTER_FORMATS[format];
    if (!mimeType)
      throw refuse(
        format === 'pbf' || format === 'mvt'
          ? {
              zh: '这是矢量瓦片包（pbf），只能显示栅格瓦片包',
              en: 'This is a vector tile package (pbf); only raster packages are shown',
            }
          : { zh: `瓦片格式 ${format} 无法显示`, en: `Tiles in ${format} format cannot be shown` },
      );
    const zooms = queryRows(db, 'SELECT min(zoom_level) AS lo, max(zoom_level) AS hi FROM tiles')[0] ?? {};
    const number = (key: string, fallback: unknown) => {
      const v = Number(metadata.get(key) ?? fallback);
      return Number.isInteger(v) && v >= 0 && v <= 30 ? v : 0;
    };
    const b = (metadata.get('bounds') ?? '').split(',').map(Number);
    const bounds =
      b.length === 4 && b.every(Number.isFinite) && b[0]! < b[2]! && b[1]! < b[3]!
        ? (b as [number, number, number, number])
        : null;
    const info: MbtilesInfo = {
      mimeType,
      minZoom: number('minzoom', zooms.lo),
      maxZoom: number('maxzoom', zooms.hi),
      bounds,
    };
    const statement = db.prepare(
      'SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ? LIMIT 1',
    );
    return {
      info,
      tile(z, x, y) {
        // MBTiles rows count from the bottom (TMS); the map's from the top.
        statement.bind([z, x, 2 ** z - 1 - y]);
        try {
          if (!statement.step()) return null;
          const data = statement.get()[0];
          return data instanceof Uint8Array ? data : null;
        } finally {
          statement.reset();
        }
      },
      close() {
        statement.free();
        db.close();
      },
    };
  } catch (error) {
    db.close();
    throw error;
  }
}

import { FormatError, fileProblem } from '../formatError';
import type { NamedBytes } from '../layer';
import { looksLikeZip, readZip, ZipError, type ZipLimits, DEFAULT_ZIP_LIMITS } from '../zip/zip';

/**
 * Group the files of one or more Shapefiles: zips are opened (any folder depth, GBK names
 * handled by readZip) and every .shp is paired with the .shx/.dbf/.prj/.cpg of the same base
 * name in the same folder, compared case-insensitively (PARCELS.SHP + parcels.dbf). A .dbf
 * without a .shp is a set of its own, read as an attribute table (as GDAL opens one).
 */
export interface ShapefileSet {
  /** Base name without folder or extension: the layer name. */
  name: string;
  /** Folder and base name, as shown in messages. */
  path: string;
  /** Absent for a lone .dbf (an attribute table). */
  shp?: NamedBytes;
  shx?: NamedBytes;
  dbf?: NamedBytes;
  prj?: NamedBytes;
  cpg?: NamedBytes;
}

const SIDECARS = ['shx', 'dbf', 'prj', 'cpg'] as const;

function split(name: string): { key: string; base: string; ext: string } {
  const clean = name.replace(/\\/g, '/');
  const dot = clean.lastIndexOf('.');
  const slash = clean.lastIndexOf('/');
  if (dot <= slash) return { key: clean.toLowerCase(), base: clean.slice(slash + 1), ext: '' };
  return {
    key: clean.slice(0, dot).toLowerCase(),
    base: clean.slice(slash + 1, dot),
    ext: clean.slice(dot + 1).toLowerCase(),
  };
}

function expand(files: readonly NamedBytes[], limits: ZipLimits): NamedBytes[] {
  const out: NamedBytes[] = [];
  for (const f of files) {
    if (split(f.name).ext === 'zip' || looksLikeZip(f.bytes)) {
      try {
        for (const entry of readZip(f.bytes, limits)) {
          if (/(^|\/)__MACOSX\//.test(entry.name) || /(^|\/)\._/.test(entry.name)) continue; // macOS resource forks
          out.push({ name: `${f.name.replace(/\.zip$/i, '')}/${entry.name}`, bytes: entry.bytes });
        }
      } catch (error) {
        if (error instanceof ZipError) throw new FormatError(f.name, [fileProblem('zip', error.reason)]);
        throw error;
      }
    } else out.push(f);
  }
  return out;
}

export function shapefileSets(
  files: readonly NamedBytes[],
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): ShapefileSet[] {
  const all = expand(files, limits);
  const byKey = new Map<string, Partial<Record<string, NamedBytes>>>();
  for (const f of all) {
    const { key, ext } = split(f.name);
    let group = byKey.get(key);
    if (!group) byKey.set(key, (group = {}));
    group[ext] = f;
  }
  const sets: ShapefileSet[] = [];
  for (const [, group] of byKey) {
    const shp = group['shp'];
    const main = shp ?? group['dbf'];
    if (!main) continue;
    const { base } = split(main.name);
    const set: ShapefileSet = { name: base, path: main.name.replace(/\.(shp|dbf)$/i, '') };
    if (shp) set.shp = shp;
    for (const ext of SIDECARS) if (group[ext]) set[ext] = group[ext];
    sets.push(set);
  }
  if (!sets.length) {
    const names = files.map((f) => f.name).join(', ');
    throw new FormatError(names, [
      fileProblem('shp', {
        zh: `没有找到 .shp 文件（${names}）；Shapefile 至少需要 .shp，最好连同 .dbf、.shx、.prj`,
        en: `No .shp file found (${names}); a shapefile needs at least the .shp, ideally with .dbf, .shx and .prj`,
      }),
    ]);
  }
  // The same base name in two folders: keep the folder in the layer name.
  const counts = new Map<string, number>();
  for (const s of sets) counts.set(s.name.toLowerCase(), (counts.get(s.name.toLowerCase()) ?? 0) + 1);
  for (const s of sets) if (counts.get(s.name.toLowerCase())! > 1) s.name = s.path;
  return sets;
}

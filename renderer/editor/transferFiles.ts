import type { NamedBytes } from '../../shared/formats/layer';
import { ZONE_TYPES, ZONE_TYPE_LABELS, type ZoneType } from '../../shared/domain/taxonomy';
import { resolveZoneType } from '../../shared/formats/geojson/zoneTypeNames';

/** The parts of a shapefile that only make sense together with their .shp. */
const SHAPEFILE_PARTS = new Set(['shp', 'shx', 'dbf', 'prj', 'cpg', 'qix', 'sbn', 'sbx', 'xml']);

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

export function baseNameOf(name: string): string {
  const file = name.replace(/^.*[\\/]/, '');
  const dot = file.lastIndexOf('.');
  return dot <= 0 ? file : file.slice(0, dot);
}

/**
 * Split picked or dropped files into the data sets to import: a shapefile's .shp, .dbf, .prj and
 * .cpg (same base name) travel together; every other file is a set of its own. Order is kept.
 */
export function groupImportFiles<F extends NamedBytes>(files: readonly F[]): F[][] {
  const sets: F[][] = [];
  const shapefiles = new Map<string, F[]>();
  for (const file of files) {
    if (!SHAPEFILE_PARTS.has(extensionOf(file.name))) {
      sets.push([file]);
      continue;
    }
    const key = baseNameOf(file.name).toLowerCase();
    let set = shapefiles.get(key);
    if (!set) {
      set = [];
      shapefiles.set(key, set);
      sets.push(set);
    }
    set.push(file);
  }
  return sets;
}

/** A name for a file set in messages: the .shp (or first) file's name. */
export function fileSetName(files: readonly NamedBytes[]): string {
  return (files.find((f) => extensionOf(f.name) === 'shp') ?? files[0])?.name ?? '';
}

/**
 * The zone type a CAD layer (or KML folder) name suggests: an exact code or label, else the
 * longest Chinese label the name contains ("保护范围线" → protection_range, "建控地带" is not
 * guessed). Null when nothing fits; the planner then chooses.
 */
export function suggestZoneType(layerName: string): ZoneType | null {
  const exact = resolveZoneType(layerName);
  if (exact) return exact;
  const name = layerName.toLowerCase();
  let best: { type: ZoneType; length: number } | null = null;
  for (const type of ZONE_TYPES) {
    for (const label of [ZONE_TYPE_LABELS[type].zh, type]) {
      if (name.includes(label.toLowerCase()) && (!best || label.length > best.length))
        best = { type, length: label.length };
    }
  }
  return best?.type ?? null;
}

import type { Aligned, Finding } from './corpusChecks';
import type { GdalFeature, GdalLayer } from './corpusGdal';
import type { OursLayer } from './corpusOurs';

/**
 * The comparison rules that hold for every file of a format (docs/formats.md, "Third-party
 * corpus"): how GDAL's layers pair with ours, how features pair up, which fields are compared.
 * What differs for one file is listed in the manifest instead.
 */
export type Format = 'prj' | 'shapefile' | 'geopackage' | 'kml' | 'dxf' | 'geojson';

export function formatOf(file: string): Format {
  const ext = /\.([^.]+)$/.exec(file)?.[1]?.toLowerCase() ?? '';
  if (['prj', 'qpj', 'def'].includes(ext)) return 'prj';
  if (ext === 'gpkg') return 'geopackage';
  if (ext === 'kml' || ext === 'kmz') return 'kml';
  if (ext === 'dxf') return 'dxf';
  if (ext === 'geojson' || ext === 'json') return 'geojson';
  return 'shapefile';
}

/** Fields GDAL's LIBKML driver adds to every KML layer (time, view, style); none carries zone data. */
const LIBKML_FIELDS = new Set([
  'timestamp',
  'begin',
  'end',
  'altitudeMode',
  'tessellate',
  'extrude',
  'visibility',
  'drawOrder',
  'icon',
  'snippet',
]);

/**
 * GDAL's field → ours. DXF: the CAD layer and the entity handle (GDAL's other fields describe
 * drawing style, ours entity/colour/closed). KML: GDAL's `Name` is our `name`; our `folder` is
 * what GDAL makes layers of. Elsewhere every field under its own name.
 */
export function fieldPairs(format: Format, gdal: readonly string[]): [string, string][] {
  if (format === 'dxf')
    return [
      ['Layer', 'layer'],
      ['EntityHandle', 'handle'],
    ];
  if (format === 'kml')
    return gdal.filter((n) => !LIBKML_FIELDS.has(n)).map((n) => [n, n === 'Name' ? 'name' : n]);
  return gdal.map((n) => [n, n]);
}

/** Our fields that GDAL's field names should match (KML: all but `folder`, which GDAL makes layers of). */
export function ownFields(format: Format, ours: readonly string[]): string[] {
  return format === 'kml' ? ours.filter((n) => n !== 'folder') : [...ours];
}

export interface LayerPair {
  key: string;
  gdal: GdalLayer[];
  ours: OursLayer;
}

/**
 * GDAL's layers matched with ours by name. A single layer on each side pairs whatever the names
 * (a DXF is always GDAL's `entities`); KML folders, which GDAL makes layers of, all pair with our
 * one layer, in GDAL's order.
 */
export function pairLayers(
  format: Format,
  gdal: GdalLayer[],
  ours: OursLayer[],
  findings: Finding[],
): LayerPair[] {
  if (format === 'kml' && ours.length === 1 && gdal.length > 0)
    return [{ key: ours[0]!.layer.name, gdal, ours: ours[0]! }];
  if (gdal.length === 1 && ours.length === 1) {
    const [g, o] = [gdal[0]!, ours[0]!];
    if (format !== 'dxf' && g.name !== o.layer.name)
      findings.push({ what: 'layers', detail: `GDAL names the layer "${g.name}", ours "${o.layer.name}"` });
    return [{ key: g.name, gdal: [g], ours: o }];
  }
  const pairs: LayerPair[] = [];
  const missing: string[] = [];
  for (const g of gdal) {
    const o = ours.find((l) => l.layer.name === g.name);
    if (o) pairs.push({ key: g.name, gdal: [g], ours: o });
    else missing.push(`${g.name} (${g.geometry}, ${g.count} features)`);
  }
  const extra = ours.filter((o) => !gdal.some((g) => g.name === o.layer.name)).map((o) => o.layer.name);
  const parts = [
    missing.length ? `GDAL only: ${missing.join(', ')}` : '',
    extra.length ? `ours only: ${extra.join(', ')}` : '',
  ];
  if (missing.length || extra.length)
    findings.push({ what: 'layers', detail: parts.filter(Boolean).join('; ') });
  return pairs;
}

/**
 * The key a DXF entity is paired by: its handle and which occurrence of it this is (some writers
 * repeat handles). Null in drawings without handles (R12 often has none).
 */
function handleKeys(handles: readonly unknown[]): (string | null)[] {
  const seen = new Map<string, number>();
  return handles.map((h) => {
    if (typeof h !== 'string' || !h) return null;
    const n = seen.get(h) ?? 0;
    seen.set(h, n + 1);
    return `${h}#${n}`;
  });
}

/** The entity kind GDAL reports (last AutoCAD subclass, e.g. AcDbText; else its geometry type). */
const kindOf = (g: GdalFeature) =>
  String(g.properties.SubClasses ?? '')
    .split(':')
    .pop() ||
  (g.geometry?.type ?? 'NoGeometry');

const nameOf = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/**
 * Feature pairs. DXF by entity handle when the drawing has handles; everything else in file order,
 * skipping the records we refused; KML, where GDAL reads more than placemarks (a GroundOverlay's
 * footprint), by name in order. Null when the features cannot be paired.
 */
export function align(
  format: Format,
  gdal: GdalFeature[],
  ours: OursLayer,
  refused: number[],
): Aligned[] | null {
  const features = ours.layer.features;
  const gdalKeys = handleKeys(gdal.map((g) => g.properties.EntityHandle));
  if (format === 'dxf' && gdalKeys.every((k) => k !== null)) {
    const oursKeys = handleKeys(features.map((f) => f.properties.handle));
    const byKey = new Map(features.map((f, i) => [oursKeys[i], f]));
    return gdal.flatMap((g, index) => {
      const o = byKey.get(gdalKeys[index]!);
      return o ? [{ gdal: g, ours: o, index }] : [];
    });
  }
  if (gdal.length === features.length)
    return gdal.map((g, index) => ({ gdal: g, ours: features[index]!, index }));
  const skip = new Set(refused);
  if (format === 'kml' && !skip.size) {
    const pairs: Aligned[] = [];
    gdal.forEach((g, index) => {
      const o = features[pairs.length];
      if (o && nameOf(g.properties.Name) === nameOf(o.properties.name))
        pairs.push({ gdal: g, ours: o, index });
    });
    return pairs.length === features.length ? pairs : null;
  }
  if (format === 'dxf' || gdal.length !== features.length + skip.size) return null;
  const kept = gdal.map((g, index) => ({ g, index })).filter(({ index }) => !skip.has(index));
  return kept.map(({ g, index }, k) => ({ gdal: g, ours: features[k]!, index }));
}

/**
 * Feature counts. In a DXF each entity kind GDAL reads and we do not is its own difference
 * (`count:<layer>/AcDbText`), since some are left out by design (text) and some are not.
 */
export function countFindings(
  format: Format,
  key: string,
  gdal: GdalFeature[],
  ours: OursLayer,
  problems: string[],
): Finding[] {
  const features = ours.layer.features;
  const gdalKeys = handleKeys(gdal.map((g) => g.properties.EntityHandle));
  const byHandle = gdalKeys.every((k) => k !== null);
  if (format === 'dxf' && (byHandle || !features.length)) {
    const oursKeys = new Set(handleKeys(features.map((f) => f.properties.handle)));
    const missing = new Map<string, GdalFeature[]>();
    gdal.forEach((g, i) => {
      if (byHandle && oursKeys.has(gdalKeys[i]!)) return;
      missing.set(kindOf(g), [...(missing.get(kindOf(g)) ?? []), g]);
    });
    const findings = [...missing].map(([kind, list]) => ({
      what: `count:${key}/${kind}`,
      detail: `GDAL reads ${list.length} ${kind} (${[...new Set(list.map((g) => g.geometry?.type ?? 'null'))].join(', ')}), ours none`,
    }));
    const theirs = new Set(gdalKeys);
    const extra = [...oursKeys].filter((k) => !theirs.has(k)).length;
    if (extra && byHandle)
      findings.push({ what: `count:${key}/ours-only`, detail: `ours reads ${extra} entities GDAL does not` });
    return findings;
  }
  if (gdal.length === features.length) return [];
  const refused = problems.length ? `; ours refused: ${problems.slice(0, 3).join(' | ')}` : '';
  return [
    { what: `count:${key}`, detail: `GDAL ${gdal.length} features, ours ${features.length}${refused}` },
  ];
}

/**
 * GDAL reads a closed DXF polyline as a closed LineString, we as a Polygon (a zone boundary):
 * the same ring, compared as such.
 */
export function asOurType(format: Format, pair: Aligned): Aligned {
  const g = pair.gdal.geometry;
  const o = pair.ours.geometry;
  if (format !== 'dxf' || g?.type !== 'LineString' || o?.type !== 'Polygon' || o.coordinates.length !== 1)
    return pair;
  const [first, last] = [g.coordinates[0], g.coordinates.at(-1)];
  const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  if (!first || !last || !near(first[0]!, last[0]!) || !near(first[1]!, last[1]!)) return pair;
  return { ...pair, gdal: { ...pair.gdal, geometry: { type: 'Polygon', coordinates: [g.coordinates] } } };
}

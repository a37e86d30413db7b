import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { describeCrs } from '../../shared/crs/crsDef';
import { DEFAULT_DEVIATION } from '../../shared/geometry/densify';
import type { CorpusEntry } from '../fixtures/corpus/corpusTypes';
import {
  geometryTypes,
  heights,
  nameSets,
  positions,
  values,
  type Aligned,
  type Finding,
} from './corpusChecks';
import { comparePrj, layerCrsFinding } from './corpusCrs';
import {
  align,
  asOurType,
  countFindings,
  fieldPairs,
  formatOf,
  ownFields,
  pairLayers,
  type Format,
  type LayerPair,
} from './corpusFormats';
import { gdalFeatures, gdalLayers, type Dataset, type GdalFeature, type GdalOptions } from './corpusGdal';
import { fingerprintOf } from './corpusGdalCache';
import { metres, planar } from './corpusGeometry';
import { convertOurs, readOurs, type OursConverted } from './corpusOurs';

/**
 * One corpus entry read by GDAL and by us (as `hzw info` and `hzw convert` do), compared layer
 * by layer. Each difference is a Finding keyed `<check>[:<layer>[/<field>]]`, the key the
 * manifest lists differences by.
 */

/** Positions read natively agree to 1e-12 of their magnitude (GDAL prints 15 decimals). */
const RELATIVE_TOLERANCE = 1e-12;
/** Lon/lat output (ours: 7 decimals, RFC 7946) within 1 cm of GDAL's ogr2ogr -t_srs EPSG:4326. */
const LON_LAT_TOLERANCE_M = 0.01;

const relative = (a: number[], b: number[]) => planar(a, b) / Math.max(1, Math.hypot(a[0]!, a[1]!));

const firstLine = (error: unknown) =>
  String((error as { stderr?: string }).stderr || (error as Error).message)
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l && !/^Warning/.test(l)) ?? 'unknown error';

/**
 * What GDAL opens: the file itself, a zip through /vsizip/, or the manifest's dataset name. GDAL
 * writes the .shx it restores (SHAPE_RESTORE_SHX) beside the .shp, so such sets go to a copy.
 */
function gdalDataset(entry: CorpusEntry, path: string, copies: string[]): Dataset {
  const fingerprint = fingerprintOf(path);
  if (entry.gdal?.dataset) return { path: entry.gdal.dataset.replace('{file}', path), fingerprint };
  if (entry.gdal?.config?.SHAPE_RESTORE_SHX) {
    const copy = mkdtempSync(join(tmpdir(), 'hzw-corpus-'));
    copies.push(copy);
    const base = basename(path).replace(/\.[^.]*$/, '');
    for (const name of readdirSync(dirname(path)))
      if (name.startsWith(`${base}.`)) copyFileSync(join(dirname(path), name), join(copy, name));
    return { path: join(copy, basename(path)), fingerprint };
  }
  return { path: /\.zip$/i.test(path) ? `/vsizip/${path}` : path, fingerprint };
}

/**
 * GDAL's options for an entry: the manifest's, over the format's own. A DXF block reference is
 * expanded into one feature per block entity, as we expand it (GDAL would merge them into one).
 */
function gdalOptions(entry: CorpusEntry, format: Format): GdalOptions {
  const own: Record<string, string> = format === 'dxf' ? { DXF_MERGE_BLOCK_GEOMETRIES: 'FALSE' } : {};
  return { ...entry.gdal, config: { ...own, ...entry.gdal?.config } };
}

interface LayerContext {
  format: Format;
  dataset: Dataset;
  entry: CorpusEntry;
  gdal: GdalOptions;
  problems: { index: number | null; text: string }[];
  converted: OursConverted;
  findings: Finding[];
}

type Note = (check: string, detail: string | null, field?: string) => void;

/** Geometry and attributes of the paired features. */
function compareFeatures(c: LayerContext, pair: LayerPair, pairs: Aligned[], note: Note): void {
  const curve = c.entry.curveTolerance ?? (c.format === 'dxf' ? DEFAULT_DEVIATION : 0);
  note('geometry-type', geometryTypes(pairs));
  note(
    'coordinates',
    curve
      ? positions(pairs, planar, curve, 'units')
      : positions(pairs, relative, RELATIVE_TOLERANCE, '(relative)'),
  );
  note('z', heights(pairs));
  const gdalNames = [...new Set(pair.gdal.flatMap((l) => l.fields.map((f) => f.name)))];
  const oursNames = pair.ours.layer.fields.map((f) => f.name);
  const mapped = fieldPairs(c.format, gdalNames);
  const theirs = mapped.map(([, n]) => n);
  if (c.format !== 'dxf') note('fields', nameSets(theirs, ownFields(c.format, oursNames)));
  for (const [g, n] of mapped) if (oursNames.includes(n)) note('values', values(pairs, g, n), n);
}

/**
 * GDAL's lon/lat reading of the layer (`ogr2ogr -t_srs EPSG:4326`); a layer already in EPSG:4326
 * is its own. Null when GDAL cannot place it on the earth (no CRS, or one it cannot transform).
 */
async function gdalLonLat(c: LayerContext, pair: LayerPair, native: GdalFeature[], note: Note) {
  const srs = pair.gdal[0]!.srs;
  if (!srs) return null;
  if (pair.gdal.every((l) => l.srs !== null && /ID\["EPSG",4326\]\]$/.test(l.srs))) return native;
  try {
    const options = { ...c.gdal, lonLat: true };
    return (await Promise.all(pair.gdal.map((l) => gdalFeatures(c.dataset, l.name, options)))).flat();
  } catch (error) {
    const crs = pair.ours.crs;
    if (crs !== null)
      note('crs', `GDAL cannot bring its CRS to lon/lat (${firstLine(error)}); ours ${describeCrs(crs).en}`);
    return null;
  }
}

async function compareLayer(c: LayerContext, pair: LayerPair): Promise<void> {
  const o = c.gdal;
  const note: Note = (check, detail, field) => {
    if (detail !== null) c.findings.push({ what: `${check}:${pair.key}${field ? `/${field}` : ''}`, detail });
  };
  let gdal: GdalFeature[];
  try {
    gdal = (await Promise.all(pair.gdal.map((l) => gdalFeatures(c.dataset, l.name, o)))).flat();
  } catch (error) {
    // GDAL failing on a layer we find empty is agreement; failing on one we read is a difference.
    const count = pair.ours.layer.features.length;
    if (count) note('gdal', `GDAL cannot read the features (${firstLine(error)}); ours reads ${count}`);
    return;
  }
  const problems = c.problems.map((p) => p.text);
  c.findings.push(...countFindings(c.format, pair.key, gdal, pair.ours, problems));
  const refused = c.problems.map((p) => p.index).filter((i): i is number => i !== null);
  const pairs = align(c.format, gdal, pair.ours, refused)?.map((p) => asOurType(c.format, p)) ?? null;
  if (pairs) compareFeatures(c, pair, pairs, note);

  const lonLat = await gdalLonLat(c, pair, gdal, note);
  if (lonLat === null) {
    if (!pair.gdal[0]!.srs) note('crs', await layerCrsFinding(null, pair.ours, gdal, []));
    return;
  }
  note('crs', await layerCrsFinding(pair.gdal[0]!.srs, pair.ours, gdal, lonLat));
  if (!c.converted.ok) {
    // GDAL brings the layer to lon/lat; `hzw convert` must too.
    if (!c.findings.some((f) => f.what === 'convert'))
      c.findings.push({ what: 'convert', detail: c.converted.error });
    return;
  }
  const converted = c.converted.layers.get(pair.ours.layer.name);
  if (!converted || !pairs) return;
  const lonLatPairs = pairs.map((p, k) =>
    asOurType(c.format, { index: p.index, gdal: lonLat[p.index]!, ours: converted[k]! }),
  );
  note('lonlat', positions(lonLatPairs, metres, LON_LAT_TOLERANCE_M, 'm'));
}

export async function compareEntry(entry: CorpusEntry, root: string): Promise<Finding[]> {
  const path = join(root, entry.file);
  if (formatOf(entry.file) === 'prj') return comparePrj(path);
  const copies: string[] = [];
  try {
    return await compareData(entry, path, gdalDataset(entry, path, copies));
  } finally {
    for (const copy of copies) rmSync(copy, { recursive: true, force: true });
  }
}

async function compareData(entry: CorpusEntry, path: string, dataset: Dataset): Promise<Finding[]> {
  const format = formatOf(entry.file);
  const cli = entry.hzw ?? {};
  const options = gdalOptions(entry, format);
  const [gdal, ours, converted] = await Promise.all([
    gdalLayers(dataset, options).catch((error: unknown) => new Error(firstLine(error))),
    readOurs(path, cli),
    convertOurs(path, cli),
  ]);
  if (gdal instanceof Error) {
    // Both refusing a file is agreement; GDAL refusing what we read is a difference.
    if (!ours.ok) return [];
    const counts = ours.layers.map((l) => l.layer.features.length).join('+');
    return [{ what: 'gdal', detail: `GDAL cannot open it (${gdal.message}); ours reads ${counts} features` }];
  }
  if (!ours.ok) return [{ what: 'read', detail: ours.error }];
  const findings: Finding[] = [];
  const problems = ours.problems.map((p) => ({
    index: p.index,
    text: `#${p.index ?? '-'} ${p.field}: ${p.reason.en}`,
  }));
  const pairs = pairLayers(format, gdal, ours.layers, findings);
  const context = { format, dataset, entry, gdal: options, problems, converted, findings };
  for (const pair of pairs) await compareLayer(context, pair);
  return findings;
}

import type { LayerGeometry } from '../../shared/formats/layer';
import type { GdalFeature } from './corpusGdal';
import { geometryGap, heightsOf, partsOf, type Metric } from './corpusGeometry';

/**
 * The per-feature comparisons of the corpus test, free of I/O: each returns the detail text of a
 * difference, or null when GDAL's and our readings agree.
 */
export interface Finding {
  what: string;
  detail: string;
}

export interface OursFeature {
  geometry: LayerGeometry | null;
  properties: Record<string, unknown>;
}

/** Feature pairs (GDAL's index, ours) the checks walk. */
export interface Aligned {
  gdal: GdalFeature;
  ours: OursFeature;
  index: number;
}

const EXAMPLES = 3;
const list = (items: string[]) =>
  items.slice(0, EXAMPLES).join('; ') + (items.length > EXAMPLES ? `; … (${items.length} in all)` : '');
const show = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v) : String(v));

/** A geometry's type; an empty one (GDAL writes `POLYGON EMPTY` as a Polygon without rings) is none. */
export const typeOf = (g: LayerGeometry | null): string =>
  g && partsOf(g).some((part) => part.length > 0) ? g.type : 'null';

export function geometryTypes(pairs: readonly Aligned[]): string | null {
  const bad = pairs
    .filter((p) => typeOf(p.gdal.geometry) !== typeOf(p.ours.geometry))
    .map((p) => `#${p.index} GDAL ${typeOf(p.gdal.geometry)}, ours ${typeOf(p.ours.geometry)}`);
  return bad.length ? list(bad) : null;
}

/** Positions (x/y) within `tolerance` of each other, in the metric's units. */
export function positions(
  pairs: readonly Aligned[],
  metric: Metric,
  tolerance: number,
  unit: string,
): string | null {
  const bad: string[] = [];
  let worst = 0;
  for (const p of pairs) {
    const type = typeOf(p.gdal.geometry);
    if (type === 'null' || type !== typeOf(p.ours.geometry)) continue;
    const { gap, by } = geometryGap(p.gdal.geometry, p.ours.geometry, metric);
    if (gap > tolerance) {
      worst = Math.max(worst, gap);
      bad.push(
        by === 'parts'
          ? `#${p.index} different number of parts/rings`
          : `#${p.index} ${gap.toPrecision(3)} ${unit} (${by})`,
      );
    }
  }
  return bad.length ? `largest gap ${worst.toPrecision(3)} ${unit}: ${list(bad)}` : null;
}

/** Heights GDAL reads that we lose or change. */
export function heights(pairs: readonly Aligned[]): string | null {
  const bad: string[] = [];
  for (const p of pairs) {
    const g = heightsOf(p.gdal.geometry);
    const o = heightsOf(p.ours.geometry);
    const lost = g.some((z, i) => z !== null && z !== 0 && (o[i] ?? null) === null);
    const changed = g.some(
      (z, i) => z !== null && o[i] != null && Math.abs(z - o[i]!) > 1e-9 * Math.max(1, Math.abs(z)),
    );
    if (lost) bad.push(`#${p.index} GDAL z=${g.find((z) => z !== null && z !== 0)}, ours none`);
    else if (changed) bad.push(`#${p.index} z differs`);
  }
  return bad.length ? list(bad) : null;
}

/**
 * Values as a planner reads them: text without surrounding blanks (an empty text is no value),
 * dates as YYYY-MM-DD (GDAL's GeoJSON writes YYYY/MM/DD).
 */
function normalise(v: unknown): unknown {
  if (v === undefined) return null;
  if (typeof v !== 'string') return v;
  const text = v.trim();
  if (text === '') return null;
  return /^\d{4}\/\d\d\/\d\d/.test(text) ? text.replace(/\//g, '-') : text;
}

const sameNumber = (a: number, b: number) => a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));

/** Equal as a planner reads them; a number and the same number as text (a typed column) agree. */
export function sameValue(gdal: unknown, ours: unknown): boolean {
  const a = normalise(gdal);
  const b = normalise(ours);
  if (typeof a === 'number' && typeof b === 'number') return sameNumber(a, b);
  if (typeof a === 'number' && typeof b === 'string') return b !== '' && sameNumber(a, Number(b));
  if (typeof a === 'string' && typeof b === 'number') return a !== '' && sameNumber(Number(a), b);
  return a === b;
}

/** Values of one field (GDAL's name → ours) in every pair. */
export function values(pairs: readonly Aligned[], gdalField: string, oursField: string): string | null {
  const bad = pairs
    .filter((p) => !sameValue(p.gdal.properties[gdalField], p.ours.properties[oursField]))
    .map(
      (p) =>
        `#${p.index} GDAL ${show(p.gdal.properties[gdalField])}, ours ${show(p.ours.properties[oursField])}`,
    );
  return bad.length ? list(bad) : null;
}

export function nameSets(gdal: readonly string[], ours: readonly string[]): string | null {
  const missing = gdal.filter((n) => !ours.includes(n));
  const extra = ours.filter((n) => !gdal.includes(n));
  if (!missing.length && !extra.length) return null;
  return [
    missing.length ? `GDAL only: ${missing.join(', ')}` : '',
    extra.length ? `ours only: ${extra.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('; ');
}

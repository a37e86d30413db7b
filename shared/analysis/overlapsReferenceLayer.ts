import type { Position } from '../domain/geometry';
import type { Bilingual } from '../domain/labels';
import { gkProjection } from '../geometry/jsts/projection';
import type { Layer, LayerGeometry } from '../formats/layer';

/** The national control lines, plus any other polygon layer. */
export const REFERENCE_KINDS = [
  'ecological_red_line',
  'permanent_basic_farmland',
  'urban_development_boundary',
  'other',
] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];
export const REFERENCE_KIND_LABELS: Record<ReferenceKind, Bilingual> = {
  ecological_red_line: { zh: '生态保护红线', en: 'Ecological red line' },
  permanent_basic_farmland: { zh: '永久基本农田', en: 'Permanent basic farmland' },
  urban_development_boundary: { zh: '城镇开发边界', en: 'Urban development boundary' },
  other: { zh: '其他参考图层', en: 'Other reference layer' },
};

/**
 * A read-only reference layer packed into flat typed arrays, so 100 000 polygons with millions of
 * vertices store in IndexedDB, cross into workers and feed WebGL without per-vertex objects.
 * Vertices are interleaved [x, y, x, y, …]: `lonLat` in CGCS2000 degrees (for the map) and `gk` in
 * unprefixed Gauss-Krüger metres of `gkZone` (for analysis). Offsets have one entry more than
 * items: ring r spans vertices ringStarts[r] … ringStarts[r+1] (closed), polygon p spans rings
 * polygonRings[p] … polygonRings[p+1] (outer first), feature f spans polygons
 * featurePolygons[f] … featurePolygons[f+1]. `polygonBoxes` holds [minX, minY, maxX, maxY] in GK
 * metres per polygon.
 */
export interface ReferenceLayerData {
  id: string;
  projectId: string;
  name: string;
  kind: ReferenceKind;
  sourceFile: string;
  gkZone: number;
  featureCount: number;
  vertexCount: number;
  lonLat: Float64Array;
  gk: Float64Array;
  ringStarts: Uint32Array;
  polygonRings: Uint32Array;
  featurePolygons: Uint32Array;
  polygonBoxes: Float64Array;
  /** One short label per feature (a name or code attribute when there is one), for lists. */
  labels: string[];
  visible: boolean;
  createdAt: string;
}

const LABEL_FIELDS = /^(name|名称|mc|dlmc|hxmc|dkmc|bsm|code|id|dkbh|编号)$/i;

function polygonsOfGeometry(g: LayerGeometry | null): number[][][][] {
  if (!g) return [];
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  return [];
}

/**
 * Pack a lon/lat layer (EPSG:4490, as the import mapping produces) for `gkZone`. Features without
 * polygons are skipped and counted in `skipped`.
 */
export function packReferenceLayer(
  layer: Layer,
  meta: Pick<
    ReferenceLayerData,
    'id' | 'projectId' | 'name' | 'kind' | 'sourceFile' | 'gkZone' | 'createdAt'
  >,
  progress: (fraction: number) => void = () => {},
): { layer: ReferenceLayerData; skipped: number } {
  let vertices = 0;
  let rings = 0;
  let polygons = 0;
  let skipped = 0;
  for (const f of layer.features) {
    const parts = polygonsOfGeometry(f.geometry);
    if (parts.length === 0) skipped++;
    for (const p of parts) {
      polygons++;
      for (const r of p) {
        rings++;
        vertices += r.length;
      }
    }
  }
  const lonLat = new Float64Array(vertices * 2);
  const gk = new Float64Array(vertices * 2);
  const ringStarts = new Uint32Array(rings + 1);
  const polygonRings = new Uint32Array(polygons + 1);
  const polygonBoxes = new Float64Array(polygons * 4);
  const featureCount = layer.features.length - skipped;
  const featurePolygons = new Uint32Array(featureCount + 1);
  const labelField = layer.fields.find((d) => LABEL_FIELDS.test(d.name))?.name;
  const labels: string[] = [];
  const { project } = gkProjection(meta.gkZone);
  let v = 0;
  let r = 0;
  let p = 0;
  let fi = 0;
  layer.features.forEach((feature, index) => {
    const parts = polygonsOfGeometry(feature.geometry);
    if (parts.length === 0) return;
    for (const polygon of parts) {
      let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
      for (const ring of polygon) {
        for (const c of ring) {
          const [x, y] = project([c[0]!, c[1]!] as Position);
          lonLat[2 * v] = c[0]!;
          lonLat[2 * v + 1] = c[1]!;
          gk[2 * v] = x;
          gk[2 * v + 1] = y;
          v++;
          if (x < minX) minX = x;
          if (y < minY) minY = y;
          if (x > maxX) maxX = x;
          if (y > maxY) maxY = y;
        }
        ringStarts[++r] = v;
      }
      polygonBoxes.set([minX, minY, maxX, maxY], 4 * p);
      polygonRings[++p] = r;
    }
    featurePolygons[++fi] = p;
    const value = labelField ? feature.properties[labelField] : null;
    labels.push(value === null || value === undefined || value === '' ? `#${index + 1}` : String(value));
    if (index % 5000 === 0) progress(index / layer.features.length);
  });
  return {
    layer: {
      ...meta,
      featureCount,
      vertexCount: vertices,
      lonLat,
      gk,
      ringStarts,
      polygonRings,
      featurePolygons,
      polygonBoxes,
      labels,
      visible: true,
    },
    skipped,
  };
}

/** Rings of polygon `p` as [x, y] pairs from `coords` (gk or lonLat). */
export function polygonRingsOf(
  layer: ReferenceLayerData,
  p: number,
  coords: Float64Array = layer.gk,
): [number, number][][] {
  const out: [number, number][][] = [];
  for (let r = layer.polygonRings[p]!; r < layer.polygonRings[p + 1]!; r++) {
    const ring: [number, number][] = [];
    for (let v = layer.ringStarts[r]!; v < layer.ringStarts[r + 1]!; v++)
      ring.push([coords[2 * v]!, coords[2 * v + 1]!]);
    out.push(ring);
  }
  return out;
}

/** The feature a polygon belongs to (binary search over featurePolygons). */
export function featureOfPolygon(layer: ReferenceLayerData, p: number): number {
  let lo = 0;
  let hi = layer.featureCount - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (layer.featurePolygons[mid]! <= p) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

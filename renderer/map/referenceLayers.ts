import Feature from 'ol/Feature';
import type OlMap from 'ol/Map';
import MultiPolygon from 'ol/geom/MultiPolygon';
import Polygon from 'ol/geom/Polygon';
import WebGLVectorLayer from 'ol/layer/WebGLVector';
import VectorSource from 'ol/source/Vector';
import type { FlatStyleLike } from 'ol/style/flat';
import type { ReferenceKind, ReferenceLayerData } from '../../shared/analysis/overlapsReferenceLayer';
import { buildBoxIndex, type BoxIndex } from '../../shared/geometry/spatialIndex';

/** Stroke and fill per control line (configurable later; muted so zones stay readable above). */
const COLORS: Record<ReferenceKind, { stroke: string; fill: string }> = {
  ecological_red_line: { stroke: '#2e7d32', fill: 'rgba(46, 125, 50, 0.16)' },
  permanent_basic_farmland: { stroke: '#b08900', fill: 'rgba(230, 190, 0, 0.18)' },
  urban_development_boundary: { stroke: '#8e24aa', fill: 'rgba(142, 36, 170, 0.08)' },
  other: { stroke: '#546e7a', fill: 'rgba(84, 110, 122, 0.12)' },
};
const HIGHLIGHT = 'hl';
export const REFERENCE_LAYER_PROPERTY = 'referenceLayerId';
/** Most features handed to snapping at once: the ones nearest the pointer's box. */
const MAX_SNAP_FEATURES = 300;

function styleFor(kind: ReferenceKind): FlatStyleLike {
  const c = COLORS[kind];
  return [
    {
      filter: ['==', ['get', HIGHLIGHT], 1],
      style: { 'fill-color': 'rgba(255, 64, 0, 0.35)', 'stroke-color': '#ff4000', 'stroke-width': 2.5 },
    },
    { else: true, style: { 'fill-color': c.fill, 'stroke-color': c.stroke, 'stroke-width': 1 } },
  ];
}

const R = 6378137;
/** Web Mercator straight from the packed lon/lat, without per-vertex arrays. */
function mercator(lonLat: Float64Array): Float64Array {
  const out = new Float64Array(lonLat.length);
  for (let i = 0; i < lonLat.length; i += 2) {
    out[i] = (R * Math.PI * lonLat[i]!) / 180;
    out[i + 1] = R * Math.log(Math.tan(Math.PI / 4 + (Math.PI * lonLat[i + 1]!) / 360));
  }
  return out;
}

interface Shown {
  data: ReferenceLayerData;
  layer: WebGLVectorLayer<VectorSource<Feature<Polygon | MultiPolygon>>>;
  features: Feature<Polygon | MultiPolygon>[];
  /** Feature boxes in map coordinates, for picking snap targets near the pointer. */
  index: BoxIndex;
}

function buildFeatures(data: ReferenceLayerData): {
  features: Feature<Polygon | MultiPolygon>[];
  boxes: Float64Array;
} {
  const flat = mercator(data.lonLat);
  const features: Feature<Polygon | MultiPolygon>[] = [];
  const boxes = new Float64Array(data.featureCount * 4);
  for (let f = 0; f < data.featureCount; f++) {
    const p0 = data.featurePolygons[f]!;
    const p1 = data.featurePolygons[f + 1]!;
    const v0 = data.ringStarts[data.polygonRings[p0]!]!;
    const v1 = data.ringStarts[data.polygonRings[p1]!]!;
    const coords = Array.from(flat.subarray(2 * v0, 2 * v1));
    const ends: number[][] = [];
    for (let p = p0; p < p1; p++) {
      const polygonEnds: number[] = [];
      for (let r = data.polygonRings[p]!; r < data.polygonRings[p + 1]!; r++)
        polygonEnds.push(2 * (data.ringStarts[r + 1]! - v0));
      ends.push(polygonEnds);
    }
    const geometry =
      p1 - p0 === 1 ? new Polygon(coords, 'XY', ends[0]!) : new MultiPolygon(coords, 'XY', ends);
    const feature = new Feature<Polygon | MultiPolygon>({ geometry });
    feature.setId(`${data.id}:${f}`);
    feature.set(HIGHLIGHT, 0, true);
    feature.set(REFERENCE_LAYER_PROPERTY, data.id, true);
    features.push(feature);
    boxes.set(geometry.getExtent(), 4 * f);
  }
  return { features, boxes };
}

/**
 * Read-only reference layers drawn with OpenLayers' WebGL vector renderer (a farmland layer can
 * hold 100 000 polygons), below the zones. Snapping gets only the features near the pointer, picked
 * from an R-tree, so Snap never walks the whole layer.
 */
export class ReferenceLayers {
  /** What Snap interactions see: refilled with nearby reference features as the pointer moves. */
  readonly snapSource = new VectorSource<Feature<Polygon | MultiPolygon>>();
  private readonly shown = new Map<string, Shown>();
  private lastSnapBox = '';

  constructor(private readonly map: OlMap) {
    map.on('pointermove', (event) => {
      if (event.dragging && this.snapSource.getFeatures().length > 0) return;
      const tolerance = 16 * (map.getView().getResolution() ?? 1);
      const [x, y] = event.coordinate as [number, number];
      this.fillSnap([x - tolerance, y - tolerance, x + tolerance, y + tolerance]);
    });
  }

  /** Show exactly these layers (added, removed or with changed visibility since the last call). */
  sync(layers: readonly ReferenceLayerData[]): void {
    const wanted = new Set(layers.map((l) => l.id));
    for (const [id, shown] of this.shown) {
      if (wanted.has(id)) continue;
      this.map.removeLayer(shown.layer);
      shown.layer.dispose();
      this.shown.delete(id);
    }
    layers.forEach((data, i) => {
      let shown = this.shown.get(data.id);
      if (!shown) {
        const { features, boxes } = buildFeatures(data);
        const layer = new WebGLVectorLayer({
          source: new VectorSource({ features }),
          style: styleFor(data.kind),
          properties: { name: `reference:${data.id}` },
          // Picking uses our own R-tree (snapping, what-applies-here); WebGL hit detection would
          // render a second framebuffer every frame, which software GL (no GPU) cannot afford.
          disableHitDetection: true,
        });
        shown = { data, layer, features, index: buildBoxIndex(boxes) };
        this.shown.set(data.id, shown);
        this.map.addLayer(layer);
      }
      shown.data = data;
      shown.layer.setZIndex(2 + i * 0.01);
      shown.layer.setVisible(data.visible);
    });
    this.lastSnapBox = '';
    this.snapSource.clear();
  }

  /** Highlight the given features of one layer (overlap results), clearing other highlights. */
  setHighlight(layerId: string | null, features: readonly number[]): void {
    for (const [id, shown] of this.shown) {
      const on = id === layerId ? new Set(features) : new Set<number>();
      shown.features.forEach((feature, f) => {
        const value = on.has(f) ? 1 : 0;
        if (feature.get(HIGHLIGHT) !== value) feature.set(HIGHLIGHT, value);
      });
    }
  }

  private fillSnap(box: [number, number, number, number]): void {
    const key = box.map((v) => Math.round(v / 4)).join(',');
    if (key === this.lastSnapBox) return;
    this.lastSnapBox = key;
    const near: Feature<Polygon | MultiPolygon>[] = [];
    for (const shown of this.shown.values()) {
      if (!shown.data.visible) continue;
      for (const f of shown.index.search(box)) {
        if (near.length >= MAX_SNAP_FEATURES) break;
        near.push(shown.features[f]!);
      }
    }
    const current = this.snapSource.getFeatures();
    if (current.length === near.length && current.every((f) => near.includes(f))) return;
    this.snapSource.clear(true);
    // Clones: a feature in two sources would be edited by neither, but Snap only reads them.
    this.snapSource.addFeatures(near.map((f) => new Feature(f.getGeometry()!.clone())));
  }
}

import Feature from 'ol/Feature';
import type OlMap from 'ol/Map';
import MultiPolygon from 'ol/geom/MultiPolygon';
import Polygon from 'ol/geom/Polygon';
import type TileLayer from 'ol/layer/Tile';
import VectorSource from 'ol/source/Vector';
import type { ReferenceKind, ReferenceLayerData } from '../../shared/analysis/overlapsReferenceLayer';
import { REFERENCE_SYMBOLS } from '../../shared/analysis/referenceSymbols';
import type { Box, BoxIndex } from '../../shared/geometry/spatialIndex';
import { MAX_SNAP_TOLERANCE } from '../editor/snapSettings';
import type { TileStyle } from './referenceTiles/drawTile';
import { featureVertices, toMercator } from './referenceTiles/packedMercator';
import { mapBusyFlag, TileClient } from './referenceTiles/tileClient';
import { workerTileLayer, type WorkerTileSource } from './referenceTiles/workerTileLayer';

const styleFor = (kind: ReferenceKind): TileStyle => ({
  ...REFERENCE_SYMBOLS[kind],
  strokeWidth: 1,
  highlightFill: 'rgba(255, 64, 0, 0.35)',
  highlightStroke: '#ff4000',
  highlightStrokeWidth: 2.5,
});
/** Most features handed to snapping at once: the ones nearest the pointer's box. */
const MAX_SNAP_FEATURES = 300;

interface Shown {
  data: ReferenceLayerData;
  layer: TileLayer<WorkerTileSource>;
  /** Feature boxes in map coordinates, for picking snap targets near the pointer (from the worker). */
  index: BoxIndex | null;
  /** The whole layer's box in map coordinates (null while loading, or for an empty layer). */
  extent: Box | null;
}

/** One OpenLayers feature for feature `f` of a packed layer, in map coordinates. */
function olFeature(data: ReferenceLayerData, f: number): Feature<Polygon | MultiPolygon> {
  const [v0, v1] = featureVertices(data, f);
  const coords = Array.from(toMercator(data.lonLat.subarray(2 * v0, 2 * v1)));
  const p0 = data.featurePolygons[f]!;
  const p1 = data.featurePolygons[f + 1]!;
  const ends: number[][] = [];
  for (let p = p0; p < p1; p++) {
    const polygonEnds: number[] = [];
    for (let r = data.polygonRings[p]!; r < data.polygonRings[p + 1]!; r++)
      polygonEnds.push(2 * (data.ringStarts[r + 1]! - v0));
    ends.push(polygonEnds);
  }
  const geometry = p1 - p0 === 1 ? new Polygon(coords, 'XY', ends[0]!) : new MultiPolygon(coords, 'XY', ends);
  const feature = new Feature<Polygon | MultiPolygon>({ geometry });
  feature.setId(`${data.id}:${f}`);
  return feature;
}

/**
 * Read-only reference layers below the zones. A county's farmland layer holds 100 000 polygons
 * and millions of vertices, so it is never turned into OpenLayers features: a worker draws raster
 * tiles from the packed arrays (R-tree per tile, sub-pixel vertices skipped) and OpenLayers' canvas
 * tile layer composites them, as for a CAD sheet (referenceTiles/workerTileLayer.ts). A frame then
 * costs the same with 10 or 100 000 polygons, with or without a GPU. Snapping gets only the features near the pointer, built on demand.
 */
export class ReferenceLayers {
  /** What Snap interactions see: refilled with nearby reference features as the pointer moves. */
  readonly snapSource = new VectorSource<Feature<Polygon | MultiPolygon>>();
  private readonly shown = new Map<string, Shown>();
  private readonly tiles: TileClient;
  private lastSnapBox = '';

  constructor(private readonly map: OlMap) {
    this.tiles = new TileClient(mapBusyFlag(() => map.getTargetElement() ?? undefined));
    map.on('pointermove', (event) => {
      if (event.dragging && this.snapSource.getFeatures().length > 0) return;
      const tolerance = MAX_SNAP_TOLERANCE * (map.getView().getResolution() ?? 1);
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
      this.tiles.drop(id);
      this.shown.delete(id);
    }
    layers.forEach((data, i) => {
      const shown = this.shown.get(data.id) ?? this.add(data);
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
      this.tiles.highlight(id, id === layerId ? features : []);
      shown.layer.getSource()?.redraw();
    }
  }

  /** Stop the tile worker (the map is going away). */
  dispose(): void {
    this.tiles.dispose();
  }

  /** The OpenLayers layer of each reference layer (the layer stack sets its order and opacity). */
  layers(): { id: string; layer: TileLayer<WorkerTileSource> }[] {
    return [...this.shown].map(([id, shown]) => ({ id, layer: shown.layer }));
  }

  /** The layer's extent in map coordinates, or null when it is not shown or empty. */
  extent(layerId: string): Box | null {
    return this.shown.get(layerId)?.extent ?? null;
  }

  private add(data: ReferenceLayerData): Shown {
    const id = data.id;
    const layer = workerTileLayer(this.tiles, id, `reference:${id}`);
    const shown: Shown = { data, layer, index: null, extent: null };
    this.tiles.load(id, data, styleFor(data.kind), ({ index, extent }) => {
      shown.index = index;
      shown.extent = extent;
      this.lastSnapBox = '';
    });
    this.shown.set(id, shown);
    this.map.addLayer(layer);
    return shown;
  }

  private fillSnap(box: Box): void {
    const key = box.map((v) => Math.round(v / 4)).join(',');
    if (key === this.lastSnapBox) return;
    this.lastSnapBox = key;
    const near: string[] = [];
    const build: (() => Feature<Polygon | MultiPolygon>)[] = [];
    for (const shown of this.shown.values()) {
      if (!shown.data.visible) continue;
      for (const f of shown.index?.search(box) ?? []) {
        if (near.length >= MAX_SNAP_FEATURES) break;
        near.push(`${shown.data.id}:${f}`);
        build.push(() => olFeature(shown.data, f));
      }
    }
    const current = this.snapSource.getFeatures();
    if (current.length === near.length && current.every((f) => near.includes(String(f.getId())))) return;
    this.snapSource.clear(true);
    this.snapSource.addFeatures(build.map((make) => make()));
  }
}

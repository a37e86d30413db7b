import Feature from 'ol/Feature';
import type OlMap from 'ol/Map';
import type Layer from 'ol/layer/Layer';
import type MultiPolygon from 'ol/geom/MultiPolygon';
import type Polygon from 'ol/geom/Polygon';
import VectorLayer from 'ol/layer/Vector';
import VectorImageLayer from 'ol/layer/VectorImage';
import VectorSource from 'ol/source/Vector';
import type { ZoneType } from '../../shared/domain/taxonomy';
import { DEFAULT_SYMBOLS } from '../../shared/domain/symbology';
import type { Lang } from '../../shared/domain/labels';
import type { Zone } from '../../shared/domain/schema';
import type { MirrorChange, ProjectMirror } from '../editor/projectMirror';
import { showsGeometry, zoneToMapGeometry } from './geometryConvert';
import { pinGeometry } from './lazyGeometry';
import { labelOf, type LabelField } from './zoneLabelText';
import { ZoneGesture } from './zoneGesture';
import { ZoneTypeVisibility } from './zoneTypeVisibility';
import { ZoneTileFeed } from './zoneTileFeed';
import { createZoneTiles, type ZoneTileSink } from './zoneTiles';
import {
  editedZoneStyle,
  LABEL_PROPERTY,
  SELECTED_PROPERTY,
  ZONE_TYPE_PROPERTY,
  zoneLabelsStyle,
} from './zoneStyles';

export type ZoneFeature = Feature<Polygon | MultiPolygon>;

/** Feature properties linking a map feature back to its stored zone. */
export { ZONE_TYPE_PROPERTY };
export const UPDATED_PROPERTY = 'updatedAt';
export const OBJECT_PROPERTY = 'objectId';

/** The zones' band: above backgrounds and the basemap, below object markers (500). */
const ZONES_Z_INDEX = 10;
const LABELS_Z_INDEX = 10.5;
const SELECTED_Z_INDEX = 11;

/**
 * The zones on the map, fed from the project mirror (editor/projectMirror.ts) by key. The map
 * never edits these features as a second truth: tools report finished gestures to the editor,
 * the store commits, and the mirror's patch brings the new state back here.
 *
 * Drawing at county scale (10 000 zones, 1.6 M vertices): every unselected zone is drawn by the
 * tile worker into raster tiles (zoneTiles.ts), in the same symbols as the vector styles
 * (zonePaint.ts); a patch or a selection change redraws only the tiles under the changed zones.
 * The features stay in a VectorSource for hit tests, snapping and tools, which the page renders
 * only for labels (zones at least 60 px wide). The selected zones leave the tiles for one small
 * vector layer on top, so dragging a vertex redraws only them and no old outline shows beneath.
 */
export class ZoneLayers {
  /** Every unselected zone as worker-drawn tiles (null without a worker: unit tests in Node). */
  readonly layer: Layer | null;
  /**
   * The unselected zones' labels, on the page: tiles would cut a label at their edges and could
   * not declutter it against labels in other tiles. Only zones at least 60 px wide carry one, and
   * the layer is a picture redrawn when the view settles (decluttering on every frame of a pan
   * cost more than the pan).
   */
  readonly labelLayer: VectorImageLayer<VectorSource<ZoneFeature>>;
  /** The selected zones (what tools edit), drawn as vectors every frame. */
  readonly selectedLayer: VectorLayer<VectorSource<ZoneFeature>>;
  private readonly tiles: ZoneTileFeed;
  private readonly zoneSource = new VectorSource<ZoneFeature>();
  private readonly selectedSource = new VectorSource<ZoneFeature>();
  private readonly visibility = new ZoneTypeVisibility();
  private readonly byId = new Map<string, ZoneFeature>();
  private selected = new Set<string>();
  /** The zones a gesture is editing, and a vertex drag's still map (zoneGesture.ts). */
  private readonly gesture: ZoneGesture;
  private mirror: ProjectMirror | null = null;
  private detach: (() => void) | null = null;
  private lang: Lang = 'zh';
  private labelField: LabelField = 'name';

  constructor(map: OlMap, tiles?: ZoneTileSink) {
    const shown = (type: ZoneType) => this.visibility.shows(type);
    const sink = tiles ?? createZoneTiles(map, ZONES_Z_INDEX);
    this.tiles = new ZoneTileFeed(sink, (id) => this.byId.get(id));
    this.layer = sink.layer;
    this.labelLayer = new VectorImageLayer({
      source: this.zoneSource,
      style: zoneLabelsStyle(shown),
      zIndex: LABELS_Z_INDEX,
      imageRatio: 1.5,
      declutter: true,
      properties: { name: 'zones:labels' },
    });
    this.selectedLayer = new VectorLayer({
      source: this.selectedSource,
      style: editedZoneStyle(shown, (id) => this.gesture.mode(id)),
      zIndex: SELECTED_Z_INDEX,
      updateWhileInteracting: true,
      properties: { name: 'zones:selected' },
    });
    map.addLayer(this.labelLayer);
    map.addLayer(this.selectedLayer);
    // The band is the selected layer's again when a hold ends (a view change mid-drag).
    this.gesture = new ZoneGesture(
      map,
      (id) => this.byId.get(id)?.getGeometry(),
      () => this.selectedLayer.changed(),
    );
  }

  /** The map layers showing zones: tiles, labels, selected zones. */
  get layers(): Layer[] {
    return [this.layer, this.labelLayer, this.selectedLayer].filter((l): l is Layer => l !== null);
  }

  /** Stop the tile worker (the map is going away). */
  dispose(): void {
    this.attach(null, this.lang, () => {});
    this.tiles.dispose();
  }

  /** Every zone source: the unselected zones' and the selected zones'. */
  get sources(): VectorSource<ZoneFeature>[] {
    return [this.zoneSource, this.selectedSource];
  }

  feature(id: string): ZoneFeature | undefined {
    return this.byId.get(id);
  }

  isZoneLayer(layer: unknown): boolean {
    return layer === this.layer || layer === this.labelLayer || layer === this.selectedLayer;
  }

  /**
   * The shown zones at a map coordinate (or within `tolerance` map units of their outline),
   * topmost first: selected zones, then inner zone types before outer ones, then the smaller.
   * Answered from the sources' box index, not by drawing every zone for a hit test.
   */
  zonesAt(coordinate: number[], tolerance = 0): ZoneFeature[] {
    const [x, y] = coordinate as [number, number];
    const box = [x - tolerance, y - tolerance, x + tolerance, y + tolerance];
    const hits: { feature: ZoneFeature; rank: number; size: number }[] = [];
    for (const source of this.sources) {
      for (const feature of source.getFeaturesInExtent(box)) {
        const type = feature.get(ZONE_TYPE_PROPERTY) as ZoneType;
        const geometry = feature.getGeometry();
        if (!geometry || !this.visibility.shows(type)) continue;
        if (!geometry.intersectsCoordinate(coordinate)) {
          const [cx, cy] = geometry.getClosestPoint(coordinate) as [number, number];
          if (tolerance <= 0 || (cx - x) ** 2 + (cy - y) ** 2 > tolerance ** 2) continue;
        }
        const [minX, minY, maxX, maxY] = geometry.getExtent() as [number, number, number, number];
        const rank = (source === this.selectedSource ? 1000 : 0) + DEFAULT_SYMBOLS[type].order;
        hits.push({ feature, rank, size: (maxX - minX) * (maxY - minY) });
      }
    }
    return hits.sort((a, b) => b.rank - a.rank || a.size - b.size).map((h) => h.feature);
  }

  /**
   * Show or hide one zone type (the layers panel), selected zones included; hidden zones are
   * neither drawn nor hit (`zonesAt`) nor snapped to (tools/snapping.ts).
   */
  setTypeVisible(type: ZoneType, visible: boolean): void {
    if (!this.visibility.set(type, visible)) return;
    this.tiles.typeVisibility(type, [...this.visibility.hiddenTypes()]);
    this.labelLayer.changed();
    this.selectedLayer.changed();
  }

  /** Whether a zone's type is shown: hidden types are neither drawn, hit nor snapped to. */
  shows(feature: ZoneFeature): boolean {
    return this.visibility.shows(feature.get(ZONE_TYPE_PROPERTY) as ZoneType);
  }

  /** The zone types hidden now (the same object until a type is shown or hidden). */
  hiddenTypes(): ReadonlySet<ZoneType> {
    return this.visibility.hiddenTypes();
  }

  /** Called whenever a zone type is shown or hidden; returns the unsubscribe. */
  onTypeVisibility(listener: () => void): () => void {
    return this.visibility.subscribe(listener);
  }

  /** The source a feature belongs in: the selected zones' or the others'. */
  private sourceFor(id: string): VectorSource<ZoneFeature> {
    return this.selected.has(id) ? this.selectedSource : this.zoneSource;
  }

  /**
   * Follow a project mirror: draw all its zones once, then add, replace and remove features by
   * key as the mirror reports patches. `onPatched` runs after each patch (markers, selection).
   */
  attach(mirror: ProjectMirror | null, lang: Lang, onPatched: (change: MirrorChange) => void): void {
    this.detach?.();
    this.detach = null;
    this.mirror = mirror;
    this.lang = lang;
    this.clear();
    if (!mirror) return;
    const patched = (change: MirrorChange) => {
      const start = performance.now();
      if (change.objects.size > 0 || change.project) this.relabel(change.objects);
      this.putAll(change.zones);
      onPatched(change);
      performance.measure('hzw:map-patch', { start, end: performance.now() });
    };
    this.detach = mirror.subscribe(patched);
    if (mirror.isLoaded) {
      this.addAll(mirror);
      onPatched({ project: true, objects: new Set(), zones: new Set(), listChanged: true });
    }
  }

  setLang(lang: Lang): void {
    if (lang === this.lang) return;
    this.lang = lang;
    this.relabel(null);
  }

  /** Label the zones by this field (null: no labels). */
  setLabelField(field: LabelField): void {
    if (field === this.labelField) return;
    this.labelField = field;
    this.relabel(null);
  }

  get count(): number {
    return this.byId.size;
  }

  /** Ids of the zones the map shows. */
  ids(): IterableIterator<string> {
    return this.byId.keys();
  }

  private clear(): void {
    for (const source of this.sources) source.clear(true);
    this.byId.clear();
    this.tiles.reset();
  }

  /** The first drawing of a project. */
  private addAll(mirror: ProjectMirror): void {
    this.clear();
    this.putAll(mirror.ids('zones'));
  }

  /**
   * Bring these features in line with the mirror; new features are added in one batch per
   * source (a source indexes a batch at once and its layer redraws once, not per feature).
   */
  private putAll(ids: Iterable<string>): void {
    const batches = new Map<VectorSource<ZoneFeature>, ZoneFeature[]>();
    const all = [...ids];
    for (const id of all) {
      const feature = this.put(id, true);
      if (!feature) continue;
      const source = this.sourceFor(id);
      let batch = batches.get(source);
      if (!batch) batches.set(source, (batch = []));
      batch.push(feature);
    }
    for (const [source, features] of batches) source.addFeatures(features);
    this.tiles.sync(all, this.selected);
  }

  private create(zone: Zone): ZoneFeature {
    const feature: ZoneFeature = new Feature({ geometry: zoneToMapGeometry(zone) });
    feature.setId(zone.id);
    feature.setProperties(
      {
        [ZONE_TYPE_PROPERTY]: zone.attributes.zoneType,
        [UPDATED_PROPERTY]: zone.updatedAt,
        [OBJECT_PROPERTY]: zone.objectId,
        [LABEL_PROPERTY]: this.labelOf(zone),
        [SELECTED_PROPERTY]: this.selected.has(zone.id),
      },
      true,
    );
    this.byId.set(zone.id, feature);
    if (this.selected.has(zone.id)) pinGeometry(feature.getGeometry());
    return feature;
  }

  /**
   * Bring one feature in line with the mirror's zone: add, replace, update or remove it. With
   * `deferAdd` a new feature is returned for the caller to add (in a batch) instead of added.
   */
  private put(id: string, deferAdd = false): ZoneFeature | null {
    const zone = this.mirror?.zone(id);
    const existing = this.byId.get(id);
    if (!zone) {
      this.remove(id);
      return null;
    }
    if (existing && existing.get(ZONE_TYPE_PROPERTY) === zone.attributes.zoneType) {
      if (existing.get(UPDATED_PROPERTY) !== zone.updatedAt && !this.gesture.has(id)) {
        // A committed drag: the feature already shows it (showsGeometry).
        const shown = existing.getGeometry();
        if (!showsGeometry(shown, zone)) {
          existing.setGeometry(zoneToMapGeometry(zone));
          if (this.selected.has(id)) pinGeometry(existing.getGeometry());
        }
        existing.set(UPDATED_PROPERTY, zone.updatedAt, true);
      }
      const label = this.labelOf(zone);
      if (existing.get(LABEL_PROPERTY) !== label) existing.set(LABEL_PROPERTY, label);
      if (existing.get(OBJECT_PROPERTY) !== zone.objectId) existing.set(OBJECT_PROPERTY, zone.objectId, true);
      return null;
    }
    if (existing) this.remove(id);
    const feature = this.create(zone);
    if (deferAdd) return feature;
    this.sourceFor(id).addFeature(feature);
    return null;
  }

  /** Labels carry the object's name: re-label the zones of these objects (null: all zones). */
  private relabel(objects: ReadonlySet<string> | null): void {
    for (const [id, feature] of this.byId) {
      if (objects && !objects.has(feature.get(OBJECT_PROPERTY) as string)) continue;
      const zone = this.mirror?.zone(id);
      if (!zone) continue;
      const label = this.labelOf(zone);
      if (feature.get(LABEL_PROPERTY) !== label) feature.set(LABEL_PROPERTY, label);
    }
  }

  private labelOf(zone: Zone): string {
    return labelOf(zone, this.mirror?.object(zone.objectId), this.lang, this.labelField);
  }

  /** Move the newly selected zones to the selected layer and the others back to their type's. */
  setSelected(ids: readonly string[]): void {
    const next = new Set(ids);
    const changed = [...this.selected].filter((id) => !next.has(id));
    changed.push(...[...next].filter((id) => !this.selected.has(id)));
    const features = changed.map((id) => this.byId.get(id)).filter((f) => f !== undefined);
    for (const feature of features) this.sourceOf(feature).removeFeature(feature);
    this.selected = next;
    for (const feature of features) feature.set(SELECTED_PROPERTY, next.has(String(feature.getId())), true);
    // Selected zones are drawn as vectors and edited: they keep their converted values.
    for (const id of next) pinGeometry(this.byId.get(id)?.getGeometry());
    const batches = new Map<VectorSource<ZoneFeature>, ZoneFeature[]>();
    for (const feature of features) {
      const source = this.sourceFor(String(feature.getId()));
      let batch = batches.get(source);
      if (!batch) batches.set(source, (batch = []));
      batch.push(feature);
    }
    for (const [source, batch] of batches) source.addFeatures(batch);
    this.tiles.sync(changed, this.selected);
  }

  /** The source that holds this feature now. */
  private sourceOf(feature: ZoneFeature): VectorSource<ZoneFeature> {
    return feature.get(SELECTED_PROPERTY) ? this.selectedSource : this.zoneSource;
  }

  /**
   * Keep the tool's geometry on these features while a gesture edits them. `vertexDrag`: the
   * gesture drags a vertex, and they are drawn as they were plus a rubber band (dragPicture.ts);
   * the map is held still until the pointer is up (releaseHold) or the gesture ends (stillMap.ts),
   * and the band and the features of the tool's `marks` layers (its vertex marker, the snap
   * marker) are drawn above it.
   */
  freeze(ids: Iterable<string>, vertexDrag?: { marks: VectorLayer[] }): void {
    this.gesture.begin(ids, vertexDrag);
  }

  /**
   * The pointer is up: the map draws again (the band with it) while the gesture's commit runs,
   * so a slow or stuck commit never leaves the map still.
   */
  releaseHold(): void {
    this.gesture.releaseHold();
  }

  /**
   * End a gesture. After a commit the features keep the tool's geometry until the live query
   * brings the stored one; after a cancel or a refusal (`revert`) they show the stored one at once.
   */
  unfreeze(revert: boolean): void {
    const ended = this.gesture.end();
    if (revert) for (const id of ended) this.byId.get(id)?.unset(UPDATED_PROPERTY, true);
    for (const id of ended) this.put(id);
    this.tiles.sync(ended, this.selected);
    // Drawn as edited zones again (no longer the gesture's picture), changed or not.
    this.selectedLayer.changed();
    this.gesture.releaseHold();
  }

  private remove(id: string): void {
    const feature = this.byId.get(id);
    if (!feature) return;
    this.sourceOf(feature).removeFeature(feature);
    this.byId.delete(id);
  }
}

import Feature from 'ol/Feature';
import type OlMap from 'ol/Map';
import type Polygon from 'ol/geom/Polygon';
import type MultiPolygon from 'ol/geom/MultiPolygon';
import VectorLayer from 'ol/layer/Vector';
import VectorSource from 'ol/source/Vector';
import { DEFAULT_SYMBOLS } from '../../shared/domain/symbology';
import { ZONE_TYPE_LABELS, ZONE_TYPES, type ZoneType } from '../../shared/domain/taxonomy';
import type { Lang } from '../../shared/domain/labels';
import type { ProtectedObject, Zone } from '../../shared/domain/schema';
import type { LayerListPrefs } from '../../shared/domain/backgrounds';
import type { MirrorChange, ProjectMirror } from '../editor/projectMirror';
import { toMapGeometry } from './geometryConvert';
import { LABEL_PROPERTY, SELECTED_PROPERTY, zoneStyleFunction } from './zoneStyles';

export type ZoneFeature = Feature<Polygon | MultiPolygon>;
/** What a zone's label shows (the layers panel's choice); null: no labels. */
export type LabelField = LayerListPrefs['labelField'];

/** Feature properties linking a map feature back to its stored zone. */
export const ZONE_TYPE_PROPERTY = 'zoneType';
export const UPDATED_PROPERTY = 'updatedAt';
export const OBJECT_PROPERTY = 'objectId';

/**
 * One vector layer per zone type, fed from the project mirror (editor/projectMirror.ts) by key.
 * The map never edits these features as a second truth: tools report finished gestures to the
 * editor, the store commits, and the mirror's patch brings the new state back here.
 */
export class ZoneLayers {
  readonly layers: Record<ZoneType, VectorLayer<VectorSource<ZoneFeature>>>;
  private readonly byId = new Map<string, ZoneFeature>();
  private selected = new Set<string>();
  /** Zones being edited by a gesture keep the tool's geometry until the gesture ends. */
  private frozen = new Set<string>();
  private mirror: ProjectMirror | null = null;
  private detach: (() => void) | null = null;
  private lang: Lang = 'zh';
  private labelField: LabelField = 'name';

  constructor(map: OlMap) {
    this.layers = Object.fromEntries(
      ZONE_TYPES.map((type) => [
        type,
        new VectorLayer({
          source: new VectorSource<ZoneFeature>(),
          style: zoneStyleFunction(type),
          zIndex: 10 + DEFAULT_SYMBOLS[type].order,
          declutter: true,
          properties: { name: `zones:${type}`, zoneType: type },
        }),
      ]),
    ) as Record<ZoneType, VectorLayer<VectorSource<ZoneFeature>>>;
    for (const layer of Object.values(this.layers)) map.addLayer(layer);
  }

  get sources(): VectorSource<ZoneFeature>[] {
    return Object.values(this.layers).map((layer) => layer.getSource()!);
  }

  feature(id: string): ZoneFeature | undefined {
    return this.byId.get(id);
  }

  isZoneLayer(layer: unknown): boolean {
    return Object.values(this.layers).includes(layer as VectorLayer<VectorSource<ZoneFeature>>);
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
      for (const id of change.zones) this.put(id);
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

  /** Show or hide one zone type (the layers panel); hidden zones are neither drawn nor hit. */
  setTypeVisible(type: ZoneType, visible: boolean): void {
    this.layers[type].setVisible(visible);
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
    for (const layer of Object.values(this.layers)) layer.getSource()!.clear(true);
    this.byId.clear();
  }

  /** The first drawing of a project: one batch per layer (a source indexes a batch at once). */
  private addAll(mirror: ProjectMirror): void {
    this.clear();
    const batches = new Map<ZoneType, ZoneFeature[]>();
    for (const id of mirror.ids('zones')) {
      const feature = this.create(mirror.zone(id)!);
      const type = feature.get(ZONE_TYPE_PROPERTY) as ZoneType;
      let batch = batches.get(type);
      if (!batch) batches.set(type, (batch = []));
      batch.push(feature);
    }
    for (const [type, features] of batches) this.layers[type].getSource()!.addFeatures(features);
  }

  private create(zone: Zone): ZoneFeature {
    const feature: ZoneFeature = new Feature({ geometry: toMapGeometry(zone.geometry) });
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
    return feature;
  }

  /** Bring one feature in line with the mirror's zone: add, replace, update or remove it. */
  private put(id: string): void {
    const zone = this.mirror?.zone(id);
    const existing = this.byId.get(id);
    if (!zone) {
      this.remove(id);
      return;
    }
    if (existing && existing.get(ZONE_TYPE_PROPERTY) === zone.attributes.zoneType) {
      if (existing.get(UPDATED_PROPERTY) !== zone.updatedAt && !this.frozen.has(id)) {
        existing.setGeometry(toMapGeometry(zone.geometry));
        existing.set(UPDATED_PROPERTY, zone.updatedAt, true);
      }
      const label = this.labelOf(zone);
      if (existing.get(LABEL_PROPERTY) !== label) existing.set(LABEL_PROPERTY, label);
      if (existing.get(OBJECT_PROPERTY) !== zone.objectId) existing.set(OBJECT_PROPERTY, zone.objectId, true);
      return;
    }
    if (existing) this.remove(id);
    this.layers[zone.attributes.zoneType].getSource()!.addFeature(this.create(zone));
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

  setSelected(ids: readonly string[]): void {
    const next = new Set(ids);
    for (const id of new Set([...this.selected, ...next])) {
      this.byId.get(id)?.set(SELECTED_PROPERTY, next.has(id));
    }
    this.selected = next;
  }

  /** Keep the tool's geometry on these features while a gesture edits them. */
  freeze(ids: Iterable<string>): void {
    this.frozen = new Set(ids);
  }

  /**
   * End a gesture. After a commit the features keep the tool's geometry until the live query
   * brings the stored one; after a cancel or a refusal (`revert`) they show the stored one at once.
   */
  unfreeze(revert: boolean): void {
    if (revert) for (const id of this.frozen) this.byId.get(id)?.unset(UPDATED_PROPERTY, true);
    const ended = [...this.frozen];
    this.frozen.clear();
    for (const id of ended) this.put(id);
  }

  private remove(id: string): void {
    const feature = this.byId.get(id);
    if (!feature) return;
    this.layers[feature.get(ZONE_TYPE_PROPERTY) as ZoneType].getSource()!.removeFeature(feature);
    this.byId.delete(id);
  }
}

export function labelOf(
  zone: Zone,
  object: ProtectedObject | undefined,
  lang: Lang,
  field: LabelField,
): string {
  const type = ZONE_TYPE_LABELS[zone.attributes.zoneType][lang];
  const part = zone.attributes.subZoneNo ? ` ${zone.attributes.subZoneNo}` : '';
  switch (field) {
    case null:
      return '';
    case 'zoneType':
      return `${type}${part}`;
    case 'objectName':
      return object?.attributes.name ?? `${type}${part}`;
    case 'code':
      return object?.attributes.officialCode || `${type}${part}`;
    case 'name':
      return object ? `${object.attributes.name}\n${type}${part}` : `${type}${part}`;
  }
}

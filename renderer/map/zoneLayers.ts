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
import { toMapGeometry } from './geometryConvert';
import { LABEL_PROPERTY, SELECTED_PROPERTY, zoneStyleFunction } from './zoneStyles';

export type ZoneFeature = Feature<Polygon | MultiPolygon>;

/** Feature properties linking a map feature back to its stored zone. */
export const ZONE_TYPE_PROPERTY = 'zoneType';
export const UPDATED_PROPERTY = 'updatedAt';
export const OBJECT_PROPERTY = 'objectId';

/**
 * One vector layer per zone type, fed from the store's live query. The map never edits these
 * features as a second truth: tools report finished gestures to the editor, the store commits,
 * and the live query brings the new state back here.
 */
export class ZoneLayers {
  readonly layers: Record<ZoneType, VectorLayer<VectorSource<ZoneFeature>>>;
  private readonly byId = new Map<string, ZoneFeature>();
  private selected = new Set<string>();
  /** Zones being edited by a gesture keep the tool's geometry until the gesture ends. */
  private frozen = new Set<string>();
  private last: { zones: readonly Zone[]; objects: ReadonlyMap<string, ProtectedObject>; lang: Lang } | null =
    null;

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

  /** Bring the map in line with the stored zones: add, replace and remove features by id. */
  sync(zones: readonly Zone[], objects: ReadonlyMap<string, ProtectedObject>, lang: Lang): void {
    this.last = { zones, objects, lang };
    const seen = new Set<string>();
    for (const zone of zones) {
      seen.add(zone.id);
      const label = labelOf(zone, objects.get(zone.objectId), lang);
      const existing = this.byId.get(zone.id);
      const sameType = existing?.get(ZONE_TYPE_PROPERTY) === zone.attributes.zoneType;
      if (existing && sameType) {
        if (existing.get(UPDATED_PROPERTY) !== zone.updatedAt && !this.frozen.has(zone.id)) {
          existing.setGeometry(toMapGeometry(zone.geometry));
          existing.set(UPDATED_PROPERTY, zone.updatedAt, true);
        }
        if (existing.get(LABEL_PROPERTY) !== label) existing.set(LABEL_PROPERTY, label);
        if (existing.get(OBJECT_PROPERTY) !== zone.objectId)
          existing.set(OBJECT_PROPERTY, zone.objectId, true);
        continue;
      }
      if (existing) this.remove(zone.id);
      const feature: ZoneFeature = new Feature({ geometry: toMapGeometry(zone.geometry) });
      feature.setId(zone.id);
      feature.setProperties({
        [ZONE_TYPE_PROPERTY]: zone.attributes.zoneType,
        [UPDATED_PROPERTY]: zone.updatedAt,
        [OBJECT_PROPERTY]: zone.objectId,
        [LABEL_PROPERTY]: label,
        [SELECTED_PROPERTY]: this.selected.has(zone.id),
      });
      this.byId.set(zone.id, feature);
      this.layers[zone.attributes.zoneType].getSource()!.addFeature(feature);
    }
    for (const id of [...this.byId.keys()]) if (!seen.has(id)) this.remove(id);
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
    this.frozen.clear();
    if (this.last) this.sync(this.last.zones, this.last.objects, this.last.lang);
  }

  private remove(id: string): void {
    const feature = this.byId.get(id);
    if (!feature) return;
    this.layers[feature.get(ZONE_TYPE_PROPERTY) as ZoneType].getSource()!.removeFeature(feature);
    this.byId.delete(id);
  }
}

function labelOf(zone: Zone, object: ProtectedObject | undefined, lang: Lang): string {
  const type = ZONE_TYPE_LABELS[zone.attributes.zoneType][lang];
  const part = zone.attributes.subZoneNo ? ` ${zone.attributes.subZoneNo}` : '';
  return object ? `${object.attributes.name}\n${type}${part}` : `${type}${part}`;
}

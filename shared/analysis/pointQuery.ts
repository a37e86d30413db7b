import type { Position } from '../domain/geometry';
import type { ZoneType } from '../domain/taxonomy';
import type { ProjectDocument } from '../formats/projectDocument';
import { gkProjection } from '../geometry/jsts/projection';
import { locatePoint } from '../geometry/pointInPolygon';
import type { BoxIndex } from '../geometry/spatialIndex';
import { buildBoxIndex } from '../geometry/spatialIndex';
import { pointInPlanarPolygon } from '../checks/planarZones';
import {
  featureOfPolygon,
  polygonRingsOf,
  type ReferenceKind,
  type ReferenceLayerData,
} from './overlapsReferenceLayer';

export interface ZoneHere {
  zoneId: string;
  objectId: string;
  objectName: string;
  zoneType: ZoneType;
  subZoneNo: number | null;
  rules: string;
  heightLimitM: number | null;
  heightLimitStoreys: number | null;
  /** True when the point lies on the zone's boundary rather than inside. */
  onBoundary: boolean;
}

export interface ReferenceHere {
  layerId: string;
  layerName: string;
  kind: ReferenceKind;
  feature: number;
  label: string;
}

export interface Strictest {
  value: number;
  zoneIds: string[];
}

export interface PointQueryResult {
  point: Position;
  zones: ZoneHere[];
  /** Lowest height limit in metres among the zones here, and the zones that set it. */
  strictestHeightM: Strictest | null;
  /** Lowest limit in storeys, shown beside the metres (the two are not converted). */
  strictestStoreys: Strictest | null;
  references: ReferenceHere[];
}

function strictest(zones: readonly ZoneHere[], pick: (z: ZoneHere) => number | null): Strictest | null {
  let best: Strictest | null = null;
  for (const z of zones) {
    const v = pick(z);
    if (v === null) continue;
    if (!best || v < best.value) best = { value: v, zoneIds: [z.zoneId] };
    else if (v === best.value) best.zoneIds.push(z.zoneId);
  }
  return best;
}

/**
 * "What applies here": every zone covering the point (all objects, overlaps included; superseded
 * zones no longer apply and are left out), its object, type, rules and height limits, the
 * strictest height limit (the lowest: where zones overlap the stricter rule governs), and the
 * reference-layer features covering the point.
 */
export function pointQuery(
  point: Position,
  document: Pick<ProjectDocument, 'objects' | 'zones'>,
  layers: readonly ReferenceLayerData[] = [],
  indexes: ReadonlyMap<string, BoxIndex> = new Map(),
): PointQueryResult {
  const names = new Map(document.objects.map((o) => [o.id, o.attributes.name]));
  const zones: ZoneHere[] = [];
  for (const zone of document.zones) {
    if (zone.attributes.status === 'superseded') continue;
    const where = locatePoint(point, zone.geometry);
    if (where === 'outside') continue;
    const a = zone.attributes;
    zones.push({
      zoneId: zone.id,
      objectId: zone.objectId,
      objectName: names.get(zone.objectId) ?? '',
      zoneType: a.zoneType,
      subZoneNo: a.subZoneNo,
      rules: a.rules,
      heightLimitM: a.heightLimitM,
      heightLimitStoreys: a.heightLimitStoreys,
      onBoundary: where === 'boundary',
    });
  }
  const references: ReferenceHere[] = [];
  for (const layer of layers) {
    const [x, y] = gkProjection(layer.gkZone).project(point);
    const index = indexes.get(layer.id) ?? buildBoxIndex(layer.polygonBoxes);
    const seen = new Set<number>();
    for (const p of index.search([x, y, x, y])) {
      if (!pointInPlanarPolygon([x, y], polygonRingsOf(layer, p))) continue;
      const feature = featureOfPolygon(layer, p);
      if (seen.has(feature)) continue;
      seen.add(feature);
      references.push({
        layerId: layer.id,
        layerName: layer.name,
        kind: layer.kind,
        feature,
        label: layer.labels[feature] ?? `#${feature + 1}`,
      });
    }
  }
  return {
    point,
    zones,
    strictestHeightM: strictest(zones, (z) => z.heightLimitM),
    strictestStoreys: strictest(zones, (z) => z.heightLimitStoreys),
    references,
  };
}

import type { ZoneGeometry } from '../../shared/domain/geometry';
import { ObjectAttributesSchema, ZoneAttributesSchema } from '../../shared/domain/schema';
import type { ZoneType } from '../../shared/domain/taxonomy';
import { gkProjection } from '../../shared/geometry/jsts/projection';
import type { DocumentObject, DocumentZone, ProjectDocument } from '../../shared/formats/projectDocument';
import { syntheticPolygons } from './synthetic';

/**
 * Two states of a 10 000-zone project for the compare bench (issue 13): A is the synthetic grid
 * around Wusu (four zones of four types per object); B moves one vertex of every tenth zone 5 m
 * away from the zone's centre, removes 1 % of the zones, adds 1 % new ones (new objects) and
 * changes the rules of 5 %. Seeded: every run compares the same states.
 */
export const REVIEW_GK = 28;
const T = '2026-12-01T00:00:00.000Z';

interface Feature {
  properties: { object_name: string; zone_type: ZoneType; boundary_text: string; height_limit_m: number };
  geometry: ZoneGeometry;
}

function documentOf(features: Feature[], idPrefix: string, zonesPerObject: number): ProjectDocument {
  const objects: DocumentObject[] = [];
  const zones: DocumentZone[] = features.map((f, i) => {
    const objectId = `${idPrefix}o${Math.floor(i / zonesPerObject)}`;
    if (i % zonesPerObject === 0)
      objects.push({
        id: objectId,
        attributes: ObjectAttributesSchema.parse({
          name: f.properties.object_name,
          objectType: 'relic_unit',
        }),
        createdAt: T,
        updatedAt: T,
      });
    return {
      id: `${idPrefix}z${i}`,
      objectId,
      attributes: ZoneAttributesSchema.parse({
        zoneType: f.properties.zone_type,
        boundaryText: f.properties.boundary_text,
        heightLimitM: f.properties.height_limit_m,
      }),
      geometry: f.geometry,
      createdAt: T,
      updatedAt: T,
    };
  });
  return { settings: { name: '乌苏市（基准）', gkZone: REVIEW_GK, xzqdm: '654202' }, objects, zones };
}

/** Vertex k of the zone moved `metres` away from the ring's centre, in the GK plane. */
function moveVertex(geometry: ZoneGeometry, k: number, metres: number): ZoneGeometry {
  const { project, unproject } = gkProjection(REVIEW_GK);
  const ring = (geometry.coordinates as [number, number][][])[0]!;
  const planar = ring.map(project);
  const n = planar.length - 1;
  const cx = planar.slice(0, n).reduce((s, p) => s + p[0], 0) / n;
  const cy = planar.slice(0, n).reduce((s, p) => s + p[1], 0) / n;
  const [x, y] = planar[k]!;
  const d = Math.hypot(x - cx, y - cy);
  const moved = ring.slice();
  moved[k] = unproject([x + ((x - cx) / d) * metres, y + ((y - cy) / d) * metres]);
  return { type: 'Polygon', coordinates: [moved] };
}

export interface ReviewStates {
  a: ProjectDocument;
  b: ProjectDocument;
  counts: { moved: number; removed: number; added: number; attributes: number };
}

export function reviewStates(count = 10_000): ReviewStates {
  const options = { count, vertices: [12, 40] as [number, number], zonesPerObject: 4, cell: 0.004, seed: 13 };
  const features = (syntheticPolygons(options) as { features: Feature[] }).features;
  const a = documentOf(features, '', 4);
  const extra = count / 100;
  // New zones in a strip north of the grid, of their own objects.
  const side = Math.ceil(Math.sqrt(count));
  const origin: [number, number] = [84.5, 44.3 + (side + 1) * 0.004];
  const added = documentOf(
    (syntheticPolygons({ ...options, count: extra, seed: 31, origin }) as { features: Feature[] }).features,
    'new-',
    4,
  );
  const counts = { moved: 0, removed: 0, added: extra, attributes: 0 };
  const zones: DocumentZone[] = [];
  a.zones.forEach((zone, i) => {
    const slot = i % 100;
    if (slot < 10) {
      counts.moved++;
      // Outward on even zones, inward on odd ones: both 调入 and 调出.
      zones.push({ ...zone, geometry: moveVertex(zone.geometry, 1 + (i % 7), slot % 2 ? -5 : 5) });
    } else if (slot === 10) counts.removed++;
    else if (slot < 16) {
      counts.attributes++;
      zones.push({ ...zone, attributes: { ...zone.attributes, rules: '禁止新建、扩建建筑物' } });
    } else zones.push(zone);
  });
  const b: ProjectDocument = {
    settings: a.settings,
    objects: [...a.objects, ...added.objects],
    zones: [...zones, ...added.zones],
  };
  return { a, b, counts };
}

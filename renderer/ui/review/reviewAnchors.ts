import type { Position } from '../../../shared/domain/geometry';
import { interiorPoint } from '../../../shared/geometry/interiorPoint';
import { ellipsoidalArea } from '../../../shared/geometry/area';
import type { Anchor } from '../../../shared/review/model';
import type { DocIds } from '../../editor/review/docIds';
import type { ProjectData } from '../hooks/useProjectData';

/** An anchor the map placed (store ids) in document ids, as it is stored and saved. */
export function toDocAnchor(anchor: Anchor, ids: DocIds): Anchor {
  switch (anchor.kind) {
    case 'zone':
    case 'vertex':
    case 'edge':
      return { ...anchor, zoneId: ids.toDoc(anchor.zoneId) };
    case 'object':
      return { ...anchor, objectId: ids.toDoc(anchor.objectId) };
    default:
      return anchor;
  }
}

/** Where an object's pin goes: its representative point, else inside its largest zone. */
export function objectPin(data: ProjectData, objectId: string): Position | null {
  const object = data.objects.find((o) => o.id === objectId);
  const point = object?.attributes.representativePoint;
  if (point) return [point[0], point[1]];
  const zones = data.zones.filter((z) => z.objectId === objectId);
  if (zones.length === 0) return null;
  const largest = zones.reduce((a, b) => (ellipsoidalArea(b.geometry) > ellipsoidalArea(a.geometry) ? b : a));
  return interiorPoint(largest.geometry);
}

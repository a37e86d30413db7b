import type { Bilingual } from '../domain/labels';
import { PROTECTION_LEVELS, PROTECTION_LEVEL_LABELS, ZONE_TYPES, ZONE_TYPE_LABELS } from '../domain/taxonomy';
import { ellipsoidalArea, planarGaussKrugerArea } from '../geometry/area';
import type { DocumentObject, DocumentZone, ProjectDocument } from '../formats/projectDocument';

export const AREA_GROUPINGS = ['object', 'zoneType', 'level', 'township'] as const;
export type AreaGrouping = (typeof AREA_GROUPINGS)[number];

export const AREA_GROUPING_LABELS: Record<AreaGrouping, Bilingual> = {
  object: { zh: '保护对象', en: 'Protected object' },
  zoneType: { zh: '区划类型', en: 'Zone type' },
  level: { zh: '保护级别', en: 'Protection level' },
  township: { zh: '乡镇（行政区划代码前 9 位）', en: 'Township (first 9 digits of XZQDM)' },
};

export const UNSPECIFIED: Bilingual = { zh: '未注明', en: 'unspecified' };

export interface AreaStatisticsRow {
  /** Stable group key (object id, zone type, level, 9-digit township code, or '' for unspecified). */
  key: string;
  label: Bilingual;
  zoneCount: number;
  /** Geodesic area on the CGCS2000 ellipsoid, m² (what the national database uses). */
  ellipsoidalM2: number;
  /** Planar area in the 3° Gauss-Krüger zone `gkZone`, m² (what coordinate tables report). */
  planarM2: number;
}

export interface AreaStatistics {
  grouping: AreaGrouping;
  gkZone: number;
  rows: AreaStatisticsRow[];
  /** Sum over all zones. Overlapping zones (a CCZ envelope containing its protection range) are each counted in full. */
  total: AreaStatisticsRow;
}

/** The township of an object: the 9-digit prefix of a 9- or 12-digit XZQDM, else unspecified. */
export function townshipOf(object: DocumentObject | undefined): string {
  const code = object?.attributes.xzqdm ?? '';
  return /^\d{9}(\d{3})?$/.test(code) ? code.slice(0, 9) : '';
}

interface Group {
  key: string;
  label: Bilingual;
  order: number;
}

function groupOf(
  zone: DocumentZone,
  object: DocumentObject | undefined,
  grouping: AreaGrouping,
  objectOrder: Map<string, number>,
): Group {
  const unspecified = { key: '', label: UNSPECIFIED, order: Number.MAX_SAFE_INTEGER };
  switch (grouping) {
    case 'object':
      return object
        ? {
            key: object.id,
            label: { zh: object.attributes.name, en: object.attributes.name },
            order: objectOrder.get(object.id)!,
          }
        : unspecified;
    case 'zoneType': {
      const type = zone.attributes.zoneType;
      return { key: type, label: ZONE_TYPE_LABELS[type], order: ZONE_TYPES.indexOf(type) };
    }
    case 'level': {
      const level = object?.attributes.level ?? null;
      return level
        ? { key: level, label: PROTECTION_LEVEL_LABELS[level], order: PROTECTION_LEVELS.indexOf(level) }
        : unspecified;
    }
    case 'township': {
      const code = townshipOf(object);
      return code ? { key: code, label: { zh: code, en: code }, order: Number(code) } : unspecified;
    }
  }
}

/**
 * Areas of the project's zones grouped by object, zone type, protection level or township, each
 * both ellipsoidal (CGCS2000, geodesic) and planar Gauss-Krüger (zone `gkZone`), plus the total.
 * Every zone is counted in full in its group: overlapping zones are summed, not unioned.
 */
export function areaStatistics(
  document: ProjectDocument,
  options: { gkZone: number; grouping: AreaGrouping },
): AreaStatistics {
  const objects = new Map(document.objects.map((o) => [o.id, o]));
  const objectOrder = new Map(document.objects.map((o, i) => [o.id, i]));
  const groups = new Map<string, AreaStatisticsRow & { order: number }>();
  const total: AreaStatisticsRow = {
    key: 'total',
    label: { zh: '合计', en: 'Total' },
    zoneCount: 0,
    ellipsoidalM2: 0,
    planarM2: 0,
  };
  for (const zone of document.zones) {
    const group = groupOf(zone, objects.get(zone.objectId), options.grouping, objectOrder);
    let row = groups.get(group.key);
    if (!row) {
      row = { ...group, zoneCount: 0, ellipsoidalM2: 0, planarM2: 0 };
      groups.set(group.key, row);
    }
    const ellipsoidal = ellipsoidalArea(zone.geometry);
    const planar = planarGaussKrugerArea(zone.geometry, options.gkZone);
    for (const target of [row, total]) {
      target.zoneCount++;
      target.ellipsoidalM2 += ellipsoidal;
      target.planarM2 += planar;
    }
  }
  const rows = [...groups.values()].sort((a, b) => a.order - b.order).map(({ order: _order, ...row }) => row);
  return { grouping: options.grouping, gkZone: options.gkZone, rows, total };
}

import { ZONE_TYPES, ZONE_TYPE_LABELS } from '../../domain/taxonomy';
import type { Properties } from '../layer';
import { caseInsensitive } from './full';
import { databaseFields, writeDatabaseFields, zoneTypesOf } from './planningDatabase';
import type { FieldProfile, FullRecord, ProfileContext } from './types';

/** 要素代码 of 历史文化保护线 in the county planning database (domain.md §5). */
export const LSWHBHX_YSDM = '2090020227';

/** Zone labels longest first, so 核心保护范围 wins over 保护范围 when splitting a remark. */
const LABELS_LONGEST_FIRST = [...ZONE_TYPES].sort(
  (a, b) => ZONE_TYPE_LABELS[b].zh.length - ZONE_TYPE_LABELS[a].zh.length,
);

/** "乌苏文庙保护范围" → object 乌苏文庙, zone protection_range. */
export function splitRemark(remark: string): { objectName: string; zoneLabel: string } | null {
  const text = remark.trim();
  for (const type of LABELS_LONGEST_FIRST) {
    const label = ZONE_TYPE_LABELS[type].zh;
    if (text.endsWith(label) && text.length > label.length)
      return { objectName: text.slice(0, -label.length).trim(), zoneLabel: label };
  }
  return null;
}

const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));

/**
 * What a LSWHBHX feature's remark BZ says of its object and zone ("乌苏文庙保护范围"), for
 * layers without BHDXMC and QHLX; import takes it where no field gives them.
 */
export function lswhbhxNames(properties: Properties): FullRecord {
  const remark = splitRemark(text(caseInsensitive(properties)('BZ')));
  return remark ? { object_name: remark.objectName, zone_type: remark.zoneLabel } : {};
}

/**
 * 'lswhbhx': the planning database layer 历史文化保护线. Only the zone types that are heritage
 * protection lines (planningDatabase.ts DATABASE_LAYER_OF), one feature per polygon part, every
 * width fixed. MJ is the ellipsoidal area in m² by default (option `lswhbhx.areaUnit`: hm2 or mu);
 * BZ is object name + zone type label, which import splits again (lswhbhxNames); BHDXMC and QHLX
 * are our extras carrying the same explicitly.
 */
export const LSWHBHX_PROFILE: FieldProfile = {
  id: 'lswhbhx',
  label: {
    zh: '历史文化保护线 LSWHBHX（规划数据库）',
    en: 'LSWHBHX heritage protection line (planning database)',
  },
  layerName: 'LSWHBHX',
  zoneTypes: zoneTypesOf('LSWHBHX'),
  singlePart: true,
  ysdm: LSWHBHX_YSDM,
  fields: ({ lswhbhx }) => databaseFields(lswhbhx),
  write: (full: FullRecord, context: ProfileContext): Properties =>
    writeDatabaseFields(full, context, LSWHBHX_YSDM),
  read: lswhbhxNames,
};

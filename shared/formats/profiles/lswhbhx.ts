import { ZONE_TYPES, ZONE_TYPE_LABELS } from '../../domain/taxonomy';
import { AREA_DECIMALS, convertArea } from '../../domain/units';
import { setProperty, type FieldDef, type Properties } from '../layer';
import { caseInsensitive } from './full';
import type { FieldProfile, FullRecord, ProfileContext } from './types';

/** 要素代码 of 历史文化保护线 in the county planning database (domain.md §5). */
export const LSWHBHX_YSDM = '2090020227';

/**
 * The 12-digit XZQDM the database expects: a 6-digit county code gets six zeros, a 9-digit
 * township code three (654202 → 654202000000). Anything else yields ''.
 */
export function padXzqdm(code: string): string {
  const digits = code.trim();
  if (/^\d{12}$/.test(digits)) return digits;
  if (/^\d{9}$/.test(digits)) return `${digits}000`;
  if (/^\d{6}$/.test(digits)) return `${digits}000000`;
  return '';
}

/** BSM: the first 6 digits of XZQDM + "0000" + an 8-digit sequence (18 characters). */
export function lswhbhxBsm(xzqdm: string, sequence: number): string {
  const county = (padXzqdm(xzqdm) || '000000').slice(0, 6);
  return `${county}0000${String(sequence).padStart(8, '0')}`;
}

const FIELDS: FieldDef[] = [
  { name: 'BSM', type: 'string', width: 18 },
  { name: 'YSDM', type: 'string', width: 10 },
  { name: 'XZQDM', type: 'string', width: 12 },
  { name: 'XZQMC', type: 'string', width: 100 },
  { name: 'MJ', type: 'real', width: 18, decimals: 2 },
  { name: 'BZ', type: 'string', width: 254 },
  // Ours, not in the database standard: they make a LSWHBHX layer importable without guessing.
  { name: 'BHDXMC', type: 'string', width: 100 },
  { name: 'QHLX', type: 'string', width: 40 },
];

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
 * 'lswhbhx': the planning database layer 历史文化保护线. MJ is the ellipsoidal area in m² by
 * default (option `lswhbhx.areaUnit`: hm2 or mu); BZ is object name + zone type label, which
 * import splits again (lswhbhxNames); BHDXMC and QHLX are our extras carrying the same explicitly.
 */
export const LSWHBHX_PROFILE: FieldProfile = {
  id: 'lswhbhx',
  label: {
    zh: '历史文化保护线 LSWHBHX（规划数据库）',
    en: 'LSWHBHX heritage protection line (planning database)',
  },
  fields: () => FIELDS.map((f) => ({ ...f })),
  write(full: FullRecord, context: ProfileContext): Properties {
    const options = context.lswhbhx;
    const xzqdm = padXzqdm(options.xzqdm || text(full.xzqdm) || context.settings.xzqdm || '');
    const unit = options.areaUnit ?? 'm2';
    const factor = 10 ** AREA_DECIMALS[unit];
    const name = text(full.object_name);
    const label = text(full.zone_type_label);
    const out: Properties = {};
    setProperty(out, 'BSM', lswhbhxBsm(xzqdm, (options.startSequence ?? 1) + context.index));
    setProperty(out, 'YSDM', LSWHBHX_YSDM);
    setProperty(out, 'XZQDM', xzqdm);
    setProperty(out, 'XZQMC', options.xzqmc ?? '');
    setProperty(out, 'MJ', Math.round(convertArea(context.areaM2, unit) * factor) / factor);
    setProperty(out, 'BZ', `${name}${label}`);
    setProperty(out, 'BHDXMC', name);
    setProperty(out, 'QHLX', label);
    return out;
  },
  read: lswhbhxNames,
};

import type { ChangeType } from '../../domain/taxonomy';
import { setProperty, type FieldDef, type Properties } from '../layer';
import type { LswhbhxOptions } from '../mapping/types';
import type { ChangeLayerOptions } from '../../review/compareTypes';
import { LSWHBHX_YSDM } from './lswhbhx';
import { databaseFields, writeDatabaseFields, type DatabaseLayer } from './planningDatabase';
import type { FullRecord, ProfileContext } from './types';
import { ZXCQCSZX_YSDM } from './zxcqcszx';

/**
 * The annual change layer of the county planning database (一张图 年度维护): the fields of the
 * protection-line layer (LSWHBHX / ZXCQCSZX) plus WHLX (维护类型: 1 调入, 2 属性变更, 3 调出),
 * WHLY (维护原因) and WHBH (维护编号). docs/formats.md "Change layer (WHLX)" has the table; the
 * layer names and WHBH's form are [unconfirmed] and therefore options.
 */

/** Default layer name of each database layer's change layer. */
export const WHLX_LAYER_NAMES: Record<DatabaseLayer, string> = {
  LSWHBHX: 'LSWHBHXBG',
  ZXCQCSZX: 'ZXCQCSZXBG',
};

export const WHLX_YSDM: Record<DatabaseLayer, string> = {
  LSWHBHX: LSWHBHX_YSDM,
  ZXCQCSZX: ZXCQCSZX_YSDM,
};

/** How WHBH is filled: a prefix (default the year) and a 4-digit sequence, or one text for all. */
export type WhbhMode = ChangeLayerOptions['whbh'];

export const WHLY_WIDTH = 254;
export const WHBH_WIDTH = 30;

/** The database layer's eight fields, then WHLX C1, WHLY C254, WHBH C30 (every width fixed). */
export function whlxFields(options: LswhbhxOptions = {}): FieldDef[] {
  return [
    ...databaseFields(options),
    { name: 'WHLX', type: 'string', width: 1, fixed: true },
    { name: 'WHLY', type: 'string', width: WHLY_WIDTH, fixed: true },
    { name: 'WHBH', type: 'string', width: WHBH_WIDTH, fixed: true },
  ];
}

/** WHBH of the n-th feature (1-based), at most 30 characters. */
export function whbhOf(mode: WhbhMode, n: number): string {
  const text = mode.mode === 'fixed' ? mode.text : `${mode.prefix}${String(n).padStart(4, '0')}`;
  return text.trim().slice(0, WHBH_WIDTH);
}

/** One feature's fields: the database layer's, then the change type, reason and number. */
export function writeWhlxFields(
  full: FullRecord,
  context: ProfileContext,
  layer: DatabaseLayer,
  change: { whlx: ChangeType; whly: string; whbh: string },
): Properties {
  const out = writeDatabaseFields(full, context, WHLX_YSDM[layer]);
  setProperty(out, 'WHLX', change.whlx);
  setProperty(out, 'WHLY', change.whly);
  setProperty(out, 'WHBH', change.whbh);
  return out;
}

/** Default reasons (WHLY), written in Chinese as the database holds them; editable per change. */
export const WHLY_DEFAULTS = {
  added: (zoneLabel: string) => `新增${zoneLabel}`,
  removed: (zoneLabel: string) => `删除${zoneLabel}`,
  gained: '边界调整（调入）',
  lost: '边界调整（调出）',
  replaced: '边界调整',
  attributes: (fieldLabels: readonly string[]) => `属性变更：${fieldLabels.join('、')}`,
};

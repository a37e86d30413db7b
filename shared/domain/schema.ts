import { z } from 'zod';
import { DatumShiftSchema } from '../crs/datumShift';
import { ZoneGeometrySchema, type ZoneGeometry } from './geometry';
import {
  CCZ_CLASSES,
  OBJECT_TYPES,
  PLACE_DESIGNATIONS,
  PROTECTION_LEVELS,
  PROVENANCE_METHODS,
  RELIC_CATEGORIES,
  ZONE_STATUSES,
  ZONE_TYPES,
} from './taxonomy';
import { field } from './fieldMeta';
import { DerivationSchema } from './derivation';
import { FigureSettingsSchema } from '../figures/figureSettings';
import { checkTileTemplate } from '../tiles/tileTemplate';

/**
 * The one schema of protected objects, zones and projects. Forms are generated from it (labels and
 * controls in the `.meta()` of each field), the store validates every write with it, and export
 * and import map it to files. Dates are ISO `YYYY-MM-DD`; timestamps ISO instants.
 */

const id = z.string().min(1).max(64);
const requiredName = z
  .string()
  .trim()
  .max(200)
  .refine((v) => v.length > 0, { params: { code: 'name_required' } });
const isoDate = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const text = (max = 200) => z.string().trim().max(max);
const optionalDate = z
  .string()
  .refine((v) => v === '' || isoDate.test(v), { params: { code: 'date_format' } })
  .default('');

export const XzqdmSchema = z
  .string()
  .trim()
  .refine((v) => v === '' || /^\d{6}(\d{3}|\d{6})?$/.test(v), { params: { code: 'xzqdm_format' } });

export const ApprovalSchema = z.object({
  authority: field(text(), { zh: '批准机关', en: 'Approving authority' }).default(''),
  documentNo: field(text(), { zh: '批准文号', en: 'Document number' }).default(''),
  date: field(optionalDate, { zh: '批准日期', en: 'Approval date' }, { control: 'date' }),
});

export const ProvenanceSchema = z.object({
  method: field(
    z.enum(PROVENANCE_METHODS),
    { zh: '来源方式', en: 'Method' },
    { options: 'provenanceMethod' },
  ).default('digitised'),
  source: field(text(500), { zh: '数据来源', en: 'Source' }).default(''),
  accuracyM: field(z.number().nonnegative().max(10_000).nullable(), {
    zh: '精度（米）',
    en: 'Accuracy (m)',
  }).default(null),
  date: field(optionalDate, { zh: '来源日期', en: 'Source date' }, { control: 'date' }),
});

export const ZoneAttributesSchema = z
  .object({
    zoneType: field(z.enum(ZONE_TYPES), { zh: '区划类型', en: 'Zone type' }, { options: 'zoneType' }),
    subZoneNo: field(z.number().int().min(1).max(999).nullable(), {
      zh: '分区编号',
      en: 'Sub-area number',
    }).default(null),
    cczClass: field(
      z.union(CCZ_CLASSES.map((c) => z.literal(c))).nullable(),
      { zh: '建控地带类别', en: 'CCZ class' },
      { options: 'cczClass' },
    ).default(null),
    sameAsRange: field(z.boolean(), { zh: '建控地带同保护范围', en: 'CCZ same as protection range' }).default(
      false,
    ),
    boundaryText: field(
      text(4000),
      { zh: '四至（原文）', en: 'Boundary text (verbatim)' },
      { multiline: true },
    ).default(''),
    rules: field(text(4000), { zh: '管控要求', en: 'Management rules' }, { multiline: true }).default(''),
    heightLimitM: field(z.number().positive().max(1000).nullable(), {
      zh: '限高（米）',
      en: 'Height limit (m)',
    }).default(null),
    heightLimitStoreys: field(z.number().int().min(1).max(200).nullable(), {
      zh: '限高（层）',
      en: 'Height limit (storeys)',
    }).default(null),
    status: field(z.enum(ZONE_STATUSES), { zh: '状态', en: 'Status' }, { options: 'zoneStatus' }).default(
      'proposed',
    ),
    approval: field(ApprovalSchema, { zh: '批准', en: 'Approval' }).prefault({}),
    provenance: field(ProvenanceSchema, { zh: '来源', en: 'Provenance' }).prefault({}),
    version: field(z.number().int().min(1), { zh: '版本', en: 'Version' }, { readOnly: true }).default(1),
    supersedesId: field(
      z.string().nullable(),
      { zh: '替代的区划', en: 'Supersedes' },
      { readOnly: true },
    ).default(null),
    /** How a derived zone was computed (shared/derive); null for drawn/imported zones. The
     * attribute panel shows it in its own read-only section and hides it from the generic form. */
    derivation: field(
      DerivationSchema.nullable(),
      { zh: '派生信息', en: 'Derivation' },
      { readOnly: true },
    ).default(null),
    /** The planning database's identifier (LSWHBHX BSM) once the zone has one; a re-import of a
     * database layer updates the zone whose BSM it carries instead of adding a copy. */
    bsm: field(text(50), { zh: '数据库标识码（BSM）', en: 'Database id (BSM)' }).default(''),
  })
  .superRefine((zone, ctx) => {
    const isCcz = zone.zoneType === 'construction_control_zone';
    if (!isCcz && zone.cczClass !== null) {
      ctx.addIssue({ code: 'custom', path: ['cczClass'], params: { code: 'ccz_class_only_for_ccz' } });
    }
    if (!isCcz && zone.sameAsRange) {
      ctx.addIssue({ code: 'custom', path: ['sameAsRange'], params: { code: 'same_as_range_only_for_ccz' } });
    }
  });
export type ZoneAttributes = z.output<typeof ZoneAttributesSchema>;
export type ZoneAttributesInput = z.input<typeof ZoneAttributesSchema>;

const timestamp = z.string().datetime();

export const ZoneSchema = z.object({
  id,
  projectId: id,
  objectId: id,
  attributes: ZoneAttributesSchema,
  geometry: ZoneGeometrySchema,
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Zone = Omit<z.output<typeof ZoneSchema>, 'geometry'> & { geometry: ZoneGeometry };

export const ObjectAttributesSchema = z
  .object({
    name: field(requiredName, {
      zh: '名称',
      en: 'Name',
    }),
    otherNames: field(text(), { zh: '别名', en: 'Other names' }).default(''),
    nameLocal: field(text(), { zh: '少数民族文字名称', en: 'Name in local script' }).default(''),
    objectType: field(z.enum(OBJECT_TYPES), { zh: '对象类型', en: 'Object type' }, { options: 'objectType' }),
    level: field(
      z.enum(PROTECTION_LEVELS).nullable(),
      { zh: '保护级别', en: 'Protection level' },
      {
        options: 'protectionLevel',
      },
    ).default(null),
    category: field(
      z.enum(RELIC_CATEGORIES).nullable(),
      { zh: '文物类别', en: 'Relic category' },
      {
        options: 'relicCategory',
      },
    ).default(null),
    designations: field(
      z.array(z.enum(PLACE_DESIGNATIONS)),
      { zh: '称号', en: 'Designations' },
      {
        options: 'placeDesignation',
      },
    ).default([]),
    serialNo: field(text(50), { zh: '分类号/序号', en: 'Class / serial number' }).default(''),
    era: field(text(), { zh: '时代', en: 'Era' }).default(''),
    address: field(text(500), { zh: '地址', en: 'Address' }).default(''),
    xzqdm: field(XzqdmSchema, { zh: '行政区划代码', en: 'Administrative code (XZQDM)' }).default(''),
    batch: field(text(100), { zh: '公布批次', en: 'Batch' }).default(''),
    announcingAuthority: field(text(), { zh: '公布机关', en: 'Announcing authority' }).default(''),
    announcementDate: field(optionalDate, { zh: '公布日期', en: 'Announcement date' }, { control: 'date' }),
    announcementDocNo: field(text(100), { zh: '公布文号', en: 'Announcement document' }).default(''),
    officialCode: field(text(50), { zh: '文物编码', en: 'Official code' }).default(''),
    owner: field(text(), { zh: '管理使用单位', en: 'Owner / managing body' }).default(''),
    condition: field(text(1000), { zh: '保存状况', en: 'Condition' }, { multiline: true }).default(''),
    representativePoint: field(
      z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).nullable(),
      { zh: '代表点', en: 'Representative point' },
      { readOnly: true },
    ).default(null),
  })
  .superRefine((object, ctx) => {
    if (object.objectType !== 'relic_unit' && object.category !== null) {
      ctx.addIssue({ code: 'custom', path: ['category'], params: { code: 'category_only_for_relics' } });
    }
  });
export type ObjectAttributes = z.output<typeof ObjectAttributesSchema>;
export type ObjectAttributesInput = z.input<typeof ObjectAttributesSchema>;

export const ProtectedObjectSchema = z.object({
  id,
  projectId: id,
  attributes: ObjectAttributesSchema,
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type ProtectedObject = z.output<typeof ProtectedObjectSchema>;

/** 3° Gauss-Krüger zones covering China: 25 (75°E) … 45 (135°E). */
export const GK_ZONES = { min: 25, max: 45 } as const;

export const ProjectSettingsSchema = z.object({
  name: field(requiredName, {
    zh: '项目名称',
    en: 'Project name',
  }),
  xzqdm: field(XzqdmSchema, { zh: '行政区划代码', en: 'Administrative code (XZQDM)' }).default(''),
  // XZQMC of the planning-database layers (LSWHBHX, ZXCQCSZX): the county's name, e.g. 乌苏市.
  xzqmc: field(text(100), { zh: '行政区名称', en: 'Administrative area name (XZQMC)' }).default(''),
  gkZone: field(z.number().int().min(GK_ZONES.min).max(GK_ZONES.max), {
    zh: '高斯-克吕格3°带号',
    en: 'Gauss-Krüger 3° zone',
  }),
  illustrative: field(z.boolean(), { zh: '示意数据', en: 'Illustrative data' }, { readOnly: true }).default(
    false,
  ),
  onlineBasemapUrl: field(
    z
      .string()
      .trim()
      .superRefine((v, ctx) => {
        if (v === '') return;
        // The same check as a tile service added in the layers panel; a key pasted here would
        // travel inside project files, so it is refused rather than moved.
        const check = checkTileTemplate(v, { keys: 'refuse' });
        if (!check.ok)
          ctx.addIssue({ code: 'custom', params: { code: check.problem.code, ...check.problem.params } });
        else if (check.value.encoding !== 'xyz' || check.value.template.includes('{key}'))
          ctx.addIssue({ code: 'custom', params: { code: 'xyz_url_format' } });
      }),
    { zh: '在线底图地址（XYZ）', en: 'Online basemap URL (XYZ)' },
  ).default(''),
  onlineBasemapEnabled: field(z.boolean(), { zh: '启用在线底图', en: 'Use online basemap' }).default(false),
  autoRegenerateDerived: field(z.boolean(), {
    zh: '源区划修改后自动重新生成派生区划',
    en: 'Auto-regenerate derived zones',
  }).default(false),
  /**
   * Datum transformations chosen for this project's imports, by datum (CrsDef.datumKey: xian1980,
   * beijing1954, new_beijing, other:<name>). Set from the import dialog, not the settings form.
   */
  datumShifts: z.record(z.string().max(200), DatumShiftSchema).default({}),
  /** Paper, scale and title block of the figure (出图); edited in the composer, not the settings form. */
  figure: FigureSettingsSchema.prefault({}),
});
export type ProjectSettings = z.output<typeof ProjectSettingsSchema>;
export type ProjectSettingsInput = z.input<typeof ProjectSettingsSchema>;

export const ProjectSchema = z.object({
  id,
  settings: ProjectSettingsSchema,
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Project = z.output<typeof ProjectSchema>;

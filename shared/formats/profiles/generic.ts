import { FULL_FIELDS, pickFields } from './full';
import type { FieldProfile } from './types';

/**
 * 'generic': every GeoJSON property under a DBF-safe name of at most 10 ASCII bytes, for formats
 * with short field names (Shapefile). The table is docs/formats.md "Field profiles".
 */
export const GENERIC_NAMES: Readonly<Record<string, string>> = {
  zone_id: 'ZONE_ID',
  object_id: 'OBJ_ID',
  zone_type: 'ZONE_TYPE',
  sub_zone_no: 'SUB_NO',
  ccz_class: 'CCZ_CLASS',
  same_as_range: 'SAME_RANGE',
  boundary_text: 'BNDRY_TEXT',
  rules: 'RULES',
  height_limit_m: 'HEIGHT_M',
  height_limit_storeys: 'HEIGHT_FL',
  status: 'STATUS',
  approval_authority: 'APPR_AUTH',
  approval_doc_no: 'APPR_DOC',
  approval_date: 'APPR_DATE',
  provenance_method: 'PROV_METH',
  provenance_source: 'PROV_SRC',
  provenance_accuracy_m: 'PROV_ACC_M',
  provenance_date: 'PROV_DATE',
  version: 'VERSION',
  supersedes_id: 'SUPERSEDES',
  zone_created_at: 'Z_CREATED',
  zone_updated_at: 'Z_UPDATED',
  derivation: 'DERIVATION',
  bsm: 'BSM',
  object_name: 'OBJ_NAME',
  object_other_names: 'OBJ_OTHER',
  object_name_local: 'OBJ_LOCAL',
  object_type: 'OBJ_TYPE',
  protection_level: 'PROT_LEVEL',
  relic_category: 'RELIC_CAT',
  designations: 'DESIGNATNS',
  object_serial_no: 'OBJ_SERIAL',
  object_era: 'OBJ_ERA',
  object_address: 'OBJ_ADDR',
  xzqdm: 'XZQDM',
  object_batch: 'OBJ_BATCH',
  announcing_authority: 'ANN_AUTH',
  announcement_date: 'ANN_DATE',
  announcement_doc_no: 'ANN_DOC',
  object_official_code: 'OBJ_CODE',
  object_owner: 'OBJ_OWNER',
  object_condition: 'OBJ_COND',
  object_created_at: 'O_CREATED',
  object_updated_at: 'O_UPDATED',
  zone_type_label: 'ZONE_LABEL',
  object_type_label: 'OBJ_LABEL',
  representative_lon: 'REP_LON',
  representative_lat: 'REP_LAT',
  area_m2: 'AREA_M2',
  area_hm2: 'AREA_HM2',
  area_mu: 'AREA_MU',
  area_method: 'AREA_METH',
  geometry_extent: 'GEOM_EXT',
};

const shortName = (name: string) => GENERIC_NAMES[name] ?? name;

export const GENERIC_FIELDS = FULL_FIELDS.map((f) => ({ ...f, name: shortName(f.name) }));

export const GENERIC_PROFILE: FieldProfile = {
  id: 'generic',
  label: { zh: '通用短字段名（≤10 字节）', en: 'Generic short names (≤ 10 bytes)' },
  fields: () => GENERIC_FIELDS.map((f) => ({ ...f })),
  write: (full) => pickFields(full, FULL_FIELDS, shortName),
};

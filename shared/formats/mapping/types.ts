import type { DatumShift } from '../../crs/datumShift';
import type { AxisOrder } from '../../crs/evidence';
import type { Bilingual } from '../../domain/labels';
import type { ZoneType } from '../../domain/taxonomy';
import type { InputProblem } from '../formatError';
import type { FieldDef, NamedBytes, Properties, ReadInfo } from '../layer';
import type { ProjectDocument } from '../projectDocument';

/**
 * The types of the exchange core (registry + mapping), shared by the worker jobs
 * (renderer/jobs/jobTypes.ts: readImport, writeExport), the import/export dialogs and `hzw`.
 * Keep them stable: add members, never change or remove one.
 */

/** Field profiles (shared/formats/profiles, docs/formats.md "Field profiles"). */
export type ProfileId = 'full' | 'generic' | 'lswhbhx' | 'zxcqcszx';

/** Export formats the registry can write (`hzw convert` picks one from the output extension). */
export type ExportFormatId =
  | 'geojson'
  | 'geojson-projected'
  | 'shapefile'
  | 'geopackage'
  | 'kml'
  | 'kmz'
  | 'dxf'
  | 'coordinate-txt'
  | 'csv'
  | 'xlsx';

/** One refused feature; `layer` names its layer when a file holds several (GPKG, DXF, KML). */
export interface ImportProblem extends InputProblem {
  layer?: string;
}

/** What an import produces: same shape as GeoJsonImportResult, so the review dialog takes either. */
export interface ImportResult {
  document: Pick<ProjectDocument, 'objects' | 'zones'> & { settings: ProjectDocument['settings'] | null };
  /** Features refused, each with its index in its layer and the reason; none of them is imported. */
  rejected: ImportProblem[];
  /** Features read (accepted + refused), over all layers. */
  total: number;
  /**
   * Properties the file supplied (mapped from a source field); a re-import updates only these on
   * the zones and objects it matches. Absent: every property (project files).
   */
  mappedProperties?: string[];
}

/**
 * Which source field fills each schema property and which code each source value stands for
 * (docs/formats.md "Field and value mapping"). Validated by `ImportMappingSchema`.
 */
export interface ImportMapping {
  /** Property of the `full` profile → source field; null: not imported. Absent: matched by name. */
  fields?: Record<string, string | null>;
  /** Per coded property: trimmed source value → code (`national`, `construction_control_zone:1`); null refuses it. */
  values?: Record<string, Record<string, string | null>>;
}

/** How one schema property is filled: from which source field, and who decided. */
export interface FieldMatch {
  property: string;
  source: string | null;
  /** auto: matched by name; user: chosen (or from a preset); missing: chosen but not in this file. */
  how: 'auto' | 'user' | 'missing' | 'none';
}

/** A distinct source value of a coded property, how often it occurs and the code it maps to. */
export interface ValueEntry {
  value: string;
  count: number;
  code: string | null;
  how: 'auto' | 'user';
}

export interface ValueTable {
  property: string;
  source: string;
  /** Most frequent first, at most MAX_VALUE_ENTRIES. */
  entries: ValueEntry[];
  /** Distinct values not listed. */
  more: number;
}

/** The mapping in effect for one layer, for the import dialog and `hzw info --mapping`. */
export interface LayerMapping {
  layer: string;
  profile: ProfileId;
  sourceFields: string[];
  /** Every schema property, in schema order. */
  fields: FieldMatch[];
  /** One table per mapped coded property. */
  values: ValueTable[];
}

export interface ImportOptions {
  /** Attribute text encoding override (WHATWG label: 'gbk', 'utf-8', 'big5', …). */
  encoding?: string;
  /** Source CRS override, e.g. 4516 (files without .prj, DXF, coordinate tables). */
  epsg?: number;
  /** Source CRS override as a full definition (WKT1/WKT2/ESRI/PROJ); wins over `epsg`. */
  crs?: string;
  /** Project Gauss-Krüger zone, for 6-digit eastings that carry no zone number. */
  gkZone?: number;
  /** Axis order override: 'ne' = survey order (X = north first), 'en' = GIS order; absent = decide. */
  axisOrder?: AxisOrder;
  /** How an old datum (Xian 1980, Beijing 1954 …) becomes CGCS2000; without it such files are refused. */
  datumShift?: DatumShift;
  /** Transformations stored with the project, by datum key; used when `datumShift` is not given. */
  datumShifts?: Record<string, DatumShift>;
  /** Profile of the source attributes; 'auto' (default) recognises LSWHBHX and DBF short names. */
  profile?: ProfileId | 'auto';
  /** Field holding the zone type (code, Chinese or English label); default by profile. */
  zoneTypeField?: string;
  /** Zone type per attribute value of `zoneTypeField` (e.g. { '1': 'protection_range' }). */
  zoneTypeByValue?: Record<string, ZoneType>;
  /** Zone type per CAD layer (DXF) or KML folder name. */
  cadLayerMapping?: Record<string, ZoneType>;
  /** Zone type of features whose type cannot be resolved otherwise; without it they are refused. */
  defaultZoneType?: ZoneType;
  /** Field holding the protected object's name; default by profile. */
  objectNameField?: string;
  /** Object name for features that have none (e.g. the file name); without it they are refused. */
  defaultObjectName?: string;
  /** Only these layers of a multi-layer file (GPKG, DXF); default all. */
  layers?: string[];
  /** Field and value mapping; what it leaves out is matched by name and value automatically. */
  mapping?: ImportMapping;
}

/** One layer of an input file, for the import dialog and `hzw info`. */
export interface LayerSummary {
  name: string;
  /** Adapter id, e.g. 'shapefile', 'dxf'. */
  format: string;
  epsg: number | null;
  count: number;
  fields: FieldDef[];
  /** Features by geometry type ('Polygon', 'LineString', 'null', …). */
  geometryTypes: Record<string, number>;
  /** DXF layer names and how many features each holds, with the zone type their name suggests. */
  cadLayers?: { name: string; count: number; suggested?: ZoneType | null }[];
  info: ReadInfo;
}

export interface ReadImportInput {
  files: NamedBytes[];
  options: ImportOptions;
}

export interface ReadImportOutput {
  /** ReadInfo per layer (same order as `layers`). */
  info: ReadInfo[];
  layers: LayerSummary[];
  /** The first 20 features' properties per layer, as decoded with the encoding used. */
  preview: { layer: string; rows: Properties[] }[];
  /** The import into the heritage schema, ready for the review dialog. */
  result: ImportResult;
  /** The profile used to interpret attributes (after 'auto'). */
  profile: ProfileId;
  /** The field and value mapping in effect, per layer (same order as `layers`). */
  mappings?: LayerMapping[];
  /**
   * Set when the input cannot be imported with these options (e.g. no CRS and none can be told
   * from the numbers): `result` is then empty; choose options (epsg, gkZone…) and read again.
   */
  refused?: InputProblem[];
}

export interface CoordinateTableExportOptions {
  /** Y (easting) carries the zone number (28 553 915) — default true. */
  zonePrefix?: boolean;
  /** Point name prefix, default 'J'. */
  pointPrefix?: string;
  /** Decimal places of X/Y in metres, default 3. */
  decimals?: number;
}

/** Options of the planning-database profiles (LSWHBHX and ZXCQCSZX). */
export interface LswhbhxOptions {
  /** 6-, 9- or 12-digit administrative code; default the object's, else the project's xzqdm. */
  xzqdm?: string;
  /** 行政区名称 (XZQMC); default the project's xzqmc. */
  xzqmc?: string;
  /** 要素代码 (YSDM); default the profile's (LSWHBHX 2090020227, ZXCQCSZX 2090020233). */
  ysdm?: string;
  /** Unit of MJ, default 'm2' (ellipsoidal). */
  areaUnit?: 'm2' | 'hm2' | 'mu';
  /** First BSM sequence number, default 1. */
  startSequence?: number;
}

export interface ExportOptions {
  format: ExportFormatId;
  /** Default: 'generic' for Shapefile, 'full' otherwise (DXF layers by zone type need zone_type). */
  profile?: ProfileId;
  /** Attribute text encoding for Shapefile, DXF, coordinate tables; default 'utf-8' ('gbk' for DXF). */
  encoding?: 'gbk' | 'utf-8';
  /** Target CRS: 4516 or 'EPSG:4516'; default 4490 (geographic), GK zone for DXF/tables. */
  epsg?: number | string;
  /**
   * Decimal places (degrees for lon/lat, else metres); default by format (defaultDecimals):
   * 7 for RFC 7946 GeoJSON, 9 for other lon/lat formats, 3 for projected text, 4 projected binary.
   */
  decimals?: number;
  /** Zone types to include; null or absent for all. */
  zoneTypes?: readonly ZoneType[] | null;
  /** DXF: label vertices J1, J2, … */
  vertexLabels?: boolean;
  /** Base name of the output files, default the project name. */
  baseName?: string;
  coordinateTable?: CoordinateTableExportOptions;
  /** Options of the planning-database profiles (LSWHBHX, ZXCQCSZX). */
  lswhbhx?: LswhbhxOptions;
  /** Pack formats of several files (Shapefile) into one .zip; default true. */
  zip?: boolean;
}

/** A field whose name the format could not keep (DBF 10-byte limit, duplicates after cutting). */
export interface RenamedField {
  layer: string;
  from: string;
  to: string;
}

export interface WriteExportInput {
  document: ProjectDocument;
  options: ExportOptions;
}

export interface WriteExportOutput {
  /** Files to save; formats of several files (Shapefile) come as one .zip unless `hzw` writes them. */
  files: NamedBytes[];
  renamedFields: RenamedField[];
  warnings: Bilingual[];
}

import type { CrsDef } from '../crs/crsDef';
import type { DatumId } from '../crs/datums';
import type { DatumShift } from '../crs/datumShift';
import type { AxisOrder, CrsEvidence } from '../crs/evidence';
import type { CrsSource } from '../crs/resolveCrs';
import type { Bilingual } from '../domain/labels';
import type { InputProblem } from './formatError';

/**
 * The neutral model every file-format adapter reads and writes: layers of features with plain
 * attribute values, in the layer's own coordinate system. Mapping to and from the heritage schema
 * (objects, zones) happens in one place (zoneLayer.ts) through field profiles, so `hzw convert`
 * can carry attributes unchanged between formats while the app imports them into zones.
 */
export type FieldValue = string | number | boolean | null;
export type FieldType = 'string' | 'integer' | 'real' | 'boolean' | 'date';

export interface FieldDef {
  name: string;
  type: FieldType;
  /** Characters (string) or digits (numbers) as the source declared them, when it did. */
  width?: number;
  decimals?: number;
  /**
   * Width and decimals are a target schema's (a planning-database layer): writers declare exactly
   * them, whatever the values hold. Otherwise they are hints and writers size fields to the data.
   */
  fixed?: boolean;
}

export type Coordinates = number[];
export type LayerGeometry =
  | { type: 'Point'; coordinates: Coordinates }
  | { type: 'MultiPoint'; coordinates: Coordinates[] }
  | { type: 'LineString'; coordinates: Coordinates[] }
  | { type: 'MultiLineString'; coordinates: Coordinates[][] }
  | { type: 'Polygon'; coordinates: Coordinates[][] }
  | { type: 'MultiPolygon'; coordinates: Coordinates[][][] };

/** Attribute values by field name. Build them with `setProperty`, never `Object.assign`. */
export type Properties = Record<string, FieldValue>;

export interface LayerFeature {
  geometry: LayerGeometry | null;
  properties: Properties;
}

export interface Layer {
  name: string;
  /**
   * EPSG code of the coordinates once decided (shared/crs/resolveCrs.ts); null while undecided or
   * when the system has no EPSG code (then `crs` holds its full definition).
   */
  epsg: number | null;
  /** The full definition when `epsg` alone cannot say it (a .prj outside the bundled systems). */
  crs?: CrsDef;
  /** What the reader learned about the CRS; the resolver decides from it. */
  evidence?: CrsEvidence;
  fields: FieldDef[];
  features: LayerFeature[];
  /** A table without geometry (GeoPackage `attributes`, a .dbf without .shp): data, not zones. */
  attributeTable?: boolean;
}

/** A file as bytes with its name: what pickers, drops, IPC and the CLI hand to adapters. */
export interface NamedBytes {
  name: string;
  bytes: Uint8Array;
}

export type Progress = (fraction: number) => void;

/** How a layer's coordinate system was decided (shared/crs/resolveCrs.ts), for the preview and `hzw info`. */
export interface CrsInfo {
  epsg: number | null;
  source: CrsSource;
  /** The reasons in one line. */
  note?: Bilingual;
  /** Name of the system (also for definitions without an EPSG code). */
  name?: Bilingual;
  /** Why this system and axis order, one line each. */
  reasons?: Bilingual[];
  axisOrder?: AxisOrder;
  /** EPSG codes to offer, most likely first. */
  candidates?: number[];
  datum?: DatumId;
  /** Key under which a chosen datum transformation is stored (CrsDef.datumKey). */
  datumKey?: string;
  /** Converting to CGCS2000 needs a datum transformation the planner chooses. */
  needsDatumShift?: boolean;
  /** The datum transformation applied, when one was, in words. */
  datumShift?: Bilingual;
  /** The datum transformation applied (null: the definition's own TOWGS84 parameters). */
  datumShiftUsed?: DatumShift | null;
}

/** What a reader learned about the file, for the import preview and `hzw info`. */
export interface ReadInfo {
  format: string;
  /** Text encoding used to decode attributes, how it was chosen, and the alternatives offered. */
  encoding?: { used: string; source: 'header' | 'cpg' | 'detected' | 'user' | 'fixed'; candidates: string[] };
  /** Coordinate system: the EPSG code chosen, how, and a human description. */
  crs?: CrsInfo;
  /** Things the planner must see before accepting (datum not shifted, X/Y may be swapped, …). */
  warnings: Bilingual[];
}

export interface ReadResult {
  layers: Layer[];
  /** Features refused (index within their layer, field, reason); none of them is in `layers`. */
  problems: InputProblem[];
  info: ReadInfo;
}

export interface ReadOptions {
  /** Override of the attribute text encoding (WHATWG label, e.g. 'gbk', 'utf-8', 'big5'). */
  encoding?: string;
}

export interface WriteOptions {
  /** Attribute text encoding for formats that have a choice (Shapefile, DXF, coordinate tables). */
  encoding?: 'gbk' | 'utf-8';
  /** Target CRS (EPSG code) for formats that have a choice; writers reproject nothing themselves. */
  epsg?: number;
  /** Base name of the output files, without extension. */
  baseName?: string;
}

/** One file format behind one interface (the idea of placemark's `app/lib/convert/`). */
export interface FormatAdapter<R extends ReadOptions = ReadOptions, W extends WriteOptions = WriteOptions> {
  id: string;
  label: Bilingual;
  /** Lower-case extensions without the dot; the first is the one written. */
  extensions: readonly string[];
  read?(files: readonly NamedBytes[], options: R, progress: Progress): ReadResult;
  write?(layers: readonly Layer[], options: W, progress: Progress): NamedBytes[];
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A fresh property record. */
export function createProperties(): Properties {
  return {};
}

/**
 * Set one attribute. Names like `__proto__` (which a hostile .dbf or JSON can carry) become plain
 * own properties instead of reaching the prototype.
 */
export function setProperty(target: Properties, name: string, value: FieldValue): void {
  if (FORBIDDEN_KEYS.has(name)) {
    Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
  } else target[name] = value;
}

/** Read one attribute only if it is the record's own. */
export function getProperty(source: Properties, name: string): FieldValue | undefined {
  return Object.prototype.hasOwnProperty.call(source, name) ? source[name] : undefined;
}

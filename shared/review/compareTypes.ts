import type { Bilingual } from '../domain/labels';
import type { ZoneGeometry } from '../domain/geometry';
import type { ZoneType } from '../domain/taxonomy';
import type { ProjectDocument } from '../formats/projectDocument';
import type { LswhbhxOptions } from '../formats/mapping/types';

/**
 * What comparing two states of a project gives (design §6; compare.ts computes it). Both states
 * are documents in document ids: the current state, a named version, or a project file.
 */

/** One side of a comparison and how the UI names it ("当前", "送审稿 2026-12", a file name). */
export interface CompareSide {
  label: Bilingual;
  document: ProjectDocument;
}

export interface CompareOptions {
  gkZone: number;
  /** Gained or lost parts smaller than this (m², in the GK plane; default 0.01) are dropped and counted. */
  sliverM2?: number;
}

export type RecordChangeKind = 'added' | 'removed' | 'geometry' | 'attributes' | 'geometry+attributes';

/** A zone present in either state and different between them. */
export interface ZoneChange {
  zoneId: string;
  objectId: string;
  zoneType: ZoneType;
  kind: RecordChangeKind;
  /** Changed attribute names (full-profile property names, minus timestamps and areas). */
  fields: string[];
}

export interface ObjectChange {
  objectId: string;
  kind: Exclude<RecordChangeKind, 'geometry' | 'geometry+attributes'>;
  fields: string[];
}

/** Per (object, zone type): the ground gained (调入) and lost (调出) between the two states. */
export interface UnitChange {
  objectId: string;
  zoneType: ZoneType;
  /** The unit's zone ids in A and in B. */
  before: string[];
  after: string[];
  /** In lon/lat; null when nothing was gained / lost. */
  gained: ZoneGeometry | null;
  lost: ZoneGeometry | null;
  gainedM2: number;
  lostM2: number;
  beforeM2: number;
  afterM2: number;
}

export interface ZoneTypeTotals {
  added: number;
  removed: number;
  changed: number;
  gainedM2: number;
  lostM2: number;
  beforeM2: number;
  afterM2: number;
}

export interface CompareResult {
  zones: ZoneChange[];
  objects: ObjectChange[];
  units: UnitChange[];
  totals: Partial<Record<ZoneType, ZoneTypeTotals>>;
  /** Parts below `sliverM2` left out of the units. */
  sliversDropped: number;
  /** Share of zone ids found in both states (of the larger); low: probably another project. */
  matchedShare: number;
}

/** What the map draws for a comparison (PlanMap.showComparison). */
export interface ComparisonView {
  /** State A's zones (the swipe's left side); those `changed` are drawn as dashed outlines. */
  before: { zoneId: string; zoneType: ZoneType; geometry: ZoneGeometry; changed?: boolean }[];
  gained: { objectId: string; zoneType: ZoneType; geometry: ZoneGeometry }[];
  lost: { objectId: string; zoneType: ZoneType; geometry: ZoneGeometry }[];
  /** State B's zones when B is not the current state (the swipe's right side); absent: current. */
  after?: { zoneId: string; zoneType: ZoneType; geometry: ZoneGeometry }[];
}

/** How geometry changes become WHLX features: gained/lost parts, or old whole + new whole. */
export type WhlxGeometryChange = 'parts' | 'replace';

/** The change layer (WHLX) export's choices (design §6, profiles/whlx.ts). */
export interface ChangeLayerOptions {
  format: 'shapefile' | 'geopackage' | 'geojson';
  /** Target EPSG code (GeoJSON is always 4490). */
  epsg: number;
  /** Shapefile text; default GBK (with a .cpg). */
  encoding?: 'gbk' | 'utf-8';
  baseName: string;
  geometryChange: WhlxGeometryChange;
  /** WHBH: prefix + 4-digit sequence, or one fixed text (e.g. the 批复文号). */
  whbh: { mode: 'sequence'; prefix: string } | { mode: 'fixed'; text: string };
  /** WHLY per change, edited in the table; keyed by `WhlxChange.key` (shared/review/whlxChanges.ts). */
  reasons?: Record<string, string>;
  /** Codes and numbering of the database fields (XZQDM, XZQMC, YSDM, MJ unit, first BSM). */
  lswhbhx?: LswhbhxOptions;
}

import type { ZoneType } from '../../shared/domain/taxonomy';
import { gaussKrugerEpsg } from '../../shared/crs/definitions';
import type { ExportFormatId, ExportOptions, ProfileId } from '../../shared/formats/mapping/types';
import { defaultProfile } from '../../shared/formats/mapping/exportDefaults';
import { PROFILES } from '../../shared/formats/profiles/profiles';
import type { ProjectDocument } from '../../shared/formats/projectDocument';

/** What the export dialog offers; "coordinate table" is one choice with three layouts. */
export type ExportChoiceFormat = Exclude<ExportFormatId, 'csv' | 'xlsx' | 'coordinate-txt'> | 'table';
export type TableLayout = 'coordinate-txt' | 'csv' | 'xlsx';
export type ExportScope = 'all' | 'selectedZones' | 'selectedObject';

export interface ExportChoice {
  format: ExportChoiceFormat;
  /** Zone types to include; null = all. */
  zoneTypes: readonly ZoneType[] | null;
  scope: ExportScope;
  encoding: 'gbk' | 'utf-8';
  /** Field profile of Shapefile and GeoPackage; null = the format's default. */
  profile: ProfileId | null;
  /** CRS of Shapefile and GeoPackage: CGCS2000 lon/lat (4490) or any bundled EPSG code. */
  epsg: number;
  /** 要素代码 of a planning-database layer; '' = the profile's. */
  ysdm: string;
  /** 3° Gauss-Krüger zone for projected outputs (default: the project setting). */
  gkZone: number;
  /** Easting carries the zone number (28 553 915 m). */
  zonePrefix: boolean;
  vertexLabels: boolean;
  tableLayout: TableLayout;
  decimals: number;
}

export function defaultExportChoice(gkZone: number): ExportChoice {
  return {
    format: 'geojson',
    zoneTypes: null,
    scope: 'all',
    encoding: 'gbk',
    profile: null,
    epsg: 4490,
    ysdm: '',
    gkZone,
    zonePrefix: true,
    vertexLabels: true,
    tableLayout: 'coordinate-txt',
    decimals: 3,
  };
}

/** Formats whose coordinates are Gauss-Krüger metres (the zone and prefix apply). */
export function isProjected(format: ExportChoiceFormat): boolean {
  return format === 'geojson-projected' || format === 'dxf' || format === 'table';
}

/** Formats that hold attributes under a field profile and take any CRS (the dialog's CRS list). */
export function hasProfileAndCrs(format: ExportChoiceFormat): format is 'shapefile' | 'geopackage' {
  return format === 'shapefile' || format === 'geopackage';
}

/** The field profile a choice writes with. */
export function profileOf(choice: ExportChoice): ProfileId {
  return choice.profile ?? defaultProfile(choice.format === 'table' ? choice.tableLayout : choice.format);
}

/** The planning-database layer a choice writes (LSWHBHX, ZXCQCSZX), or null. */
export function databaseLayerOf(choice: ExportChoice): string | null {
  return hasProfileAndCrs(choice.format) ? (PROFILES[profileOf(choice)].layerName ?? null) : null;
}

/** The writeExport options for a dialog choice. */
export function exportOptionsOf(choice: ExportChoice, baseName: string): ExportOptions {
  const format: ExportFormatId = choice.format === 'table' ? choice.tableLayout : choice.format;
  const options: ExportOptions = { format, zoneTypes: choice.zoneTypes, baseName };
  if (isProjected(choice.format)) {
    options.epsg = gaussKrugerEpsg(choice.gkZone, 3, choice.zonePrefix) ?? undefined;
    options.decimals = choice.decimals;
  }
  // Lon/lat formats take the core's per-format default (writeExport defaultDecimals).
  if (hasProfileAndCrs(choice.format)) {
    options.profile = profileOf(choice);
    if (choice.epsg !== 4490) options.epsg = choice.epsg;
    if (databaseLayerOf(choice) && choice.ysdm.trim()) options.lswhbhx = { ysdm: choice.ysdm.trim() };
  }
  if (choice.format === 'shapefile') {
    options.encoding = choice.encoding;
    options.zip = true;
  }
  if (choice.format === 'dxf') {
    options.vertexLabels = choice.vertexLabels;
    options.encoding = choice.encoding;
  }
  if (choice.format === 'table') {
    options.encoding = choice.encoding;
    options.coordinateTable = { zonePrefix: choice.zonePrefix, decimals: choice.decimals };
  }
  if (options.epsg === undefined) delete options.epsg;
  return options;
}

export interface SelectionLike {
  zoneIds: readonly string[];
  objectId: string | null;
}

/**
 * The part of the document to export: everything, the selected zones, or the selected object's
 * zones — with the objects those zones belong to, so names and attributes travel with them.
 */
export function documentInScope(
  document: ProjectDocument,
  scope: ExportScope,
  selection: SelectionLike,
): ProjectDocument {
  if (scope === 'all') return document;
  const chosen = new Set(selection.zoneIds);
  const zones =
    scope === 'selectedZones'
      ? document.zones.filter((z) => chosen.has(z.id))
      : document.zones.filter((z) => z.objectId === selection.objectId);
  const objectIds = new Set(zones.map((z) => z.objectId));
  return { ...document, objects: document.objects.filter((o) => objectIds.has(o.id)), zones };
}

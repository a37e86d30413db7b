import type { ZoneType } from '../../shared/domain/taxonomy';
import { gaussKrugerEpsg } from '../../shared/crs/definitions';
import type { ExportFormatId, ExportOptions, ProfileId } from '../../shared/formats/mapping/types';
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
  profile: ProfileId;
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
    profile: 'generic',
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

/** The writeExport options for a dialog choice. */
export function exportOptionsOf(choice: ExportChoice, baseName: string): ExportOptions {
  const format: ExportFormatId = choice.format === 'table' ? choice.tableLayout : choice.format;
  const options: ExportOptions = { format, zoneTypes: choice.zoneTypes, baseName };
  if (isProjected(choice.format)) {
    options.epsg = gaussKrugerEpsg(choice.gkZone, 3, choice.zonePrefix) ?? undefined;
    options.decimals = choice.decimals;
  }
  // Lon/lat formats take the core's per-format default (writeExport defaultDecimals).
  if (choice.format === 'shapefile') {
    options.encoding = choice.encoding;
    options.profile = choice.profile;
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

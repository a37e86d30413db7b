import { isLonLat } from '../../crs/transformLayer';
import type { ExportFormatId, ProfileId } from './types';

/**
 * Per-format defaults of an export, in a module light enough for the page (writeExport itself
 * pulls in every writer, GeoPackage's WebAssembly included).
 */

/** Default field profile of a format: short names where names are short (DBF), full otherwise. */
export function defaultProfile(format: ExportFormatId): ProfileId {
  return format === 'shapefile' ? 'generic' : 'full';
}

/** Formats that store coordinates as doubles (or the CRS's full width): no reason to drop precision. */
const BINARY_FORMATS: readonly ExportFormatId[] = ['shapefile', 'geopackage'];

/**
 * Default decimal places of a format's coordinates: RFC 7946 GeoJSON 7 (≈1 cm); every other
 * lon/lat output 9 (≈0.1 mm), so the area another tool computes from the file agrees with MJ even
 * for walls a few metres wide; projected metres 3 (1 mm) in text formats, 4 in binary ones.
 */
export function defaultDecimals(format: ExportFormatId, epsg: number): number {
  if (isLonLat(epsg)) return format === 'geojson' ? 7 : 9;
  return BINARY_FORMATS.includes(format) ? 4 : 3;
}

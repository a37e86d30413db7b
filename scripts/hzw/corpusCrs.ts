import { readFileSync } from 'node:fs';
import { crsFromPrj } from '../../shared/crs/prj';
import { positionTransform } from '../../shared/crs/transformLayer';
import { decodeText } from '../../shared/formats/text/encoding';
import type { Finding } from './corpusChecks';
import { gdalSrsOfFile, gdalTransform, type GdalFeature } from './corpusGdal';
import { firstPosition, metres } from './corpusGeometry';

/**
 * Coordinate systems compared by where they put a point, never by name: a position goes through
 * GDAL's reading of the CRS (PROJ, via GDAL) and through our EPSG code (our proj4 definitions;
 * GDAL's definition of the code when we bundle none). More than 1 cm apart is a difference.
 */
const CRS_TOLERANCE_M = 0.01;

const crsName = (wkt: string) => /^\w+\["([^"]*)"/.exec(wkt)?.[1] ?? 'a CRS';

async function oursToLonLat(epsg: number, position: number[]): Promise<number[]> {
  try {
    return positionTransform(epsg, 4326)(position);
  } catch {
    return (await gdalTransform(`EPSG:${epsg}`, 'EPSG:4326', [position]))[0]!;
  }
}

/**
 * A layer's CRS: its first position through GDAL's CRS (GDAL's own lon/lat output of that
 * feature) and through ours. `crsText` is what `hzw info` prints for ours.
 */
export async function layerCrsFinding(
  srs: string | null,
  epsg: number | null,
  crsText: string,
  native: GdalFeature[],
  lonLat: GdalFeature[],
): Promise<string | null> {
  if (srs === null && epsg === null) return null;
  if (srs === null) return `GDAL finds no CRS; ours ${crsText}`;
  if (epsg === null) return `ours none; GDAL "${crsName(srs)}"`;
  const index = native.findIndex((f) => firstPosition(f.geometry) !== null);
  const theirs = index < 0 ? null : firstPosition(lonLat[index]?.geometry ?? null);
  if (!theirs) return null;
  const sample = firstPosition(native[index]!.geometry)!;
  const gap = metres(theirs, await oursToLonLat(epsg, sample));
  if (gap <= CRS_TOLERANCE_M) return null;
  return `at (${sample.slice(0, 2).join(', ')}) ours EPSG:${epsg} lands ${gap.toPrecision(3)} m from GDAL's "${crsName(srs)}"`;
}

/** A position inside the system GDAL reads: half a degree east of its origin's meridian. */
function samplePoint(wkt: string): number[] {
  const param = (name: string) =>
    Number(new RegExp(`PARAMETER\\["${name}",(-?[\\d.]+)`).exec(wkt)?.[1] ?? Number.NaN);
  const lon = [param('Longitude of natural origin'), param('Longitude of false origin')].find(
    Number.isFinite,
  );
  const lat = [param('Latitude of natural origin'), param('Latitude of false origin')].find(Number.isFinite);
  return [(lon ?? 10) + 0.5, lat !== undefined && lat !== 0 ? lat + 1 : 35];
}

/**
 * A lone `.prj` (or `.qpj`) as the Shapefile reader takes it (`crsFromPrj` on its UTF-8 text)
 * against GDAL's reading (`gdalsrsinfo`): a point inside the system projected by GDAL, then
 * brought back to lon/lat through our EPSG code.
 */
export async function comparePrj(path: string): Promise<Finding[]> {
  const ours = crsFromPrj(decodeText(new Uint8Array(readFileSync(path)), 'utf-8'));
  let wkt: string;
  try {
    wkt = await gdalSrsOfFile(path);
  } catch {
    return ours.epsg === null ? [] : [{ what: 'crs', detail: `GDAL cannot read it; ours EPSG:${ours.epsg}` }];
  }
  if (ours.epsg === null) return [{ what: 'crs', detail: `ours not recognised; GDAL "${crsName(wkt)}"` }];
  const sample = samplePoint(wkt);
  const [xy] = await gdalTransform('EPSG:4326', wkt, [sample]);
  const gap = metres(sample, await oursToLonLat(ours.epsg, xy!));
  if (gap <= CRS_TOLERANCE_M) return [];
  const at = xy!.map((v) => v.toFixed(2)).join(', ');
  return [
    {
      what: 'crs',
      detail: `at (${at}) ours EPSG:${ours.epsg} lands ${gap.toPrecision(3)} m from GDAL's "${crsName(wkt)}"`,
    },
  ];
}

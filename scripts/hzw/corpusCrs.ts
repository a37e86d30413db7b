import { readFileSync } from 'node:fs';
import { describeCrs, type CrsDef } from '../../shared/crs/crsDef';
import { resolveCrs } from '../../shared/crs/resolveCrs';
import { DatumShiftRequiredError, positionTransform } from '../../shared/crs/transformLayer';
import { decodeText } from '../../shared/formats/text/encoding';
import type { Finding } from './corpusChecks';
import { gdalSrsOfFile, gdalTransform, type GdalFeature } from './corpusGdal';
import { firstPosition, metres } from './corpusGeometry';
import type { OursLayer } from './corpusOurs';

/**
 * Coordinate systems compared by where they put a point, never by name: a position goes through
 * GDAL's reading of the CRS (PROJ, via GDAL) and through the system our resolver decided (our
 * proj4 definitions). A system on an old datum has no lon/lat of its own until the planner picks
 * a datum transformation; GDAL then takes our code or definition through PROJ's choice, the same
 * choice it makes for its own reading, so the systems themselves are compared. More than 1 cm
 * apart is a difference.
 */
const CRS_TOLERANCE_M = 0.01;

const crsName = (wkt: string) => /^\w+\["([^"]*)"/.exec(wkt)?.[1] ?? 'a CRS';

async function oursToLonLat(crs: CrsDef, position: number[]): Promise<number[]> {
  try {
    return positionTransform(crs, 4326)(position);
  } catch (error) {
    if (!(error instanceof DatumShiftRequiredError)) throw error;
    const system = crs.epsg === null ? crs.definition : `EPSG:${crs.epsg}`;
    return (await gdalTransform(system, 'EPSG:4326', [position]))[0]!;
  }
}

const oursText = (crs: CrsDef) => describeCrs(crs).en;

/**
 * A layer's CRS: its first position through GDAL's CRS (GDAL's own lon/lat output of that
 * feature) and through ours, in the axis order the resolver reads it.
 */
export async function layerCrsFinding(
  srs: string | null,
  ours: Pick<OursLayer, 'crs' | 'axisOrder'>,
  native: GdalFeature[],
  lonLat: GdalFeature[],
): Promise<string | null> {
  const { crs, axisOrder } = ours;
  const swapped = axisOrder === 'ne' ? ', positions read X = north first (swapped)' : '';
  if (srs === null && crs === null) return null;
  if (srs === null) return `GDAL finds no CRS; ours ${oursText(crs!)}${swapped}`;
  if (crs === null) return `ours none; GDAL "${crsName(srs)}"`;
  const index = native.findIndex((f) => firstPosition(f.geometry) !== null);
  const theirs = index < 0 ? null : firstPosition(lonLat[index]?.geometry ?? null);
  if (!theirs) return null;
  const position = firstPosition(native[index]!.geometry)!;
  const sample = axisOrder === 'ne' ? [position[1]!, position[0]!] : position;
  const gap = metres(theirs, await oursToLonLat(crs, sample));
  if (gap <= CRS_TOLERANCE_M) return null;
  return `at (${position.slice(0, 2).join(', ')}) ours ${oursText(crs)}${swapped} lands ${gap.toPrecision(3)} m from GDAL's "${crsName(srs)}"`;
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
 * A lone `.prj` (or `.qpj`) as a shapefile's CRS is decided (its UTF-8 text as the definition
 * evidence of resolveCrs) against GDAL's reading (`gdalsrsinfo`): a point inside the system
 * projected by GDAL, then brought back to lon/lat through ours.
 */
export async function comparePrj(path: string): Promise<Finding[]> {
  const text = decodeText(new Uint8Array(readFileSync(path)), 'utf-8');
  const ours = resolveCrs({ definition: { text, from: '.prj' } }, []).crs;
  let wkt: string;
  try {
    wkt = await gdalSrsOfFile(path);
  } catch {
    return ours === null ? [] : [{ what: 'crs', detail: `GDAL cannot read it; ours ${oursText(ours)}` }];
  }
  if (ours === null) return [{ what: 'crs', detail: `ours not recognised; GDAL "${crsName(wkt)}"` }];
  const sample = samplePoint(wkt);
  const [xy] = await gdalTransform('EPSG:4326', wkt, [sample]);
  const gap = metres(sample, await oursToLonLat(ours, xy!));
  if (gap <= CRS_TOLERANCE_M) return [];
  const at = xy!.map((v) => v.toFixed(2)).join(', ');
  return [
    {
      what: 'crs',
      detail: `at (${at}) ours ${oursText(ours)} lands ${gap.toPrecision(3)} m from GDAL's "${crsName(wkt)}"`,
    },
  ];
}

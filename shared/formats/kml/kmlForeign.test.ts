import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Coordinates, LayerGeometry } from '../layer';
import { readKml } from './kmlAdapter';

/**
 * KML from Google Earth, togeojson's and GDAL's test suites (fixtures/SOURCES.md), read as GDAL
 * (its LIBKML driver) reads them: every placemark GDAL returns is here, as a feature or as a
 * problem naming placemark and reason; empty geometries come out without geometry, with a note.
 * The whole file is never refused for one bad placemark.
 */
const fixture = (path: string) => join(__dirname, 'fixtures', path);

function ours(path: string) {
  return readKml([{ name: path.replace(/^.*\//, ''), bytes: new Uint8Array(readFileSync(fixture(path))) }]);
}

interface GdalFeature {
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates?: unknown; geometries?: { coordinates: unknown }[] } | null;
}

function gdal(path: string): GdalFeature[] {
  const out = execFileSync('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', fixture(path)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return (JSON.parse(out) as { features: GdalFeature[] }).features;
}

/** The 2D positions of a geometry, as "x,y" strings to 1e-9° (GDAL prints 17 significant digits). */
function positions(g: GdalFeature['geometry'] | LayerGeometry | null): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v) && typeof v[0] === 'number')
      out.add(`${(v as Coordinates)[0]!.toFixed(9)},${(v as Coordinates)[1]!.toFixed(9)}`);
    else if (Array.isArray(v)) v.forEach(walk);
  };
  if (g && 'geometries' in g && g.geometries) g.geometries.forEach((part) => walk(part.coordinates));
  else if (g) walk((g as { coordinates: unknown }).coordinates);
  return out;
}

const isEmpty = (g: GdalFeature['geometry']) => g === null || positions(g).size === 0;

describe('KML GDAL reads, read the same way', () => {
  it.each([
    ['gdal/geometries.kml', 25, 0],
    ['gdal/kml_with_space_content_in_coordinates.kml', 1, 0],
    ['togeojson/selfclosing.kml', 1, 0],
    ['togeojson/point_extra_coordinates.kml', 1, 0],
    ['togeojson/timespan.kml', 1, 0],
    ['togeojson/nogeomplacemark.kml', 1, 0],
    ['togeojson/gxtrack.kml', 1, 0],
    ['togeojson/gxmultitrack.kml', 3, 0],
    ['togeojson/addresses.kml', 15, 0],
  ] as const)('%s: %i features and %i placemarks refused with a reason', (path, features, refused) => {
    const result = ours(path);
    const reference = gdal(path);
    const layer = result.layers[0]!;
    expect(layer.features).toHaveLength(features);
    expect(result.problems).toHaveLength(refused);
    expect(features + refused).toBe(reference.length);
    const refusedAt = new Set(result.problems.map((p) => p.index));
    const kept = reference.filter((_, i) => !refusedAt.has(i));
    layer.features.forEach((f, i) => {
      const expected = kept[i]!;
      const name = expected.properties['Name'] ?? expected.properties['name'] ?? '';
      expect(f.properties['name'] ?? '').toBe(String(name).trim()); // GDAL keeps the spaces around
      if (isEmpty(expected.geometry)) expect(f.geometry).toBeNull();
      else {
        expect(f.geometry).not.toBeNull();
        // The same positions (a closed ring repeats one; a mixed collection keeps its polygons or lines).
        const mine = positions(f.geometry);
        for (const p of mine) expect(positions(expected.geometry).has(p), `${path} #${i} ${p}`).toBe(true);
        if (expected.geometry!.type !== 'GeometryCollection')
          expect(mine).toEqual(positions(expected.geometry));
      }
    });
  });

  it('an empty <coordinates/> gives a feature without geometry, named in a warning', () => {
    const result = ours('togeojson/selfclosing.kml');
    expect(result.layers[0]!.features[0]!.geometry).toBeNull();
    expect(result.info.warnings.map((w) => w.en)).toContain(
      'placemark 1 “unextruded”: the geometry has no coordinates (empty); read without geometry',
    );
  });

  it('x,y,z,extra tuples keep x,y,z and say the extra numbers were ignored', () => {
    const result = ours('togeojson/point_extra_coordinates.kml');
    expect(result.layers[0]!.features[0]!.geometry).toEqual({
      type: 'Point',
      coordinates: [-122.0822035425683, 37.42228990140251, 0],
    });
    expect(result.info.warnings.map((w) => w.en)).toContain(
      '1 coordinates had more than three numbers (lon,lat,alt); the extra ones were ignored, as GDAL does',
    );
  });

  it('an open ring is closed (first point repeated), named in a warning', () => {
    const result = ours('togeojson/timespan.kml');
    const ring = (result.layers[0]!.features[0]!.geometry as { coordinates: number[][][] }).coordinates[0]!;
    expect(ring).toHaveLength(4);
    expect(ring[3]).toEqual(ring[0]);
    expect(result.info.warnings.map((w) => w.en)).toContain(
      'placemark 1 “1”: the outer ring was not closed; closed by repeating its first point',
    );
  });

  it('a gx:Track of one position is that point (GDAL: a one-point line), named in a warning', () => {
    const result = ours('togeojson/addresses.kml');
    const reference = gdal('togeojson/addresses.kml');
    const single = reference.flatMap((g, i) =>
      g.geometry?.type === 'LineString' && (g.geometry.coordinates as unknown[]).length === 1 ? [i] : [],
    );
    expect(single.length).toBeGreaterThan(0);
    for (const i of single) {
      const ourGeometry = result.layers[0]!.features[i]!.geometry;
      expect(ourGeometry?.type).toBe('Point');
      expect(positions(ourGeometry)).toEqual(positions(reference[i]!.geometry));
    }
    expect(result.info.warnings.map((w) => w.en).join('\n')).toContain(
      'the track has one position; read as a point',
    );
  });

  it('a description keeps its markup: escaped HTML and CDATA as GDAL reads them, XHTML as written', () => {
    const result = ours('gdal/description_with_xml.kml');
    const description = result.layers[0]!.features[0]!.properties['description'];
    // GDAL re-serialises the XHTML, writing <br/> as <br></br> (which HTML reads as two breaks).
    const theirs = String(gdal('gdal/description_with_xml.kml')[0]!.properties['description'])
      .replace(/<(\w+)([^>]*)><\/\1>/g, '<$1$2/>')
      .trim();
    expect(description).toBe(theirs);
    expect(description).toBe('Description<br/><i attr="val">Interesting</i><br/>');
    const cdata = ours('togeojson/cdata.kml').layers[0]!.features[0]!.properties['description'];
    expect(cdata).toBe(String(gdal('togeojson/cdata.kml')[0]!.properties['description']).trim());
  });

  it('a placemark without geometry is kept, its attributes intact', () => {
    const result = ours('togeojson/nogeomplacemark.kml');
    expect(result.layers[0]!.features[0]).toMatchObject({
      geometry: null,
      properties: { name: 'With all inline styles' },
    });
  });

  it('text where numbers belong refuses those placemarks only, each named with its reason', () => {
    const result = ours('togeojson/bad.kml');
    expect(result.layers[0]!.features).toEqual([]);
    expect(result.problems.map((p) => [p.index, p.reason.en])).toEqual([
      [0, 'placemark: coordinate “no,no” is not numeric'],
      [1, 'placemark “unextruded”: coordinate “no,no,0” is not numeric'],
      [2, 'placemark “hollow box”: coordinate “no,30” is not numeric'],
    ]);
  });
});

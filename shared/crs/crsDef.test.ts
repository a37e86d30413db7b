import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CrsDefinitionError, crsDefOfText } from './crsDef';
import { datumOfHeaderText, resolveCrs } from './resolveCrs';
import { positionTransform } from './transformLayer';

/** Definitions as PROJ prints them (projinfo is the independent source of every flavour). */
const projinfo = (code: string, format: string) =>
  execFileSync('projinfo', ['-o', format, '--single-line', '-q', code], { encoding: 'utf8' }).trim();

describe('crsDefOfText: any definition a file carries', () => {
  it.each(['WKT2_2019', 'WKT2_2015', 'WKT1_GDAL', 'WKT1_ESRI', 'PROJ'])(
    'recognises bundled systems of every datum by meaning in %s',
    (format) => {
      for (const code of [4490, 4516, 4537, 2383, 2413, 4214, 4610, 32645]) {
        const def = crsDefOfText(projinfo(`EPSG:${code}`, format));
        expect(def.epsg, `${format} EPSG:${code}`).toBe(code);
      }
    },
  );

  it('keeps a system outside the bundled set as its own definition, transforming as PROJ does', () => {
    const wkt = projinfo('EPSG:3006', 'WKT2_2019'); // SWEREF99 TM
    const def = crsDefOfText(wkt);
    expect(def).toMatchObject({ epsg: null, datum: 'wgs84', geographic: false });
    const [e, n] = positionTransform(4326, def)([18.07, 59.33]);
    const reference = execFileSync('cs2cs', ['-f', '%.6f', 'EPSG:4326', 'EPSG:3006'], {
      input: '59.33 18.07',
      encoding: 'utf8',
    })
      .trim()
      .split(/\s+/)
      .map(Number); // EPSG axis order: northing, easting
    expect(Math.abs(n! - reference[0]!)).toBeLessThan(0.001);
    expect(Math.abs(e! - reference[1]!)).toBeLessThan(0.001);
  });

  it('calls a datum on another ellipsoid without parameters "other", needing a transformation', () => {
    const nad27 = crsDefOfText(projinfo('EPSG:26715', 'WKT1_ESRI'));
    expect(nad27).toMatchObject({ epsg: null, datum: 'other' });
    expect(nad27.towgs84).toBeUndefined();
    expect(
      resolveCrs({ definition: { text: projinfo('EPSG:26715', 'WKT1_ESRI'), from: '.prj' } }, [
        [500_000, 4_900_000],
      ]).needsDatumShift,
    ).toBe(true);
  });

  it('a Lambert conformal conic WKT1 without latitude_of_origin lands where PROJ puts it (origin at 0°)', () => {
    const full = projinfo('EPSG:2991', 'WKT1_ESRI'); // NAD83 / Oregon Lambert, origin 41.75°
    const wkt = full.replace(/,PARAMETER\["Latitude_Of_Origin",[^\]]*\]/, '');
    expect(wkt).not.toBe(full);
    const [e, n] = positionTransform(4326, crsDefOfText(wkt))([-122.68, 45.52]);
    const [re, rn] = execFileSync('cs2cs', ['-f', '%.6f', 'EPSG:4326', wkt], {
      input: '45.52 -122.68',
      encoding: 'utf8',
    })
      .trim()
      .split(/\s+/)
      .map(Number);
    expect(Math.abs(e! - re!)).toBeLessThan(0.001);
    expect(Math.abs(n! - rn!)).toBeLessThan(0.001);
  });

  it('refuses a local (engineering) system: it has no place on the earth', () => {
    const local =
      'LOCAL_CS["Undefined SRS",LOCAL_DATUM["unknown",32767],UNIT["unknown",0],AXIS["Easting",EAST]]';
    expect(() => crsDefOfText(local)).toThrow(/local \(engineering\)/);
  });

  it('refuses what no parser understands, naming it', () => {
    expect(() => crsDefOfText('PROJCS["Local grid",GEOGCS["?"]]')).toThrow(CrsDefinitionError);
    expect(() => crsDefOfText('hello')).toThrow(/cannot be read: hello/);
  });
});

describe('coordinate table headers', () => {
  it.each([
    ['2000国家大地坐标系', 'cgcs2000'],
    ['CGCS2000', 'cgcs2000'],
    ['1980西安坐标系', 'xian1980'],
    ['西安80', 'xian1980'],
    ['1954北京坐标系', 'beijing1954'],
    ['新1954北京坐标系', 'new_beijing'],
    ['WGS84', 'wgs84'],
    ['地方坐标系', null],
  ] as const)('%s → %s', (text, datum) => expect(datumOfHeaderText(text)).toBe(datum));

  it('a Xian 1980 table header gives the Xian 1980 zone, not CGCS2000', () => {
    const r = resolveCrs({ axisOrder: 'ne', header: { datum: '1980西安坐标系', zone: 38 } }, [
      [3_386_000, 38_529_000],
    ]);
    expect(r.crs?.epsg).toBe(2362);
    expect(r.axisOrder).toBe('ne');
    expect(r.needsDatumShift).toBe(true);
  });
});

describe('numbers without a declared system', () => {
  it('reads latitude/longitude swapped only when the swap lands in China', () => {
    const swapped = resolveCrs({}, [[30.27, 120.15]]);
    expect(swapped).toMatchObject({ axisOrder: 'ne', crs: { epsg: 4490 } });
    // Small drawing units, e.g. a DXF in metres near its origin, are not latitude 79°.
    const drawing = resolveCrs({}, [[79, 121]]);
    expect(drawing.crs).toBeNull();
    expect(drawing.refusal?.en).toMatch(/choose the CRS/);
    // In the file's own order any degrees are degrees.
    expect(resolveCrs({}, [[-122.68, 45.52]]).crs?.epsg).toBe(4490);
  });
});

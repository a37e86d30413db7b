import { describe, expect, it } from 'vitest';
import { imagePlacement } from './imageBackground';
import { RasterRefused } from './rasterRefused';

/** Placing a scanned sheet by its world file and .prj (the resolver decides, as for imports). */
const size = { format: 'jpeg' as const, width: 4000, height: 3000 };
const tfw = ['0.25', '0', '0', '-0.25', '28552000.125', '4870749.875'].join('\n');
const PRJ_4516 =
  'PROJCS["CGCS2000_3_Degree_GK_Zone_28",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",28500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",84.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';

describe('imagePlacement', () => {
  it('takes the CRS from the .prj and the corners from the world file', () => {
    const p = imagePlacement('sheet.jpg', size, { 'sheet.jgw': tfw, 'sheet.prj': PRJ_4516 });
    expect(p.crs).toEqual({ epsg: 4516 });
    expect(p.sample[0]).toEqual([28552000, 4870750]);
    expect(p.sample[2]).toEqual([28553000, 4870000]);
  });

  it('without a .prj, reads the zone prefix (with the resolver warning)', () => {
    const p = imagePlacement('sheet.jpg', size, { 'sheet.jgw': tfw });
    expect(p.crs).toEqual({ epsg: 4516 });
    expect(p.warnings.map((w) => w.en).join(' ')).toMatch(/declares no CRS/);
  });

  it('refuses an image without a world file, and one over 100 Mpx', () => {
    expect(() => imagePlacement('sheet.jpg', size, { 'sheet.prj': PRJ_4516 })).toThrow(
      /no world file \(sheet\.jgw/,
    );
    const big = { format: 'png' as const, width: 20_000, height: 6_000 };
    expect(() => imagePlacement('big.png', big, { 'big.pgw': tfw })).toThrow(RasterRefused);
    expect(() => imagePlacement('big.png', big, { 'big.pgw': tfw })).toThrow(/over 100 Mpx/);
  });
});

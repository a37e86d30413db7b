/** Command line of `hzw`: `info <file>` and `convert <in> <out> [options]`. */
export type Command =
  | { command: 'info'; input: string; options: CliOptions }
  | { command: 'convert'; input: string; output: string; options: CliOptions }
  | { command: 'help' };

export interface CliOptions {
  fromCrs?: string;
  toCrs?: string;
  encoding?: string;
  outEncoding?: string;
  profile?: string;
  gkZone?: string;
  axisOrder?: string;
  datumShift?: string;
  datumConvention?: string;
  mapping?: string;
  json?: boolean;
  /** Refuse a planning-database export the pre-delivery check finds problems in. */
  strict?: boolean;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const USAGE = `hzw — Heritage Zone Workbench command line

  hzw info <file> [--json] [--encoding <enc>] [--from-crs EPSG:n|@file.prj] [--gk-zone n]
                  [--axis-order en|ne] [--mapping <preset.json>|auto]
  hzw convert <in> <out> [--from-crs EPSG:n|@file.prj] [--to-crs EPSG:n] [--encoding <enc>]
                         [--out-encoding gbk|utf-8] [--profile full|generic|lswhbhx|zxcqcszx]
                         [--gk-zone n] [--axis-order en|ne] [--strict]
                         [--datum-shift none|dx,dy,dz[,rx,ry,rz,ds]|@file]
                         [--datum-convention position-vector|coordinate-frame]
                         [--mapping <preset.json>|auto]

Formats by extension: .geojson .json .shp .zip .gpkg .kml .kmz .dxf .txt .csv .xlsx .hzw
  --from-crs     source CRS when the file has none or it is wrong: an EPSG code, a PROJ string,
                 or @file with a WKT1/WKT2/ESRI definition (a .prj)
  --to-crs       target CRS (GeoJSON and KML are always lon/lat, RFC 7946); from a project,
                 DXF and coordinate tables default to its prefixed 3° zone, like the app
  --encoding     attribute encoding of the input (gbk, utf-8, big5, …); detected otherwise
  --out-encoding attribute encoding of Shapefile/DXF/table output (default utf-8; tables gbk)
  --profile      map attributes through a field profile (default: keep them as they are)
  --gk-zone      project 3° zone for eastings without the zone number
  --axis-order   en: X = east (GIS order); ne: X = north first (survey order); default: decided
                 from the format and the numbers
  --datum-shift  how Xian 1980 / Beijing 1954 / New Beijing (or any other datum) becomes CGCS2000:
                 none = "ballpark, no shift" (metres to ~100 m off), or 3 or 7 parameters
                 (metres, arc-seconds, ppm; PROJ +towgs84 order), or @file with them; required
                 whenever the output changes the datum
  --datum-convention  rotation convention of the 7 parameters (default position-vector, as PROJ)
  --strict       refuse a LSWHBHX/ZXCQCSZX export the pre-delivery check finds problems in
                 (otherwise they are printed as warnings)
  --mapping      field and value mapping preset (JSON exported from the import dialog), or auto:
                 map attributes into the heritage schema; info shows the mapping and its result
Exit codes: 0 done, 1 input refused (reasons on stderr), 2 usage.`;

const VALUE_OPTIONS: Record<string, keyof CliOptions> = {
  '--from-crs': 'fromCrs',
  '--to-crs': 'toCrs',
  '--encoding': 'encoding',
  '--out-encoding': 'outEncoding',
  '--profile': 'profile',
  '--gk-zone': 'gkZone',
  '--axis-order': 'axisOrder',
  '--datum-shift': 'datumShift',
  '--datum-convention': 'datumConvention',
  '--mapping': 'mapping',
};

export function parseArgs(argv: readonly string[]): Command {
  const positional: string[] = [];
  const options: CliOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h' || arg === '--help') return { command: 'help' };
    if (arg === '--json') options.json = true;
    else if (arg === '--strict') options.strict = true;
    else if (arg.startsWith('--')) {
      const [name, inline] = arg.split('=', 2) as [string, string | undefined];
      const key = VALUE_OPTIONS[name];
      if (!key) throw new UsageError(`unknown option ${name}`);
      const value = inline ?? argv[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${name} needs a value`);
      (options as Record<string, string>)[key] = value;
    } else positional.push(arg);
  }
  const [command, ...rest] = positional;
  if (command === 'info' && rest.length === 1) return { command, input: rest[0]!, options };
  if (command === 'convert' && rest.length === 2)
    return { command, input: rest[0]!, output: rest[1]!, options };
  if (!command) return { command: 'help' };
  throw new UsageError(
    command === 'info' || command === 'convert'
      ? `wrong number of arguments for ${command}`
      : `unknown command ${command}`,
  );
}

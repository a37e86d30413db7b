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
  mapping?: string;
  json?: boolean;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const USAGE = `hzw — Heritage Zone Workbench command line

  hzw info <file> [--json] [--encoding <enc>] [--from-crs EPSG:n] [--mapping <preset.json>|auto]
  hzw convert <in> <out> [--from-crs EPSG:n] [--to-crs EPSG:n] [--encoding <enc>]
                         [--out-encoding gbk|utf-8] [--profile full|generic|lswhbhx] [--gk-zone n]
                         [--mapping <preset.json>|auto]

Formats by extension: .geojson .json .shp .zip .gpkg .kml .kmz .dxf .txt .csv .xlsx .hzw
  --from-crs     source CRS when the file has none or it is wrong
  --to-crs       target CRS (GeoJSON and KML are always lon/lat, RFC 7946)
  --encoding     attribute encoding of the input (gbk, utf-8, big5, …); detected otherwise
  --out-encoding attribute encoding of Shapefile/DXF/table output (default utf-8; tables gbk)
  --profile      map attributes through a field profile (default: keep them as they are)
  --gk-zone      project 3° zone for eastings without the zone number
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
  '--mapping': 'mapping',
};

export function parseArgs(argv: readonly string[]): Command {
  const positional: string[] = [];
  const options: CliOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h' || arg === '--help') return { command: 'help' };
    if (arg === '--json') options.json = true;
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

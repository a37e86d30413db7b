import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import type { LayerGeometry } from '../../shared/formats/layer';
import { cached, fingerprintOf } from './corpusGdalCache';

/**
 * GDAL's reading of a corpus file: the independent reference of `corpus.test.ts`. Everything goes
 * through the command-line tools (ogrinfo, ogr2ogr, gdaltransform, gdalsrsinfo) so the test needs
 * nothing but `gdal-bin`.
 */
const run = promisify(execFile);

export interface GdalOptions {
  /** Dataset open options (`-oo NAME=VALUE`). */
  openOptions?: readonly string[];
  /** Configuration options (`--config NAME VALUE`), e.g. SHAPE_ENCODING. */
  config?: Readonly<Record<string, string>>;
  /** The coordinate operation of the lon/lat reading (`ogr2ogr -ct`), instead of PROJ's choice. */
  coordinateOperation?: string;
  /** Geometries converted to this type (`ogr2ogr -nlt`), for types GeoJSON cannot hold. */
  geometryType?: string;
}

export interface GdalField {
  name: string;
  type: string;
}

export interface GdalLayer {
  name: string;
  /** ogrinfo's geometry type ("Polygon", "3D Measured Multi Polygon", "None", …). */
  geometry: string;
  count: number;
  /** The layer's CRS as WKT2, or null when GDAL found none. */
  srs: string | null;
  fields: GdalField[];
}

export interface GdalFeature {
  geometry: LayerGeometry | null;
  properties: Record<string, unknown>;
}

/** Curves are linearised by GDAL at 0.5° per segment, far finer than the tolerances compared. */
const BASE_CONFIG: Record<string, string> = { OGR_ARC_STEPSIZE: '0.5' };

function configArgs(o: GdalOptions): string[] {
  const config = { ...BASE_CONFIG, ...o.config };
  return [
    ...Object.entries(config).flatMap(([k, v]) => ['--config', k, v]),
    ...(o.openOptions ?? []).flatMap((oo) => ['-oo', oo]),
  ];
}

/** A dataset GDAL opens, and the fingerprint of its bytes (see corpusGdalCache.ts). */
export interface Dataset {
  path: string;
  fingerprint: string;
}

/** A GDAL tool's output; cached under the dataset's fingerprint instead of its path. */
function tool(name: string, args: string[], input?: string, dataset?: Dataset): Promise<string> {
  const key = [name, args.map((a) => (dataset && a === dataset.path ? dataset.fingerprint : a)), input];
  return cached(key, () => runTool(name, args, input));
}

async function runTool(name: string, args: string[], input?: string): Promise<string> {
  if (input === undefined) {
    const { stdout } = await run(name, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
    return stdout;
  }
  return new Promise((resolve, reject) => {
    const child = execFile(name, args, { encoding: 'utf8', maxBuffer: 1 << 28 }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    );
    child.stdin?.end(input);
  });
}

/** Throws with the install hint when GDAL's command-line tools are missing. */
export function assertGdalInstalled(): void {
  try {
    execFileSync('ogr2ogr', ['--version'], { stdio: 'pipe' });
    execFileSync('gdaltransform', ['--version'], { stdio: 'pipe' });
  } catch {
    throw new Error(
      'The corpus test needs GDAL: ogr2ogr/ogrinfo/gdaltransform were not found. ' +
        'Install gdal-bin (Debian/Ubuntu: sudo apt-get install gdal-bin) and run it again.',
    );
  }
}

const FIELD_LINE = /^(.+): (String|Integer|Integer64|Real|Date|DateTime|Time|Binary|\w+List)(?:\(\w+\))? \(/;

/** Layers of a dataset as `ogrinfo -so -al` describes them. */
export async function gdalLayers(dataset: Dataset, o: GdalOptions = {}): Promise<GdalLayer[]> {
  const args = [...configArgs(o), '-ro', '-so', '-al', '-nomd', dataset.path];
  const out = await tool('ogrinfo', args, undefined, dataset);
  const layers: GdalLayer[] = [];
  let current: GdalLayer | null = null;
  let wkt: string[] | null = null;
  for (const line of out.split('\n')) {
    const name = /^Layer name: (.*)$/.exec(line);
    if (name) {
      current = { name: name[1]!, geometry: 'Unknown', count: -1, srs: null, fields: [] };
      layers.push(current);
      wkt = null;
      continue;
    }
    if (!current) continue;
    if (wkt) {
      if (/^Data axis to CRS axis mapping|^FID Column|^Geometry Column/.test(line) || FIELD_LINE.test(line)) {
        current.srs = wkt.join('\n');
        wkt = null;
      } else {
        wkt.push(line);
        continue;
      }
    }
    const geometry = /^Geometry: (.*)$/.exec(line);
    const count = /^Feature Count: (-?\d+)$/.exec(line);
    const field = FIELD_LINE.exec(line);
    if (geometry) current.geometry = geometry[1]!;
    else if (count) current.count = Number(count[1]);
    else if (line === 'Layer SRS WKT:') wkt = [];
    else if (field) current.fields.push({ name: field[1]!, type: field[2]! });
  }
  for (const layer of layers) if (layer.srs === '(unknown)') layer.srs = null;
  return layers;
}

/**
 * One layer's features as GeoJSON: in the file's own CRS, or in lon/lat (EPSG:4326, GIS axis
 * order) with `lonLat`. 15 decimals natively and 12 in degrees: below 12, GDAL 3.6 shortens some
 * numbers to fewer significant digits (-13020134.299917 printed as -13020134.3 at 10).
 */
export async function gdalFeatures(
  dataset: Dataset,
  layer: string,
  o: GdalOptions & { lonLat?: boolean } = {},
): Promise<GdalFeature[]> {
  const args = [
    ...configArgs(o),
    '-f',
    'GeoJSON',
    ...(o.lonLat ? ['-t_srs', 'EPSG:4326'] : []),
    ...(o.lonLat && o.coordinateOperation ? ['-ct', o.coordinateOperation] : []),
    ...(o.geometryType ? ['-nlt', o.geometryType] : []),
    '-lco',
    'RFC7946=NO',
    '-lco',
    `COORDINATE_PRECISION=${o.lonLat ? 12 : 15}`,
    '/vsistdout/',
    dataset.path,
    layer,
  ];
  const out = await tool('ogr2ogr', args, undefined, dataset);
  return (JSON.parse(out) as { features: GdalFeature[] }).features;
}

/** A CRS as GDAL understands a `.prj` (ESRI or OGC WKT1, WKT2), as one-line WKT2. */
export async function gdalSrsOfFile(path: string): Promise<string> {
  const dataset = { path, fingerprint: fingerprintOf(path) };
  return (await tool('gdalsrsinfo', ['--single-line', '-o', 'wkt2', path], undefined, dataset)).trim();
}

/**
 * Points through PROJ as GDAL does it (`gdaltransform`, traditional GIS axis order: easting or
 * longitude first). `from`/`to` are anything GDAL takes: `EPSG:n` or WKT.
 */
export async function gdalTransform(from: string, to: string, points: number[][]): Promise<number[][]> {
  const out = await tool(
    'gdaltransform',
    ['-output_xy', '-s_srs', from, '-t_srs', to],
    points.map((p) => `${p[0]} ${p[1]}`).join('\n') + '\n',
  );
  return out
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/).map(Number));
}

import { extname, isAbsolute, resolve } from 'node:path';

/**
 * Files the app opens when the OS hands them over: projects (a project from another
 * installation opens as a read-only review copy), and whole data sets to import. A shapefile's
 * .shp, .dbf or .prj alone is not a data set, and .txt/.csv are too common to claim.
 */
export const OPENABLE_EXTENSIONS = [
  '.hzw',
  '.json',
  '.geojson',
  '.zip',
  '.gpkg',
  '.kml',
  '.kmz',
  '.dxf',
] as const;

export function isOpenableFile(path: string): boolean {
  return (OPENABLE_EXTENSIONS as readonly string[]).includes(extname(path).toLowerCase());
}

/**
 * The file a launch asks to open, as an absolute path, or null. argv is
 * [executable, (app path when run as `electron <app>`), ...switches and arguments]. Switches
 * (`--user-data-dir=…`, `--inspect=0`, macOS's `-psn_…`) are skipped; after `--` every argument
 * is positional. Relative paths are resolved against the launch's working directory (for a
 * second instance that is its directory, not ours).
 */
export function fileArgument(argv: readonly string[], cwd: string, defaultApp: boolean): string | null {
  const positional: string[] = [];
  let afterDashes = false;
  for (const arg of argv.slice(1)) {
    if (!afterDashes && arg === '--') afterDashes = true;
    else if (afterDashes || !arg.startsWith('-')) positional.push(arg);
  }
  const candidates = defaultApp ? positional.slice(1) : positional;
  const file = candidates.find((arg) => arg.trim() !== '' && isOpenableFile(arg));
  if (!file) return null;
  return isAbsolute(file) ? file : resolve(cwd, file);
}

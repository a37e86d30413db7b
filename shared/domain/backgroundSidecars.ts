/**
 * The small files read with a background file, decided once for the desktop picker (main
 * process) and the web picker: world files, the .prj and GDAL's .aux.xml.
 */

/** Sidecar extensions (lower case, no dot), longest first so `a.tif.aux.xml` is told before `.xml`. */
export const SIDECAR_EXTENSIONS = [
  'aux.xml',
  'tiffw',
  'jpegw',
  'tifw',
  'jpgw',
  'pngw',
  'prj',
  'tfw',
  'jgw',
  'pgw',
  'wld',
] as const;
export type SidecarExtension = (typeof SIDECAR_EXTENSIONS)[number];

/**
 * Largest sidecar read. A .prj or world file is a few hundred bytes, but GDAL's .aux.xml keeps
 * statistics and a histogram per band (a 4-band orthophoto's runs to a few hundred KiB); 1 MiB
 * holds those and still tells a stray large file from a sidecar. A larger one is left out.
 */
export const MAX_SIDECAR_BYTES = 1024 * 1024;

/** The sidecar extension a file name ends with ('aux.xml', 'tfw' …), any case, or null. */
export function sidecarExtension(name: string): SidecarExtension | null {
  const lower = name.toLowerCase();
  return SIDECAR_EXTENSIONS.find((ext) => lower.endsWith(`.${ext}`)) ?? null;
}

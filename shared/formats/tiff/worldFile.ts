import type { GeoTransform } from './geoTransform';
import { RasterRefused } from './rasterRefused';

/**
 * World files (.tfw/.jgw/.pgw/.wld): six numbers A D B E C F, one per line, placing the centre of
 * the top-left pixel at (C, F) with A, E the pixel size and B, D the rotation terms (ESRI's
 * definition, which GDAL follows).
 */
export type WorldFile = readonly [number, number, number, number, number, number];

/** The six numbers of a world file's text; refuses anything else with the reason. */
export function parseWorldFile(text: string): WorldFile {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n|\r/)
    .map((l) => l.trim())
    .filter(Boolean);
  const values = lines.map((l) => (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(l) ? Number(l) : NaN));
  if (values.length < 6 || values.slice(0, 6).some((v) => !Number.isFinite(v)))
    throw new RasterRefused({
      zh: '坐标文件（world file）应为 6 行数字（A D B E C F）',
      en: 'a world file must hold 6 lines of numbers (A D B E C F)',
    });
  const [a, d, b, e] = values as [number, number, number, number];
  if (Math.abs(a * e - b * d) < 1e-300)
    throw new RasterRefused({
      zh: '坐标文件的像元大小为零，无法定位图像',
      en: 'the world file gives a pixel size of zero, so the image cannot be placed',
    });
  return values.slice(0, 6) as unknown as WorldFile;
}

/** The world file's placement as a corner-based geotransform (GDAL's order). */
export function worldFileTransform(w: WorldFile): GeoTransform {
  const [a, d, b, e, c, f] = w;
  return [c - a / 2 - b / 2, a, b, f - d / 2 - e / 2, d, e];
}

/** The world file that goes with a corner-based geotransform (what GDAL writes with TFW=YES). */
export function worldFileOf(t: GeoTransform): WorldFile {
  return [t[1], t[4], t[2], t[5], t[0] + t[1] / 2 + t[2] / 2, t[3] + t[4] / 2 + t[5] / 2];
}

/**
 * The sidecar names that can hold an image's world file, most specific first:
 * `site.jpg` → `site.jgw`, `site.jpgw`, `site.wld`.
 */
export function worldFileNames(imageName: string): string[] {
  const dot = imageName.lastIndexOf('.');
  if (dot <= 0) return [];
  const stem = imageName.slice(0, dot);
  const ext = imageName.slice(dot + 1).toLowerCase();
  const short = ext.length >= 3 ? `${ext[0]}${ext[ext.length - 1]}w` : `${ext}w`;
  return [`${stem}.${short}`, `${stem}.${ext}w`, `${stem}.wld`];
}

/** The world file among a picked file's sidecars (keyed by file name or extension, any case), or null. */
export function findWorldFile(imageName: string, sidecars: Record<string, string>): string | null {
  const byName = new Map(Object.entries(sidecars).map(([k, v]) => [k.toLowerCase(), v]));
  for (const name of worldFileNames(imageName)) {
    const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
    const text = byName.get(name.toLowerCase()) ?? byName.get(ext) ?? byName.get(`.${ext}`);
    if (text !== undefined) return text;
  }
  return null;
}

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The figure benchmark's orthophoto: 0.1 m pixels (a typical DOM), EPSG:4516 (GK zone 28, prefixed). */
export const FIGURE_ORTHO_PIXEL = 0.1;
/** Ground covered (m): an A1 sheet at 1:1 000, so the map frame lies well inside it. */
export const FIGURE_ORTHO_GROUND: [number, number] = [841, 594];

export interface FigureOrtho {
  path: string;
  width: number;
  height: number;
  /** Upper-left corner, EPSG:4516 metres. */
  origin: [number, number];
  buildMs: number | null;
}

/**
 * A GDAL-made orthophoto centred on `centre` (unprefixed GK zone 28 metres, as the figure plan
 * has it): seeded noise (values 60–187, as the compose-only row's JPEG) written raw, wrapped in
 * a VRT that georeferences it, and translated to a Cloud-Optimized GeoTIFF (JPEG quality 75,
 * 512 px tiles, overviews) into the gitignored bench/.cache. Noise does not compress: a worst
 * case for reading and encoding. Made once per centre; later runs reuse it.
 */
export function figureOrtho(centre: [number, number]): FigureOrtho {
  const width = Math.round(FIGURE_ORTHO_GROUND[0] / FIGURE_ORTHO_PIXEL);
  const height = Math.round(FIGURE_ORTHO_GROUND[1] / FIGURE_ORTHO_PIXEL);
  const snap = (v: number) => Math.round(v / FIGURE_ORTHO_PIXEL) * FIGURE_ORTHO_PIXEL;
  const origin: [number, number] = [
    snap(28_000_000 + centre[0] - FIGURE_ORTHO_GROUND[0] / 2),
    snap(centre[1] + FIGURE_ORTHO_GROUND[1] / 2),
  ];
  const dir = resolve(import.meta.dirname, '.cache');
  const path = join(dir, `figure-ortho-${origin.map((v) => v.toFixed(1)).join('-')}.tif`);
  if (existsSync(path)) return { path, width, height, origin, buildMs: null };
  mkdirSync(dir, { recursive: true });
  const t0 = performance.now();
  const raw = join(dir, 'figure-noise.raw');
  const pixels = Buffer.alloc(width * height * 3);
  let seed = 12345;
  for (let i = 0; i < pixels.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    pixels[i] = 60 + ((seed >> 16) & 0x7f);
  }
  writeFileSync(raw, pixels);
  const bands = [0, 1, 2].map(
    (b) =>
      `<VRTRasterBand dataType="Byte" band="${b + 1}" subClass="VRTRawRasterBand">` +
      `<SourceFilename relativeToVRT="1">figure-noise.raw</SourceFilename><ImageOffset>${b}</ImageOffset>` +
      `<PixelOffset>3</PixelOffset><LineOffset>${width * 3}</LineOffset></VRTRasterBand>`,
  );
  const vrt = join(dir, 'figure-noise.vrt');
  writeFileSync(
    vrt,
    `<VRTDataset rasterXSize="${width}" rasterYSize="${height}"><SRS>EPSG:4516</SRS>` +
      `<GeoTransform>${origin[0]}, ${FIGURE_ORTHO_PIXEL}, 0, ${origin[1]}, 0, ${-FIGURE_ORTHO_PIXEL}</GeoTransform>` +
      `${bands.join('')}</VRTDataset>`,
  );
  const partial = `${path}.partial`;
  execFileSync('gdal_translate', ['-q', '-of', 'COG', '-co', 'COMPRESS=JPEG', '-co', 'QUALITY=75',
    '-co', 'BLOCKSIZE=512', '-co', 'NUM_THREADS=2', vrt, partial,
  ]); // prettier-ignore
  renameSync(partial, path);
  rmSync(raw);
  rmSync(vrt);
  return { path, width, height, origin, buildMs: performance.now() - t0 };
}

export const fileBytes = (path: string) => statSync(path).size;

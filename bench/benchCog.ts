import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The benchmark orthophoto: a 1 GB-class Cloud-Optimized GeoTIFF (JPEG, YCbCr, 512 px tiles,
 * overviews), as a county DOM is delivered, in CGCS2000 3° GK zone 28 (EPSG:4516) near the sample
 * project. Noise, so every tile costs a real JPEG decode. Made once with GDAL into the gitignored
 * bench/.cache (27 minutes on two shared cores); later runs reuse it.
 *
 * BENCH_COG_SIDE=8192 (a multiple of 4096) makes a smaller file of the same structure for
 * profiling: a frame draws the same tiles whatever the file's size (read by range, overviews).
 */
const TILE = 4096;
export const FULL_COG_SIDE = 40_960;
export const BENCH_COG_SIDE = Number(process.env.BENCH_COG_SIDE ?? FULL_COG_SIDE);
if (!(BENCH_COG_SIDE >= TILE && BENCH_COG_SIDE % TILE === 0))
  throw new Error(`BENCH_COG_SIDE must be a multiple of ${TILE}, not ${process.env.BENCH_COG_SIDE}`);
/** Upper-left corner in EPSG:4516 and the pixel size (0.1 m, a typical DOM). */
export const BENCH_COG_ORIGIN: [number, number] = [28_550_000, 4_873_000];
export const BENCH_COG_PIXEL = 0.1;

export function benchCog(): string {
  const dir = resolve(import.meta.dirname, '.cache');
  const out = join(dir, `ortho-${BENCH_COG_SIDE}.tif`);
  if (existsSync(out)) return out;
  mkdirSync(dir, { recursive: true });
  // One 4096² tile of noise (ENVI raw), repeated across the image by a hand-written VRT.
  const raw = join(dir, 'noise.bil');
  writeFileSync(raw, randomBytes(TILE * TILE * 3));
  writeFileSync(
    join(dir, 'noise.hdr'),
    `ENVI\nsamples = ${TILE}\nlines = ${TILE}\nbands = 3\nheader offset = 0\nfile type = ENVI Standard\ndata type = 1\ninterleave = bip\nbyte order = 0\n`,
  );
  const n = BENCH_COG_SIDE / TILE;
  const [x0, y0] = BENCH_COG_ORIGIN;
  const bands = [1, 2, 3].map((b) => {
    const sources: string[] = [];
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++)
        sources.push(
          `<SimpleSource><SourceFilename relativeToVRT="1">noise.bil</SourceFilename><SourceBand>${b}</SourceBand>` +
            `<SrcRect xOff="0" yOff="0" xSize="${TILE}" ySize="${TILE}"/><DstRect xOff="${i * TILE}" yOff="${j * TILE}" xSize="${TILE}" ySize="${TILE}"/></SimpleSource>`,
        );
    return `<VRTRasterBand dataType="Byte" band="${b}">${sources.join('')}</VRTRasterBand>`;
  });
  const vrt = join(dir, 'noise.vrt');
  writeFileSync(
    vrt,
    `<VRTDataset rasterXSize="${BENCH_COG_SIDE}" rasterYSize="${BENCH_COG_SIDE}"><SRS>EPSG:4516</SRS>` +
      `<GeoTransform>${x0}, ${BENCH_COG_PIXEL}, 0, ${y0}, 0, ${-BENCH_COG_PIXEL}</GeoTransform>${bands.join('')}</VRTDataset>`,
  );
  const partial = `${out}.partial`;
  execFileSync('nice', ['gdal_translate', '-q', '-of', 'COG', '-co', 'COMPRESS=JPEG', '-co', 'QUALITY=75',
    '-co', 'BLOCKSIZE=512', '-co', 'NUM_THREADS=2', '--config', 'GDAL_CACHEMAX', '1024', vrt, partial,
  ]); // prettier-ignore
  renameSync(partial, out);
  return out;
}

export const benchCogBytes = (path: string) => statSync(path).size;

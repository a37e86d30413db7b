#!/usr/bin/env node
// Draws the application and project-document icons and writes them where electron-builder
// looks (resources/build): PNG for Linux, ICO for Windows, ICNS for macOS. The motif is a
// protected site inside its zones — a vermilion seal with nested zone outlines. Run
// `node scripts/makeIcons.mjs` after changing the drawing; the outputs are committed.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const OUT = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'build');
const SEAL = [178, 34, 34];
const PAPER = [250, 247, 240];
const GOLD = [240, 200, 90];
const WHITE = [255, 255, 255];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
export function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++)
    rows.set(rgba.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Colour of the point (x, y) in a unit square, or null for transparent. */
function inRoundedSquare(x, y, margin, radius) {
  const dx = Math.max(margin + radius - x, 0, x - (1 - margin - radius));
  const dy = Math.max(margin + radius - y, 0, y - (1 - margin - radius));
  return dx * dx + dy * dy <= radius * radius;
}
const ring = (x, y, half, width) => {
  const d = Math.max(Math.abs(x - 0.5), Math.abs(y - 0.5));
  return d <= half && d >= half - width;
};
function appIcon(x, y) {
  if (!inRoundedSquare(x, y, 0.04, 0.16)) return null;
  if (ring(x, y, 0.36, 0.035)) return GOLD;
  if (ring(x, y, 0.26, 0.035)) return WHITE;
  if (Math.max(Math.abs(x - 0.5), Math.abs(y - 0.5)) <= 0.11) return WHITE;
  return SEAL;
}
function documentIcon(x, y) {
  const fold = 0.28;
  if (x < 0.16 || x > 0.84 || y < 0.06 || y > 0.94) return null;
  if (x - 0.84 + fold > y - 0.06) return x - 0.84 + fold - (y - 0.06) < 0.03 ? [200, 190, 170] : null;
  const inner = (x - 0.5) ** 2 / 0.07 + (y - 0.6) ** 2 / 0.07;
  if (Math.max(Math.abs(x - 0.5), Math.abs(y - 0.6)) <= 0.24) {
    if (ring(x, y - 0.1, 0.24, 0.03)) return SEAL;
    if (ring(x, y - 0.1, 0.15, 0.03)) return SEAL;
    if (inner < 0.06) return SEAL;
  }
  return PAPER;
}

/** Render with 4×4 supersampling so edges are smooth at every size. */
export function render(draw, size) {
  const rgba = new Uint8Array(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const colour = draw((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          if (!colour) continue;
          sum[0] += colour[0];
          sum[1] += colour[1];
          sum[2] += colour[2];
          sum[3] += 255;
        }
      }
      const covered = sum[3] / 255;
      const at = (py * size + px) * 4;
      if (covered === 0) continue;
      rgba.set([sum[0] / covered, sum[1] / covered, sum[2] / covered, sum[3] / (n * n)].map(Math.round), at);
    }
  }
  return rgba;
}

/** ICO with PNG-compressed images (Windows Vista and later). */
export function encodeIco(pngs) {
  const header = Buffer.alloc(6 + 16 * pngs.length);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(pngs.length, 4);
  let offset = header.length;
  pngs.forEach(({ size, png }, i) => {
    const at = 6 + 16 * i;
    header[at] = size >= 256 ? 0 : size;
    header[at + 1] = size >= 256 ? 0 : size;
    header.writeUInt16LE(1, at + 4);
    header.writeUInt16LE(32, at + 6);
    header.writeUInt32LE(png.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...pngs.map((p) => p.png)]);
}

/** ICNS with PNG entries: ic07 128, ic08 256, ic09 512. */
export function encodeIcns(pngs) {
  const types = { 128: 'ic07', 256: 'ic08', 512: 'ic09' };
  const entries = pngs
    .filter((p) => types[p.size])
    .map(({ size, png }) => {
      const head = Buffer.alloc(8);
      head.write(types[size], 0, 'latin1');
      head.writeUInt32BE(png.length + 8, 4);
      return Buffer.concat([head, png]);
    });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + entries.reduce((n, e) => n + e.length, 0), 4);
  return Buffer.concat([head, ...entries]);
}

async function writeSet(name, draw) {
  const pngs = [16, 32, 48, 128, 256, 512].map((size) => ({
    size,
    png: encodePng(size, render(draw, size)),
  }));
  await writeFile(join(OUT, `${name}.png`), pngs.at(-1).png);
  await writeFile(join(OUT, `${name}.ico`), encodeIco(pngs.filter((p) => p.size <= 256)));
  await writeFile(join(OUT, `${name}.icns`), encodeIcns(pngs));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await mkdir(OUT, { recursive: true });
  await writeSet('icon', appIcon);
  await writeSet('hzw', documentIcon);
  console.log(`icons written to ${OUT}`);
}

import { polygonsOf, type ZoneGeometry } from '../domain/geometry';

/**
 * A short fingerprint of a geometry (two 32-bit FNV-1a hashes over the coordinates rounded to
 * 1e-9°, ≈0.1 mm): a derived zone stores its source's hash, and a different hash now means the
 * source was edited since. Cheap enough to compute for every zone on every render.
 */
export function geometryHash(geometry: ZoneGeometry): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  const mix = (v: number) => {
    const n = Math.round(v * 1e9);
    // Split into two 26-bit halves so large integers survive Math.imul.
    for (const part of [n % 0x4000000, Math.floor(n / 0x4000000)]) {
      h1 = Math.imul(h1 ^ (part & 0xffff), 0x01000193);
      h1 = Math.imul(h1 ^ (part >>> 16), 0x01000193);
      h2 = Math.imul(h2 ^ (part & 0xffff), 0x5bd1e995) ^ (h2 >>> 13);
      h2 = Math.imul(h2 ^ (part >>> 16), 0x5bd1e995) ^ (h2 >>> 15);
    }
  };
  for (const polygon of polygonsOf(geometry)) {
    mix(polygon.length);
    for (const ring of polygon) {
      mix(ring.length);
      for (const [x, y] of ring) {
        mix(x);
        mix(y);
      }
    }
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

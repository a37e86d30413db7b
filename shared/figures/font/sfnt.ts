/**
 * Writing a TrueType (sfnt) file from its tables: the table directory with search fields,
 * checksums, every table on a 4-byte boundary, and head.checkSumAdjustment set last.
 */
export const pad4 = (n: number): number => (n + 3) & ~3;

export function tableChecksum(bytes: Uint8Array): number {
  let sum = 0;
  const whole = bytes.length & ~3;
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < whole; i += 4) sum = (sum + v.getUint32(i)) >>> 0;
  if (whole < bytes.length) {
    let last = 0;
    for (let i = whole; i < whole + 4; i++) last = (last << 8) | (bytes[i] ?? 0);
    sum = (sum + (last >>> 0)) >>> 0;
  }
  return sum;
}

/** The font file of these tables; `head` is copied with its checksum adjustment recomputed. */
export function assembleSfnt(tables: Record<string, Uint8Array>): Uint8Array {
  const tags = Object.keys(tables).sort();
  const n = tags.length;
  const dirLength = 12 + 16 * n;
  const total = tags.reduce((sum, t) => sum + pad4(tables[t]!.length), dirLength);
  const out = new Uint8Array(total);
  const v = new DataView(out.buffer);
  const pow = 2 ** Math.floor(Math.log2(n));
  v.setUint32(0, 0x00010000);
  v.setUint16(4, n);
  v.setUint16(6, pow * 16);
  v.setUint16(8, Math.log2(pow));
  v.setUint16(10, n * 16 - pow * 16);
  let at = dirLength;
  let headAt = -1;
  tags.forEach((tag, i) => {
    let data = tables[tag]!;
    if (tag === 'head') {
      data = new Uint8Array(data);
      new DataView(data.buffer).setUint32(8, 0);
      headAt = at;
    }
    const r = 12 + 16 * i;
    for (let k = 0; k < 4; k++) v.setUint8(r + k, tag.charCodeAt(k));
    v.setUint32(r + 4, tableChecksum(data));
    v.setUint32(r + 8, at);
    v.setUint32(r + 12, data.length);
    out.set(data, at);
    at += pad4(data.length);
  });
  if (headAt >= 0) v.setUint32(headAt + 8, (0xb1b0afba - tableChecksum(out)) >>> 0);
  return out;
}

let table: Uint32Array | null = null;

function crcTable(): Uint32Array {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  return table;
}

/** CRC-32 (IEEE), as zip entries record it. */
export function crc32(bytes: Uint8Array): number {
  return crc32Update(0, bytes);
}

/** The CRC-32 of earlier bytes (`crc`, 0 for none) continued over `bytes`. */
export function crc32Update(crc: number, bytes: Uint8Array): number {
  const t = crcTable();
  let c = (crc ^ 0xffffffff) >>> 0;
  for (let i = 0; i < bytes.length; i++) c = t[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

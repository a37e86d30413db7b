import { Zlib, zlibSync } from 'fflate';

/**
 * zlib streams for the figure writers (PDF FlateDecode, PNG IDAT). fflate's only owner is this
 * folder, so the PDF and PNG writers reach compression through here.
 */

/** One zlib stream (RFC 1950) of the whole input, for PDF objects of known size. */
export function zlibCompress(bytes: Uint8Array, level: ZlibLevel = 6): Uint8Array {
  return zlibSync(bytes, { level });
}

export type ZlibLevel = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

/**
 * A zlib stream fed in pieces: compressed bytes reach `onData` as they are produced, so a
 * caller writing a large raster holds one strip at a time, never the whole image.
 */
export class ZlibStream {
  private readonly zlib: Zlib;

  constructor(onData: (bytes: Uint8Array, final: boolean) => void, level: ZlibLevel = 6) {
    this.zlib = new Zlib({ level }, (data, final) => onData(data, final));
  }

  push(bytes: Uint8Array, final = false): void {
    this.zlib.push(bytes, final);
  }
}

/** CRC-32 continued over more bytes (start with 0), as PNG chunks need. */
export { crc32Update } from './crc32';

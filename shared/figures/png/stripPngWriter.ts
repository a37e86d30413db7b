import { crc32Update, ZlibStream } from '../../formats/zip/deflate';

/**
 * A PNG written a strip of rows at a time (IHDR, then IDAT chunks as the zlib stream produces
 * them, then IEND), so an A1 page at 300 dpi (7016 × 9933 px, 280 MB as RGBA) is never held
 * whole: the caller draws and hands over one strip, and only that strip and the compressor's
 * window are in memory. Rows come in as RGBA (a canvas's ImageData); the file is RGB, or RGBA
 * when `alpha` is asked for. The resolution goes in pHYs so the print size is known.
 */
export interface StripPngOptions {
  width: number;
  height: number;
  dpi: number;
  alpha?: boolean;
}

const SIGNATURE = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);
/** IDAT pieces are gathered up to this size before a chunk is written. */
const IDAT_BYTES = 256 * 1024;

export class StripPngWriter {
  private rowsDone = 0;
  private readonly zlib: ZlibStream;
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private readonly channels: number;
  private previous: Uint8Array;

  constructor(
    private readonly write: (bytes: Uint8Array) => void,
    private readonly options: StripPngOptions,
  ) {
    const { width, height, dpi } = options;
    if (!(width > 0 && height > 0 && width <= 0x7fffffff && height <= 0x7fffffff))
      throw new Error(`PNG size ${width}×${height}`);
    this.channels = options.alpha ? 4 : 3;
    this.previous = new Uint8Array(width * this.channels);
    this.write(SIGNATURE);
    const ihdr = new Uint8Array(13);
    const v = new DataView(ihdr.buffer);
    v.setUint32(0, width);
    v.setUint32(4, height);
    ihdr.set([8, options.alpha ? 6 : 2, 0, 0, 0], 8);
    this.chunk('IHDR', ihdr);
    const phys = new Uint8Array(9);
    const ppm = Math.round(dpi / 0.0254);
    new DataView(phys.buffer).setUint32(0, ppm);
    new DataView(phys.buffer).setUint32(4, ppm);
    phys[8] = 1; // metres
    this.chunk('pHYs', phys);
    this.zlib = new ZlibStream((data, final) => {
      this.pending.push(data);
      this.pendingBytes += data.length;
      if (final || this.pendingBytes >= IDAT_BYTES) this.flushIdat();
    });
  }

  /** Adds the next rows, given as RGBA (4 bytes a pixel, `rows` full rows). */
  addRows(rgba: Uint8Array | Uint8ClampedArray, rows: number): void {
    const { width, height } = this.options;
    if (this.rowsDone + rows > height) throw new Error(`PNG rows: ${this.rowsDone + rows} > ${height}`);
    if (rgba.length < rows * width * 4) throw new Error(`PNG strip: ${rgba.length} bytes for ${rows} rows`);
    const stride = width * this.channels;
    const out = new Uint8Array(rows * (stride + 1));
    const line = new Uint8Array(stride);
    for (let r = 0; r < rows; r++) {
      const src = r * width * 4;
      for (let x = 0, k = 0; x < width; x++) {
        line[k++] = rgba[src + 4 * x]!;
        line[k++] = rgba[src + 4 * x + 1]!;
        line[k++] = rgba[src + 4 * x + 2]!;
        if (this.channels === 4) line[k++] = rgba[src + 4 * x + 3]!;
      }
      // Filter 2 (Up): flat map areas and white paper become runs of zeros.
      const at = r * (stride + 1);
      out[at] = 2;
      for (let i = 0; i < stride; i++) out[at + 1 + i] = (line[i]! - this.previous[i]!) & 0xff;
      this.previous.set(line);
    }
    this.rowsDone += rows;
    this.zlib.push(out, this.rowsDone === height);
  }

  /** Ends the file; every row must have been added. */
  finish(): void {
    if (this.rowsDone !== this.options.height)
      throw new Error(`PNG has ${this.rowsDone} of ${this.options.height} rows`);
    this.chunk('IEND', new Uint8Array(0));
  }

  private flushIdat(): void {
    if (!this.pendingBytes) return;
    const data = new Uint8Array(this.pendingBytes);
    let at = 0;
    for (const p of this.pending) {
      data.set(p, at);
      at += p.length;
    }
    this.pending = [];
    this.pendingBytes = 0;
    this.chunk('IDAT', data);
  }

  private chunk(type: string, data: Uint8Array): void {
    const head = new Uint8Array(8);
    new DataView(head.buffer).setUint32(0, data.length);
    for (let i = 0; i < 4; i++) head[4 + i] = type.charCodeAt(i);
    const tail = new Uint8Array(4);
    new DataView(tail.buffer).setUint32(0, crc32Update(crc32Update(0, head.subarray(4)), data));
    this.write(head);
    this.write(data);
    this.write(tail);
  }
}

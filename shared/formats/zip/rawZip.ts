/** One entry of a raw zip: its deflate stream and the size and CRC its headers claim. */
export interface RawZipEntry {
  name: string;
  /** Raw deflate stream of the content. */
  deflated: Uint8Array;
  /** The uncompressed size the headers declare (a zip bomb lies here). */
  size: number;
  crc: number;
  /** Name of an earlier entry whose local header and bytes this one points at (overlap). */
  sharesWith?: string;
}

/**
 * A zip archive assembled from entries exactly as given — sizes, CRCs and shared offsets are
 * written as claimed, never checked. For the hostile-input tests, which need the archives a
 * correct writer (zip.ts) never produces; the product never writes through this.
 */
export function rawZip(entries: RawZipEntry[]): Uint8Array {
  const encoder = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  const offsets = new Map<string, number>();
  let offset = 0;
  for (const e of entries) {
    const name = encoder.encode(e.name);
    const at = e.sharesWith === undefined ? offset : offsets.get(e.sharesWith)!;
    if (e.sharesWith === undefined) {
      offsets.set(e.name, offset);
      const local = header(0x04034b50, 30);
      local.setUint16(4, 20, true);
      local.setUint16(8, 8, true);
      local.setUint32(14, e.crc, true);
      local.setUint32(18, e.deflated.length, true);
      local.setUint32(22, e.size, true);
      local.setUint16(26, name.length, true);
      locals.push(bytesOf(local), name, e.deflated);
      offset += 30 + name.length + e.deflated.length;
    }
    const central = header(0x02014b50, 46);
    central.setUint16(6, 20, true);
    central.setUint16(10, 8, true);
    central.setUint32(16, e.crc, true);
    central.setUint32(20, e.deflated.length, true);
    central.setUint32(24, e.size, true);
    central.setUint16(28, name.length, true);
    central.setUint32(42, at, true);
    centrals.push(bytesOf(central), name);
  }
  const directoryLength = centrals.reduce((n, b) => n + b.length, 0);
  const end = header(0x06054b50, 22);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, directoryLength, true);
  end.setUint32(16, offset, true);
  return concat([...locals, ...centrals, bytesOf(end)]);
}

function header(signature: number, size: number): DataView {
  const view = new DataView(new ArrayBuffer(size));
  view.setUint32(0, signature, true);
  return view;
}

const bytesOf = (view: DataView) => new Uint8Array(view.buffer);

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

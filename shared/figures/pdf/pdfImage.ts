import { zlibCompress } from '../../formats/zip/deflate';
import type { PageImage } from '../displayList';

/**
 * A page raster as an image XObject. JPEG bytes go in untouched (/DCTDecode), so an orthophoto
 * piece is not decoded and re-encoded; RGBA pixels become a zlib-compressed RGB image plus, when
 * any pixel is not opaque, a grey /SMask holding the alpha.
 */
export function writeImage(reserve: () => number, image: PageImage, raw: RawStreamSink): number {
  const id = reserve();
  const size = `/Type /XObject /Subtype /Image /Width ${image.width} /Height ${image.height} /BitsPerComponent 8`;
  if (image.kind === 'jpeg') {
    const components = jpegComponents(image.bytes);
    const space = components === 1 ? '/DeviceGray' : components === 4 ? '/DeviceCMYK' : '/DeviceRGB';
    // Adobe's CMYK JPEGs are stored inverted.
    const decode = components === 4 ? ' /Decode [1 0 1 0 1 0 1 0]' : '';
    raw(id, `${size} /ColorSpace ${space}${decode} /Filter /DCTDecode`, image.bytes);
    return id;
  }
  const n = image.width * image.height;
  if (image.pixels.length < 4 * n) throw new Error(`image pixels: ${image.pixels.length} < ${4 * n}`);
  const rgb = new Uint8Array(3 * n);
  const alpha = new Uint8Array(n);
  let translucent = false;
  for (let i = 0; i < n; i++) {
    rgb[3 * i] = image.pixels[4 * i]!;
    rgb[3 * i + 1] = image.pixels[4 * i + 1]!;
    rgb[3 * i + 2] = image.pixels[4 * i + 2]!;
    const a = image.pixels[4 * i + 3]!;
    alpha[i] = a;
    if (a !== 255) translucent = true;
  }
  let mask = '';
  if (translucent) {
    const maskId = reserve();
    raw(
      maskId,
      `/Type /XObject /Subtype /Image /Width ${image.width} /Height ${image.height} /BitsPerComponent 8 /ColorSpace /DeviceGray /Filter /FlateDecode`,
      zlibCompress(alpha),
    );
    mask = ` /SMask ${maskId} 0 R`;
  }
  raw(id, `${size} /ColorSpace /DeviceRGB${mask} /Filter /FlateDecode`, zlibCompress(rgb));
  return id;
}

/** Writes a stream whose bytes are already encoded (the dictionary names the filter). */
export type RawStreamSink = (id: number, dict: string, data: Uint8Array) => void;

/** Component count from the JPEG's start-of-frame marker (3 when it cannot be found). */
export function jpegComponents(bytes: Uint8Array): number {
  let p = 2;
  while (p + 9 < bytes.length) {
    if (bytes[p] !== 0xff) return 3;
    const marker = bytes[p + 1]!;
    if (marker === 0xff) {
      p++;
      continue;
    }
    const length = (bytes[p + 2]! << 8) | bytes[p + 3]!;
    const sof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (sof) return bytes[p + 9]!;
    p += 2 + length;
  }
  return 3;
}

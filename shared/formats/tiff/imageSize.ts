/**
 * The pixel size of a PNG or JPEG from its first bytes (PNG IHDR; JPEG's start-of-frame marker),
 * so a scanned sheet's size is known, and a too-large one refused, before it is decoded.
 */
export interface ImageSize {
  format: 'png' | 'jpeg';
  width: number;
  height: number;
}

export function imageSize(head: Uint8Array): ImageSize | null {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  if (head.length >= 24 && view.getUint32(0) === 0x89504e47 && view.getUint32(12) === 0x49484452)
    return { format: 'png', width: view.getUint32(16), height: view.getUint32(20) };
  if (head.length < 4 || view.getUint16(0) !== 0xffd8) return null;
  let at = 2;
  while (at + 9 < head.length) {
    if (head[at] !== 0xff) return null;
    const marker = head[at + 1]!;
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    const length = view.getUint16(at + 2);
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return { format: 'jpeg', height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
    if (marker === 0xda || length < 2) return null;
    at += 2 + length;
  }
  return null;
}

import type { ImageOp, Page, PageImage } from '../../../shared/figures/displayList';
import { StripPngWriter } from '../../../shared/figures/png/stripPngWriter';
import type { ExportSink } from '../../platform/exportSink';
import { drawPage } from '../../../shared/figures/drawPage';
import { figureFaceLoaded } from './figureFont';

/**
 * Page → PNG at `dpi`, drawn by the same code as the preview a strip at a time and written as it
 * goes (an A1 page at 300 dpi is 7016 × 9933 px: never held whole). Strips of about 16 Mpx.
 */
export async function writePagePng(
  page: Page,
  dpi: number,
  fontFamily: string,
  sink: ExportSink,
): Promise<void> {
  if (!figureFaceLoaded())
    throw new Error('the figure font is not loaded: the PNG is not drawn in a system font');
  const pxPerMm = dpi / 25.4;
  const width = Math.round(page.widthMm * pxPerMm);
  const height = Math.round(page.heightMm * pxPerMm);
  const pending: Uint8Array[] = [];
  const writer = new StripPngWriter((bytes) => pending.push(bytes.slice()), { width, height, dpi });
  const stripRows = Math.max(1, Math.min(height, Math.floor(16_000_000 / width)));
  const ctx = new OffscreenCanvas(width, stripRows).getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2D canvas');
  const decoded = new Map<string, ImageBitmap>();
  for (let top = 0; top < height; top += stripRows) {
    const rows = Math.min(stripRows, height - top);
    const images = await stripImages(page, decoded, page.heightMm - top / pxPerMm, (top + rows) / pxPerMm);
    drawPage(ctx, page, {
      pxPerMm,
      fontFamily,
      topMm: top / pxPerMm,
      images,
      drawImage: (image, x, y, w, h) => ctx.drawImage(image as ImageBitmap, x, y, w, h),
    });
    writer.addRows(ctx.getImageData(0, 0, width, rows).data, rows);
    for (const bytes of pending.splice(0)) await sink.write(bytes);
  }
  for (const bitmap of decoded.values()) bitmap.close();
  writer.finish();
  for (const bytes of pending.splice(0)) await sink.write(bytes);
}

/**
 * The page images a strip shows (page mm from `topMm` down to `bottomFromTopMm` below the top
 * edge), decoded; those the strips have passed are closed, so a tall page holds about one row
 * of background pieces at a time.
 */
async function stripImages(
  page: Page,
  decoded: Map<string, ImageBitmap>,
  topMm: number,
  bottomFromTopMm: number,
): Promise<Map<string, ImageBitmap>> {
  const bottomMm = page.heightMm - bottomFromTopMm;
  const ops = page.ops.filter((op): op is ImageOp => op.op === 'image');
  const wanted = new Set(
    ops.filter((op) => op.rect.yMm < topMm && op.rect.yMm + op.rect.hMm > bottomMm).map((op) => op.id),
  );
  for (const [id, bitmap] of decoded)
    if (!wanted.has(id)) {
      bitmap.close();
      decoded.delete(id);
    }
  for (const id of wanted) {
    const image = page.images[id];
    if (!image || decoded.has(id)) continue;
    decoded.set(id, await decodeImage(image));
  }
  return decoded;
}

/** A page image as a bitmap the canvas draws (JPEG decoded by the browser, RGBA copied). */
export function decodeImage(image: PageImage): Promise<ImageBitmap> {
  return image.kind === 'jpeg'
    ? createImageBitmap(new Blob([image.bytes.slice()], { type: 'image/jpeg' }))
    : createImageBitmap(new ImageData(image.pixels.slice(), image.width, image.height));
}

export const PDF_FILTER = { name: 'PDF', extensions: ['pdf'] };
export const PNG_FILTER = { name: 'PNG', extensions: ['png'] };

/** A file name from a title: characters a file system refuses are replaced. */
export function fileNameOf(title: string, extension: string): string {
  const printable = [...title].map((c) => (c.charCodeAt(0) < 32 ? '_' : c)).join('');
  const base = printable.replace(/[\\/:*?"<>|]+/g, '_').trim() || 'figure';
  return `${base}.${extension}`;
}

import type { Page } from '../../../shared/figures/displayList';
import { StripPngWriter } from '../../../shared/figures/png/stripPngWriter';
import type { ExportSink } from '../../platform/exportSink';
import { drawPage } from './drawPage';

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
  const pxPerMm = dpi / 25.4;
  const width = Math.round(page.widthMm * pxPerMm);
  const height = Math.round(page.heightMm * pxPerMm);
  const pending: Uint8Array[] = [];
  const writer = new StripPngWriter((bytes) => pending.push(bytes.slice()), { width, height, dpi });
  const stripRows = Math.max(1, Math.min(height, Math.floor(16_000_000 / width)));
  const ctx = new OffscreenCanvas(width, stripRows).getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2D canvas');
  for (let top = 0; top < height; top += stripRows) {
    const rows = Math.min(stripRows, height - top);
    drawPage(ctx, page, { pxPerMm, fontFamily, topMm: top / pxPerMm });
    writer.addRows(ctx.getImageData(0, 0, width, rows).data, rows);
    for (const bytes of pending.splice(0)) await sink.write(bytes);
  }
  writer.finish();
  for (const bytes of pending.splice(0)) await sink.write(bytes);
}

export const PDF_FILTER = { name: 'PDF', extensions: ['pdf'] };
export const PNG_FILTER = { name: 'PNG', extensions: ['png'] };

/** A file name from a title: characters a file system refuses are replaced. */
export function fileNameOf(title: string, extension: string): string {
  const printable = [...title].map((c) => (c.charCodeAt(0) < 32 ? '_' : c)).join('');
  const base = printable.replace(/[\\/:*?"<>|]+/g, '_').trim() || 'figure';
  return `${base}.${extension}`;
}

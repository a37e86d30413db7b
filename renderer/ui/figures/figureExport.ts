import type { Page } from '../../../shared/figures/displayList';
import { drawPage } from './drawPage';

/** Page → PNG bytes at `dpi`, drawn by the same code as the preview. */
export async function pagePng(page: Page, dpi: number, fontFamily: string): Promise<Uint8Array> {
  const pxPerMm = dpi / 25.4;
  const canvas = new OffscreenCanvas(Math.round(page.widthMm * pxPerMm), Math.round(page.heightMm * pxPerMm));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  drawPage(ctx, page, { pxPerMm, fontFamily });
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  return new Uint8Array(await blob.arrayBuffer());
}

export const PDF_FILTER = { name: 'PDF', extensions: ['pdf'] };
export const PNG_FILTER = { name: 'PNG', extensions: ['png'] };

/** A file name from a title: characters a file system refuses are replaced. */
export function fileNameOf(title: string, extension: string): string {
  const printable = [...title].map((c) => (c.charCodeAt(0) < 32 ? '_' : c)).join('');
  const base = printable.replace(/[\\/:*?"<>|]+/g, '_').trim() || 'figure';
  return `${base}.${extension}`;
}

import type { Page } from '../../shared/figures/displayList';
import type { Snapshot } from '../../shared/review/report/threadSnapshots';
import { drawPage } from '../../shared/figures/drawPage';

/** Pixels per millimetre of a report picture: about 100 dpi, sharp in a spreadsheet at 100 %. */
const PX_PER_MM = 4;

/**
 * Draw a small display-list page (a report's mini-map) on an OffscreenCanvas with the same code
 * as the figure preview and PNG, and encode it as PNG. Text is set in the system's sans-serif:
 * a mini-map holds pin numbers and scale-bar figures.
 */
export async function rasterisePage(page: Page): Promise<Snapshot> {
  const widthPx = Math.round(page.widthMm * PX_PER_MM);
  const heightPx = Math.round(page.heightMm * PX_PER_MM);
  const canvas = new OffscreenCanvas(widthPx, heightPx);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas / 无二维画布');
  drawPage(ctx, page, { pxPerMm: PX_PER_MM, fontFamily: 'sans-serif' });
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  return { png: new Uint8Array(await blob.arrayBuffer()), widthPx, heightPx };
}

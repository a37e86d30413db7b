import type { Page } from '../../figures/displayList';
import { miniMap } from './miniMap';
import { figureZone, threadMap, type ReviewReportData } from './reviewReport';

/** A picture of a page: PNG bytes and its size in pixels. */
export interface Snapshot {
  png: Uint8Array;
  widthPx: number;
  heightPx: number;
}

/** Draws a display-list page as a PNG (the job worker's canvas; see renderer/jobs/rasterisePage.ts). */
export type RasterisePage = (page: Page) => Promise<Snapshot>;

/** The mini-map of a thread in the XLSX, in mm (the PDF's figure box is the same shape). */
export const SNAPSHOT_MM = { width: 72, height: 50 } as const;

/**
 * Each thread's mini-map (its pin, the zone or object it is on, the zones around) drawn as a
 * picture, by thread number; threads on the whole project have none.
 */
export async function threadSnapshots(
  data: ReviewReportData,
  rasterise: RasterisePage,
): Promise<Map<number, Snapshot>> {
  const context = data.input.document.zones.map(figureZone);
  const rect = { xMm: 0, yMm: 0, wMm: SNAPSHOT_MM.width, hMm: SNAPSHOT_MM.height };
  const out = new Map<number, Snapshot>();
  for (const thread of data.threads) {
    if (!thread.root.anchor?.at) continue;
    const drawn = miniMap(threadMap(thread, data, context), rect);
    if (!drawn) continue;
    const page: Page = { widthMm: rect.wMm, heightMm: rect.hMm, ops: drawn.ops, images: {} };
    out.set(thread.number, await rasterise(page));
  }
  return out;
}

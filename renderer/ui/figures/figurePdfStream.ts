import type { Bilingual } from '../../../shared/domain/labels';
import type { BackgroundRaster } from '../../../shared/figures/backgroundRaster';
import type { FigurePlan } from '../../../shared/figures/figurePlan';
import type { FigurePageInput, FigurePdfOpen } from '../../../shared/figures/figurePdfSession';
import type { SavedFile } from '../../../shared/ipc/contract';
import { openSession } from '../../jobs/session';
import { FIGURE_PHASES, figurePhase } from '../../../shared/figures/figurePhases';
import type { ExportSink } from '../../platform/exportSink';

export type FigurePdfTypes = {
  open: { input: FigurePdfOpen; output: null };
  page: { input: FigurePageInput; output: Uint8Array };
  finish: { input: null; output: { bytes: Uint8Array; warnings: Bilingual[] } };
};

export interface FigurePdfJob {
  signal: AbortSignal;
  /** The backgrounds under one page (rendered on the page's thread, before the page is laid out). */
  background(plan: FigurePlan, signal: AbortSignal): Promise<BackgroundRaster | undefined>;
  /** Pages done so far. */
  onPage(done: number): void;
}

/**
 * Write a figure PDF into an export sink a page at a time: each page's backgrounds are rendered,
 * the page is laid out and written in a worker, and its bytes go to the sink at once, so an atlas
 * of a county is never held whole. Cancelled or failed, the sink is closed without committing
 * (no file is left) and the error goes on to the caller.
 */
export async function writeFigurePdf(
  open: FigurePdfOpen,
  plans: readonly FigurePlan[],
  sink: ExportSink,
  job: FigurePdfJob,
): Promise<{ saved: SavedFile | null; warnings: Bilingual[] }> {
  const worker = new Worker(new URL('./figurePdfWorker.ts', import.meta.url), {
    type: 'module',
    name: 'hzw-figure-pdf',
  });
  const session = openSession<FigurePdfTypes>(worker);
  try {
    await session.call('open', open, { signal: job.signal });
    for (const [i, plan] of plans.entries()) {
      const background = await figurePhase(FIGURE_PHASES.background, () => job.background(plan, job.signal));
      const transfer =
        background?.pieces.map((p) => (p.image.kind === 'jpeg' ? p.image.bytes : p.image.pixels).buffer) ??
        [];
      const bytes = await figurePhase(FIGURE_PHASES.compose, () =>
        session.call('page', background ? { ...plan, background } : plan, {
          signal: job.signal,
          transfer: transfer as ArrayBuffer[],
        }),
      );
      await figurePhase(FIGURE_PHASES.write, () => sink.write(bytes));
      job.onPage(i + 1);
    }
    const end = await figurePhase(FIGURE_PHASES.compose, () =>
      session.call('finish', null, { signal: job.signal }),
    );
    const saved = await figurePhase(FIGURE_PHASES.write, async () => {
      await sink.write(end.bytes);
      return sink.close(true);
    });
    return { saved, warnings: end.warnings };
  } catch (error) {
    await sink.close(false).catch(() => {});
    throw error;
  } finally {
    session.end();
  }
}

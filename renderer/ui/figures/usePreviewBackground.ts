import { useEffect, useState, type RefObject } from 'react';
import type { BackgroundRaster } from '../../../shared/figures/backgroundRaster';
import type { FigurePlan } from '../../../shared/figures/figurePlan';
import { pageSizeMm } from '../../../shared/figures/paper';
import type { PlanMap } from '../../map/createPlanMap';
import { pageBackground } from './figureBackgroundRender';
import { decodeImage } from './figureExport';

/** Settings changes within this time render the preview's backgrounds once. */
const SETTLE_MS = 400;

export interface PreviewBackground {
  raster: BackgroundRaster;
  images: ReadonlyMap<string, ImageBitmap>;
}

/**
 * The backgrounds under the previewed page, rendered by the same offscreen map as the PDF and
 * PNG but at the preview's own resolution (its canvas pixels per inch of paper), so the composer
 * shows the orthophoto, tile service or CAD sheet where the file will have it. `key` names the
 * drawn backgrounds: a new one, or a status change, renders again. A newer request cancels the
 * one in flight; a background that fails leaves the preview without it (the export names why).
 */
export function usePreviewBackground(
  map: RefObject<PlanMap | null>,
  plan: FigurePlan | null,
  key: string,
  widthPx: number,
): { background: PreviewBackground | null; pending: boolean } {
  const [done, setDone] = useState<{
    plan: FigurePlan;
    key: string;
    background: PreviewBackground | null;
  } | null>(null);
  useEffect(() => {
    if (!plan || !key) return;
    const abort = new AbortController();
    const timer = setTimeout(() => {
      const pageWidthMm = pageSizeMm(plan.settings.paper, plan.settings.orientation).widthMm;
      const dpi = Math.max(10, Math.ceil(((widthPx * (window.devicePixelRatio || 1)) / pageWidthMm) * 25.4));
      void pageBackground(map.current, plan, abort.signal, () => {}, dpi)
        .then(async (raster) => {
          // Keyed as the layout names the pieces' image operations.
          const images = new Map<string, ImageBitmap>();
          for (const [i, piece] of (raster?.pieces ?? []).entries())
            images.set(`background${i}`, await decodeImage(piece.image));
          if (abort.signal.aborted) return images.forEach((b) => b.close());
          setDone({ plan, key, background: raster ? { raster, images } : null });
        })
        .catch(() => {
          if (!abort.signal.aborted) setDone({ plan, key, background: null });
        });
    }, SETTLE_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [map, plan, key, widthPx]);
  // A replaced background's bitmaps are released.
  useEffect(() => () => done?.background?.images.forEach((b) => b.close()), [done]);
  // A background rendered for other settings would lie in the wrong place: none until the new one.
  const current = done && done.plan === plan && done.key === key;
  return {
    background: current ? done.background : null,
    pending: Boolean(plan && key && !current),
  };
}

import type { FigurePlan } from '../../../shared/figures/figurePlan';
import type { BackgroundRaster } from '../../../shared/figures/backgroundRaster';
import { groundFrame, pageFrame } from '../../../shared/figures/frame';
import type { PlanMap } from '../../map/createPlanMap';
import { figureLayers } from '../../map/figures/figureBackgrounds';
import { renderBackground } from '../../map/figures/renderBackground';
import type { Bilingual } from '../../../shared/domain/labels';

/**
 * The backgrounds of the map (as the layers panel shows them) under one planned page, at the
 * plan's dpi (or `dpi`, for the preview); backgrounds that cannot be drawn are named in `left`.
 * Undefined when none is drawn.
 */
export async function pageBackground(
  map: PlanMap | null,
  plan: FigurePlan,
  signal: AbortSignal,
  left: (message: Bilingual) => void,
  dpi: number = plan.settings.dpi,
): Promise<BackgroundRaster | undefined> {
  const { drawn, left: out } = figureLayers(map?.figureBackgrounds() ?? []);
  out.forEach((o) => left(o.message));
  if (drawn.length === 0) return undefined;
  const frame = pageFrame(plan.settings);
  const ground = groundFrame(frame.map, plan.centre, plan.settings.scale);
  return renderBackground(drawn, ground, plan.gkZone, dpi, { signal });
}

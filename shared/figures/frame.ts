import type { Projected } from '../crs/gaussKruger';
import type { FigureSettings } from './figureSettings';
import { pageSizeMm, paperFactor } from './paper';
import { ptToMm } from './textMeasure';

export interface Rect {
  xMm: number;
  yMm: number;
  wMm: number;
  hMm: number;
}

/** Where everything sits on the page (mm from the bottom-left corner, y up). */
export interface PageFrame {
  widthMm: number;
  heightMm: number;
  /** The outer border line, at the margins. */
  border: Rect;
  /** The band above the map for the title and subtitle. */
  titleBand: Rect;
  /** The map frame (图廓): the ground extent is drawn inside it. */
  map: Rect;
  /** The column right of the map: north arrow, inset, legend, scale bar, title block. */
  panel: Rect;
  /** Size factor of text and furniture for this paper (A4 = 1). */
  factor: number;
  titlePt: number;
  subtitlePt: number;
}

export function pageFrame(settings: FigureSettings): PageFrame {
  const { widthMm, heightMm } = pageSizeMm(settings.paper, settings.orientation);
  const factor = paperFactor(settings.paper);
  const m = settings.marginMm;
  const border: Rect = { xMm: m, yMm: m, wMm: widthMm - 2 * m, hMm: heightMm - 2 * m };
  const titlePt = 20 * factor;
  const subtitlePt = 12 * factor;
  const titleH = ptToMm(titlePt) * 1.7 + (settings.titleBlock.subtitle ? ptToMm(subtitlePt) * 1.6 : 0) + 2;
  const titleBand: Rect = { xMm: m, yMm: heightMm - m - titleH, wMm: border.wMm, hMm: titleH };
  const pad = 3 * factor;
  // Grid labels sit left of and below the map frame.
  const gutter = settings.grid === 'none' ? pad : pad + ptToMm(7 * factor) * 1.8;
  const panelW = 62 * factor;
  const panel: Rect = {
    xMm: widthMm - m - pad - panelW,
    yMm: m + pad,
    wMm: panelW,
    hMm: titleBand.yMm - m - 2 * pad,
  };
  const mapX = m + gutter;
  const mapY = m + gutter;
  const map: Rect = { xMm: mapX, yMm: mapY, wMm: panel.xMm - pad - mapX, hMm: titleBand.yMm - pad - mapY };
  return { widthMm, heightMm, border, titleBand, map, panel, factor, titlePt, subtitlePt };
}

/** The ground shown in the map frame: Gauss-Krüger metres (no zone prefix), grid north up. */
export interface GroundFrame {
  map: Rect;
  scale: number;
  minE: number;
  minN: number;
  maxE: number;
  maxN: number;
}

export function groundFrame(map: Rect, centre: Projected, scale: number): GroundFrame {
  const halfW = (map.wMm * scale) / 2000;
  const halfH = (map.hMm * scale) / 2000;
  return {
    map,
    scale,
    minE: centre[0] - halfW,
    maxE: centre[0] + halfW,
    minN: centre[1] - halfH,
    maxN: centre[1] + halfH,
  };
}

/** GK easting/northing → page mm: x = (E − E0)·1000 / scale. */
export function toPage(ground: GroundFrame, e: number, n: number): [number, number] {
  const k = 1000 / ground.scale;
  return [ground.map.xMm + (e - ground.minE) * k, ground.map.yMm + (n - ground.minN) * k];
}

import { fromGaussKruger, type Projected } from '../crs/gaussKruger';
import { DEFAULT_SYMBOLS } from '../domain/symbology';
import type { ZoneType } from '../domain/taxonomy';
import { pieceRect, type BackgroundRaster } from './backgroundRaster';
import type { DrawOp, Page, PageImage } from './displayList';
import type { FigureSettings } from './figureSettings';
import { groundFrame, pageFrame, type GroundFrame, type PageFrame } from './frame';
import { gridOps } from './grid';
import { insetBlock, type InsetBasemap } from './inset';
import { boxOp, legendBlock, legendOrder, zoneLegendEntries, type LegendEntry } from './legend';
import type { FigureReference } from './referencesOnPage';
import { referenceSymbol } from '../analysis/referenceSymbols';
import { northArrowBlock } from './northArrow';
import { scaleBarBlock } from './scaleBar';
import { symbolOps } from './symbolOps';
import { estimateTextWidth, ptToMm, type MeasureText } from './textMeasure';
import { titleBlockBlock } from './titleBlock';
import {
  polygonsToPage,
  polygonsTouchFrame,
  zoneToGk,
  type FigureZone,
  type GkPolygons,
} from './zonesOnPage';

export interface FigureRequest {
  settings: FigureSettings;
  /** The project's 3° Gauss-Krüger zone: the frame's coordinate system. */
  gkZone: number;
  /** The zones shown on the map (hidden types already left out). */
  zones: readonly FigureZone[];
  /** Centre of the map frame, GK metres without the zone prefix. */
  centre: Projected;
  /** Used when the title block has no title (the object's or the project's name). */
  defaultTitle: string;
  /** Object names written on the map, centred just above GK points. */
  labels?: readonly { text: string; at: Projected }[];
  measure?: MeasureText;
  inset?: InsetBasemap;
  /** The backgrounds under the zones, rendered at the chosen dpi in pieces from the frame's top-left. */
  background?: BackgroundRaster;
  /** Reference layers (control lines) shown on the map, drawn over the backgrounds and under the zones. */
  references?: readonly FigureReference[];
}

export interface FigureLayout {
  page: Page;
  frame: PageFrame;
  ground: GroundFrame;
  /** The zone types in the legend: those drawn inside the frame. */
  legendTypes: ZoneType[];
}

/** One 保护区划图 page: zones at the exact scale in the GK frame, and the map furniture around them. */
export function layoutFigure(request: FigureRequest): FigureLayout {
  const { settings, gkZone } = request;
  const measure = request.measure ?? estimateTextWidth;
  const frame = pageFrame(settings);
  const ground = groundFrame(frame.map, request.centre, settings.scale);
  const f = frame.factor;
  const shown: { type: ZoneType; polygons: GkPolygons }[] = [];
  for (const zone of request.zones) {
    const polygons = zoneToGk(zone.geometry, gkZone);
    if (polygonsTouchFrame(polygons, ground)) shown.push({ type: zone.zoneType, polygons });
  }
  shown.sort((a, b) => DEFAULT_SYMBOLS[a.type].order - DEFAULT_SYMBOLS[b.type].order);
  const legendTypes = legendOrder(shown.map((z) => z.type));
  const ops: DrawOp[] = [boxOp(frame.border.xMm, frame.border.yMm, frame.border.wMm, frame.border.hMm, 0.8)];
  ops.push(...titleOps(settings, frame, request.defaultTitle, measure));
  ops.push({ op: 'clip', rect: frame.map });
  const images: Record<string, PageImage> = {};
  request.background?.pieces.forEach((piece, i) => {
    const id = `background${i}`;
    images[id] = piece.image;
    ops.push({ op: 'image', id, rect: pieceRect(frame.map, request.background!.dpi, piece) });
  });
  for (const reference of request.references ?? [])
    for (const rings of polygonsToPage(reference.polygons, ground))
      ops.push(...symbolOps(rings, referenceSymbol(reference.kind)));
  for (const zone of shown)
    for (const rings of polygonsToPage(zone.polygons, ground))
      ops.push(...symbolOps(rings, DEFAULT_SYMBOLS[zone.type]));
  for (const label of request.labels ?? []) {
    const x = frame.map.xMm + ((label.at[0] - ground.minE) * 1000) / settings.scale;
    const y = frame.map.yMm + ((label.at[1] - ground.minN) * 1000) / settings.scale + 1.5 * f;
    ops.push({
      op: 'text',
      str: label.text,
      xMm: x,
      yMm: y,
      sizePt: 9 * f,
      anchor: 'middle',
      color: [0, 0, 0],
      bold: true,
    });
  }
  ops.push({ op: 'unclip' });
  ops.push(boxOp(frame.map.xMm, frame.map.yMm, frame.map.wMm, frame.map.hMm, 0.3));
  ops.push(...gridOps(ground, gkZone, settings.grid, f, measure));
  const legend = [
    ...zoneLegendEntries(legendTypes),
    ...(request.references ?? []).map((r) => ({ label: r.name, symbol: referenceSymbol(r.kind) })),
  ];
  ops.push(...panelOps(request, frame, ground, legend, measure));
  const title = settings.titleBlock.title || request.defaultTitle;
  const page: Page = {
    widthMm: frame.widthMm,
    heightMm: frame.heightMm,
    ops,
    images,
    ...(title && { title }),
  };
  return { page, frame, ground, legendTypes };
}

function titleOps(
  settings: FigureSettings,
  frame: PageFrame,
  defaultTitle: string,
  measure: MeasureText,
): DrawOp[] {
  const band = frame.titleBand;
  const cx = band.xMm + band.wMm / 2;
  const ops: DrawOp[] = [];
  const fit = (str: string, pt: number) =>
    Math.min(pt, (pt * band.wMm * 0.9) / Math.max(measure(str, pt), 1e-9));
  const title = settings.titleBlock.title || defaultTitle;
  let y = band.yMm + band.hMm - ptToMm(frame.titlePt) * 1.25;
  if (title)
    ops.push({
      op: 'text',
      str: title,
      xMm: cx,
      yMm: y,
      sizePt: fit(title, frame.titlePt),
      anchor: 'middle',
      bold: true,
      color: [0, 0, 0],
    });
  const subtitle = settings.titleBlock.subtitle;
  y -= ptToMm(frame.subtitlePt) * 1.6;
  if (subtitle)
    ops.push({
      op: 'text',
      str: subtitle,
      xMm: cx,
      yMm: y,
      sizePt: fit(subtitle, frame.subtitlePt),
      anchor: 'middle',
      color: [0, 0, 0],
    });
  return ops;
}

/** The side column from the top: north arrow, location map, legend, scale bar; the title block at its foot. */
function panelOps(
  request: FigureRequest,
  frame: PageFrame,
  ground: GroundFrame,
  legend: readonly LegendEntry[],
  measure: MeasureText,
): DrawOp[] {
  const { panel, factor: f } = frame;
  const gap = 4 * f;
  const ops: DrawOp[] = [];
  let top = panel.yMm + panel.hMm;
  const arrow = northArrowBlock(panel.xMm + panel.wMm / 2, top, f);
  ops.push(...arrow.ops);
  top -= arrow.heightMm + gap;
  if (request.settings.inset && request.inset) {
    const site = fromGaussKruger(
      [(ground.minE + ground.maxE) / 2, (ground.minN + ground.maxN) / 2],
      request.gkZone,
      { prefixed: false },
    );
    const inset = insetBlock(request.inset, site, panel.xMm, top, panel.wMm, f);
    ops.push(...inset.ops);
    top -= inset.heightMm + gap;
  }
  if (legend.length > 0) {
    const block = legendBlock(legend, panel.xMm, top, panel.wMm, f, measure);
    ops.push(...block.ops);
    top -= block.heightMm + gap;
  }
  const bar = scaleBarBlock(request.settings.scale, panel.xMm, top, panel.wMm, f);
  ops.push(...bar.ops);
  ops.push(...titleBlockBlock(request.settings.titleBlock, panel.xMm, panel.yMm, panel.wMm, f, measure).ops);
  return ops;
}

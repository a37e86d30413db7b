import type BaseLayer from 'ol/layer/Base';
import type { LayerListPrefs } from '../../shared/domain/backgrounds';

/**
 * The plan map's drawing order, bottom to top, as zIndex bands:
 * - the offline basemap (basemap.ts: online tiles -1, offline data 0, graticule 1);
 * - the listed layers — backgrounds and reference layers — in the layers panel's order, spread
 *   over [LISTED_BOTTOM, LISTED_TOP] (the top row of the panel gets the highest value);
 * - the zone layers (ZONES_Z + the symbol's order, zoneLayers.ts), pinned above every listed
 *   layer because editing needs them on top;
 * - object markers (500), the sketch and tool layers (1000 and up).
 * OpenLayers sorts by zIndex numerically, so any number of listed layers fits inside the band.
 */
export const LISTED_BOTTOM = 2;
export const LISTED_TOP = 9;
export const ZONES_Z = 10;

/** The group a listed layer belongs to (where a new one goes in the order). */
export type ListedGroup = 'background' | 'reference';
export interface ListedLayer {
  id: string;
  group: ListedGroup;
}

/**
 * The listed layers top to bottom: the stored order first (ids still present), then layers the
 * order does not know yet — reference layers above backgrounds, so control lines stay readable
 * over an opaque orthophoto — each group in the order given (newest first).
 */
export function layerOrder(order: readonly string[], layers: readonly ListedLayer[]): string[] {
  const present = new Set(layers.map((l) => l.id));
  const known = order.filter((id, i) => present.has(id) && order.indexOf(id) === i);
  const seen = new Set(known);
  const unknown = (group: ListedGroup) =>
    layers.filter((l) => l.group === group && !seen.has(l.id)).map((l) => l.id);
  return [...unknown('reference'), ...known, ...unknown('background')];
}

/** The zIndex of the layer at `position` (0 = top) among `count` listed layers. */
export function listedZIndex(position: number, count: number): number {
  const step = (LISTED_TOP - LISTED_BOTTOM) / (count + 1);
  return LISTED_TOP - step * (position + 1);
}

/**
 * The order with a new background placed above the other backgrounds but below the reference
 * layers (a new orthophoto must not hide the control lines).
 */
export function orderWithNew(
  current: readonly string[],
  layers: readonly ListedLayer[],
  id: string,
): string[] {
  const groups = new Map(layers.map((l) => [l.id, l.group]));
  const order = current.filter((other) => other !== id);
  const firstBackground = order.findIndex((other) => groups.get(other) === 'background');
  order.splice(firstBackground === -1 ? order.length : firstBackground, 0, id);
  return order;
}

/** The order with `id` moved by `delta` rows (negative: up), clamped to the list. */
export function moveInOrder(order: readonly string[], id: string, delta: number): string[] {
  const from = order.indexOf(id);
  if (from === -1) return [...order];
  const to = Math.max(0, Math.min(order.length - 1, from + delta));
  const next = order.filter((other) => other !== id);
  next.splice(to, 0, id);
  return next;
}

/** A listed layer on the map; `visible` undefined leaves its visibility to its owner (reference layers). */
export interface StackEntry {
  id: string;
  layer: BaseLayer;
  visible?: boolean;
}

/** Put the listed layers in the panel's order, with the panel's opacity and visibility. */
export function applyLayerStack(
  order: readonly string[],
  entries: readonly StackEntry[],
  prefs: LayerListPrefs,
): void {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const count = order.length;
  order.forEach((id, position) => {
    const entry = byId.get(id);
    if (!entry) return;
    entry.layer.setZIndex(listedZIndex(position, count));
    entry.layer.setOpacity(prefs.opacity[id] ?? 1);
    if (entry.visible !== undefined) entry.layer.setVisible(entry.visible);
  });
}

/** The listed layers of a project, each group newest first (the default order of new layers). */
export function listedLayers(
  backgrounds: readonly { id: string; createdAt: string }[],
  references: readonly { id: string; createdAt: string }[],
): ListedLayer[] {
  const newestFirst = <T extends { createdAt: string }>(list: readonly T[]) =>
    [...list].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return [
    ...newestFirst(references).map((l) => ({ id: l.id, group: 'reference' as const })),
    ...newestFirst(backgrounds).map((l) => ({ id: l.id, group: 'background' as const })),
  ];
}

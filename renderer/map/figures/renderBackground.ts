import OlMap from 'ol/Map';
import View from 'ol/View';
import type BaseLayer from 'ol/layer/Base';
import Layer from 'ol/layer/Layer';
import type Source from 'ol/source/Source';
import TileSource from 'ol/source/Tile';
import type { Bilingual } from '../../../shared/domain/labels';
import {
  groundResolution,
  planPieces,
  type BackgroundPiece,
  type BackgroundRaster,
} from '../../../shared/figures/backgroundRaster';
import type { GroundFrame } from '../../../shared/figures/frame';
import { JobCancelled } from '../../jobs/runJob';
import { connectProjection } from '../projections';
import { compositeLayers } from './compositeLayers';
import { figureProjection } from './figureProjection';

/** A background as the figure draws it: a fresh layer, with the layers panel's opacity. */
export interface FigureBackgroundLayer {
  id: string;
  name: string;
  opacity: number;
  /** A new OpenLayers layer over the background's data (its factory's `forFigure()`). */
  make(): BaseLayer;
}

/** A piece whose tiles did not all arrive in time: the figure is not written half-drawn. */
export class BackgroundTimeout extends Error {
  constructor(readonly reason: Bilingual) {
    super(reason.en);
  }
}

export interface RenderBackgroundOptions {
  /** Longest wait for one piece's tiles (ms). */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Pieces done of all (progress). */
  onPiece?(done: number, total: number): void;
}

/**
 * The backgrounds under a figure's map frame, as JPEG pieces at `dpi`: an offscreen OpenLayers
 * map (hidden element, pixel ratio 1) in the frame's Gauss-Krüger zone (under the code its
 * backgrounds use, figureProjection.ts) at scale · 0.0254 / dpi
 * metres per pixel, showing fresh layers bottom to top, is moved piece by piece over the frame;
 * each piece is composited once all its tiles are drawn and encoded (quality 0.85). Pixels with
 * no background stay paper white.
 */
export async function renderBackground(
  layers: readonly FigureBackgroundLayer[],
  ground: GroundFrame,
  gkZone: number,
  dpi: number,
  options: RenderBackgroundOptions = {},
): Promise<BackgroundRaster> {
  if (layers.length === 0) return { dpi, pieces: [] };
  const resolution = groundResolution(ground.scale, dpi);
  const plans = planPieces(ground, dpi);
  const target = document.createElement('div');
  target.setAttribute('aria-hidden', 'true');
  target.style.cssText = 'position:fixed;left:-30000px;top:0;pointer-events:none;';
  document.body.append(target);
  const olLayers = layers.map(figureLayer);
  const projection = figureProjection(olLayers.map(sourceCode), gkZone);
  connectProjection(projection.code);
  const centre = ([e, n]: [number, number]) => [e + projection.eastOffset, n];
  const map = new OlMap({
    target,
    layers: [...olLayers],
    controls: [],
    interactions: [],
    pixelRatio: 1,
    view: new View({
      projection: projection.code,
      resolutions: [resolution],
      resolution,
      center: centre(plans[0]!.centre),
    }),
  });
  const pieces: BackgroundPiece[] = [];
  try {
    await sourcesReady(olLayers, layers, options.timeoutMs ?? 60_000, options.signal);
    for (const plan of plans) {
      if (options.signal?.aborted) throw new JobCancelled();
      target.style.width = `${plan.width}px`;
      target.style.height = `${plan.height}px`;
      map.updateSize();
      map.getView().setCenter(centre(plan.centre));
      await renderedWhole(map, olLayers, layers, options.timeoutMs ?? 60_000, options.signal);
      const canvas = new OffscreenCanvas(plan.width, plan.height);
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no 2D canvas');
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, plan.width, plan.height);
      compositeLayers(map, ctx);
      const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      pieces.push({
        x: plan.x,
        y: plan.y,
        image: { kind: 'jpeg', width: plan.width, height: plan.height, bytes },
      });
      options.onPiece?.(pieces.length, plans.length);
    }
  } finally {
    map.setTarget(undefined);
    map.setLayers([]);
    for (const layer of olLayers) layer.dispose();
    map.dispose();
    target.remove();
  }
  return { dpi, pieces };
}

/** The code of a layer's source projection (null for a layer without one, e.g. a group). */
const sourceCode = (layer: BaseLayer) =>
  (layer instanceof Layer ? (layer.getSource() as Source | null)?.getProjection()?.getCode() : null) ?? null;

/** Which backgrounds (by index) had a tile fail to load since `watchTileErrors` was called. */
function watchTileErrors(olLayers: readonly BaseLayer[]): { failed: Set<number>; stop(): void } {
  const failed = new Set<number>();
  const stops = olLayers.flatMap((layer, i) =>
    layer.getLayersArray().flatMap((l) => {
      const source = l.getSource();
      if (!(source instanceof TileSource)) return [];
      // A tile disposed while loading fires no error (OpenLayers marks it empty first).
      const onError = () => failed.add(i);
      source.on('tileloaderror', onError);
      return [() => source.un('tileloaderror', onError)];
    }),
  );
  return { failed, stop: () => stops.forEach((stop) => stop()) };
}

/**
 * Resolves once the piece is drawn with every tile: OpenLayers counts a tile that failed to load as
 * done and leaves paper where it was. A background with failed tiles is made afresh (new source,
 * no cached failures) and drawn once more, as a busy server or a dropped connection deserves; a
 * piece still missing tiles refuses the figure, naming the background.
 */
async function renderedWhole(
  map: OlMap,
  olLayers: BaseLayer[],
  layers: readonly FigureBackgroundLayer[],
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<void> {
  let watch = watchTileErrors(olLayers);
  try {
    await rendered(map, timeoutMs, layers, signal);
    if (watch.failed.size === 0) return;
    const retried = [...watch.failed];
    watch.stop();
    for (const i of retried) {
      const fresh = figureLayer(layers[i]!, i);
      map.getLayers().setAt(map.getLayers().getArray().indexOf(olLayers[i]!), fresh);
      olLayers[i]!.dispose();
      olLayers[i] = fresh;
    }
    watch = watchTileErrors(olLayers);
    await sourcesReady(olLayers, layers, timeoutMs, signal);
    await rendered(map, timeoutMs, layers, signal);
    if (watch.failed.size === 0) return;
    const names = [...watch.failed].map((i) => `「${layers[i]?.name ?? ''}」`).join('');
    throw new BackgroundTimeout({
      zh: `底图${names}有瓦片两次未能读取，图中会留下空白，未写入文件。可检查网络或服务后重试，或在图层面板中隐藏该底图后再出图。`,
      en: `Some tiles of the background ${names} could not be read twice; the figure would have blank holes, so nothing was written. Check the network or the service and try again, or hide the background in the layers panel.`,
    });
  } finally {
    watch.stop();
  }
}

/** A fresh layer of a background for the figure's offscreen map, at its place in the stack. */
function figureLayer(background: FigureBackgroundLayer, i: number): BaseLayer {
  const layer = background.make();
  layer.setOpacity(background.opacity);
  layer.setVisible(true);
  layer.setZIndex(i);
  return layer;
}

/** Resolves at the map's next `rendercomplete` (every tile loaded and drawn), or fails by time or cancel. */
function rendered(
  map: OlMap,
  timeoutMs: number,
  layers: readonly FigureBackgroundLayer[],
  signal?: AbortSignal,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', cancel);
      map.un('rendercomplete', done);
    };
    const complete = () => {
      done();
      resolve();
    };
    const cancel = () => {
      done();
      reject(new JobCancelled());
    };
    const names = layers.map((l) => `「${l.name}」`).join('');
    const timer = setTimeout(() => {
      done();
      reject(
        new BackgroundTimeout({
          zh: `底图${names}在 ${Math.round(timeoutMs / 1000)} 秒内未能全部绘出，未写入文件。可在图层面板中隐藏该底图后再出图。`,
          en: `The background ${names} was not drawn within ${Math.round(timeoutMs / 1000)} s; nothing was written. Hide it in the layers panel to export without it.`,
        }),
      );
    }, timeoutMs);
    signal?.addEventListener('abort', cancel);
    map.once('rendercomplete', complete);
    map.render();
  });
}

/**
 * Resolves once every layer's source is ready. A GeoTIFF source reads its header first and is
 * `loading` until then; its layer draws nothing meanwhile, and the map would report its render
 * complete with the orthophoto missing.
 */
function sourcesReady(
  olLayers: readonly BaseLayer[],
  layers: readonly FigureBackgroundLayer[],
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<void> {
  const sources = olLayers
    .map((l) => (l instanceof Layer ? l.getSource() : null))
    .filter((s): s is Source => s !== null && s.getState() === 'loading');
  if (sources.length === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const check = () => {
      const failed = sources.findIndex((s) => s.getState() === 'error');
      if (failed >= 0) {
        done();
        const name =
          layers[olLayers.findIndex((l) => l instanceof Layer && l.getSource() === sources[failed])]?.name;
        return reject(
          new BackgroundTimeout({
            zh: `底图「${name ?? ''}」无法读取，未写入文件。可在图层面板中隐藏该底图后再出图。`,
            en: `The background "${name ?? ''}" could not be read; nothing was written. Hide it in the layers panel to export without it.`,
          }),
        );
      }
      if (sources.every((s) => s.getState() === 'ready')) {
        done();
        resolve();
      }
    };
    const cancel = () => {
      done();
      reject(new JobCancelled());
    };
    const timer = setTimeout(() => {
      done();
      reject(
        new BackgroundTimeout({
          zh: `底图在 ${Math.round(timeoutMs / 1000)} 秒内未能打开，未写入文件。`,
          en: `A background did not open within ${Math.round(timeoutMs / 1000)} s; nothing was written.`,
        }),
      );
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', cancel);
      for (const source of sources) source.un('change', check);
    };
    signal?.addEventListener('abort', cancel);
    for (const source of sources) source.on('change', check);
    check();
  });
}

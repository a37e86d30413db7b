/// <reference lib="webworker" />
import { DEFAULT_SYMBOLS } from '../../../shared/domain/symbology';
import type { ZoneType } from '../../../shared/domain/taxonomy';
import { buildBoxIndex } from '../../../shared/geometry/spatialIndex';
import { hatchCell } from '../zonePaint';
import { cadTileLayer, type CadTileLayer } from './cadTileLayer';
import { drawCadTile } from './drawCadTile';
import { drawTile, type TileLayer } from './drawTile';
import { drawZoneTile } from './drawZoneTile';
import { ZoneTileSet } from './zoneTileSet';
import { featureMercatorBoxes, toMercator, unionOfBoxes } from './packedMercator';
import type { TileWorkerMessage, TileWorkerReply } from './tileProtocol';

/**
 * Draws reference-layer, CAD and zone tiles off the page's thread. It keeps each layer's Mercator vertices and
 * R-tree (sending a copy of the R-tree back once, for snapping), renders one tile at a time into
 * an OffscreenCanvas and hands back an ImageBitmap (workerTileLayer.ts shows it).
 * Requests wait in a queue and are taken one per task, so a cancel (the map moved on) arrives
 * before stale tiles are drawn.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const layers = new Map<string, TileLayer>();
const sheets = new Map<string, CadTileLayer>();
const zoneSets = new Map<string, ZoneTileSet>();
/** Hatch cells per zone type and pixel ratio, drawn once. */
const hatchCells = new Map<string, OffscreenCanvas | null>();
const queue: Extract<TileWorkerMessage, { type: 'tile' }>[] = [];
let scheduled = false;

const reply = (message: TileWorkerReply, transfer: Transferable[] = []) =>
  scope.postMessage(message, transfer);

function schedule(): void {
  if (scheduled || queue.length === 0) return;
  scheduled = true;
  setTimeout(() => {
    const next = queue.shift();
    void (next ? render(next) : Promise.resolve()).then(() => {
      scheduled = false;
      schedule();
    });
  }, 0);
}

/** A zone type's hatch as a pattern of `ctx`, its cell shifted to the world's pixel grid. */
function hatchFor(ctx: OffscreenCanvasRenderingContext2D, pixelRatio: number) {
  return (type: ZoneType, origin: [number, number]): CanvasPattern | null => {
    const hatch = DEFAULT_SYMBOLS[type].hatch;
    if (!hatch) return null;
    const key = `${type}@${pixelRatio}`;
    let cell = hatchCells.get(key);
    if (cell === undefined) {
      const shape = hatchCell(hatch, pixelRatio);
      cell = new OffscreenCanvas(shape.width, shape.height);
      const cellCtx = cell.getContext('2d');
      if (cellCtx) shape.draw(cellCtx);
      else cell = null;
      hatchCells.set(key, cell);
    }
    const pattern = cell && ctx.createPattern(cell, 'repeat');
    if (!cell || !pattern) return null;
    const shift = (o: number, size: number) => -(((o % size) + size) % size);
    pattern.setTransform(
      new DOMMatrix([1, 0, 0, 1, shift(origin[0], cell.width), shift(origin[1], cell.height)]),
    );
    return pattern;
  };
}

async function render({ request, layer: id, tile }: Extract<TileWorkerMessage, { type: 'tile' }>) {
  const layer = layers.get(id);
  const sheet = sheets.get(id);
  const zones = zoneSets.get(id);
  if (!layer && !sheet && !zones)
    return reply({ type: 'failed', request, message: `reference layer ${id} is not loaded` });
  try {
    const canvas = new OffscreenCanvas(tile.width, tile.height);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas in this worker');
    if (zones) drawZoneTile(ctx, zones, tile, hatchFor(ctx, tile.pixelRatio));
    else if (layer) drawTile(ctx, layer, tile);
    else drawCadTile(ctx, sheet!, tile);
    // OpenLayers' canvas tile layer draws the bitmap with drawImage, which blends premultiplied
    // pixels as the canvas holds them: the bitmap is handed over without a copy.
    const bitmap = canvas.transferToImageBitmap();
    reply({ type: 'tile', request, bitmap }, [bitmap]);
  } catch (error) {
    reply({ type: 'failed', request, message: error instanceof Error ? error.message : String(error) });
  }
}

scope.onmessage = (event: MessageEvent<TileWorkerMessage>) => {
  const message = event.data;
  switch (message.type) {
    case 'load': {
      // Boxes and R-tree are built here once, for drawing, and a copy goes back for snapping.
      const boxes = featureMercatorBoxes(message.shapes);
      const index = buildBoxIndex(boxes);
      layers.set(message.layer, {
        shapes: message.shapes,
        mercator: toMercator(message.shapes.lonLat),
        boxes,
        index,
        highlight: new Set(),
        style: message.style,
      });
      reply({
        type: 'loaded',
        layer: message.layer,
        index: index.data.slice(0),
        extent: unionOfBoxes(boxes),
      });
      break;
    }
    case 'loadCad': {
      const sheet = cadTileLayer(message.cad);
      sheets.set(message.layer, sheet);
      reply({
        type: 'loaded',
        layer: message.layer,
        index: sheet.parts.data.slice(0),
        extent: unionOfBoxes(sheet.partBoxes),
      });
      break;
    }
    case 'cadVisibility': {
      const sheet = sheets.get(message.layer);
      if (sheet) sheet.visible = message.visible;
      break;
    }
    case 'zones': {
      let set = zoneSets.get(message.layer);
      if (!set) zoneSets.set(message.layer, (set = new ZoneTileSet()));
      set.apply(message.change);
      break;
    }
    case 'drop':
      layers.delete(message.layer);
      sheets.delete(message.layer);
      zoneSets.delete(message.layer);
      break;
    case 'highlight': {
      const layer = layers.get(message.layer);
      if (layer) layer.highlight = new Set(message.features);
      break;
    }
    case 'tile':
      queue.push(message);
      schedule();
      break;
    case 'cancel': {
      const i = queue.findIndex((q) => q.request === message.request);
      if (i >= 0) queue.splice(i, 1);
      break;
    }
  }
};

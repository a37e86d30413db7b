import type { PackedCad } from '../../../shared/formats/dxf/cadPack';
import { openBoxIndex, type Box, type BoxIndex } from '../../../shared/geometry/spatialIndex';
import type { TileRequest, TileStyle } from './drawTile';
import type { PackedShapes } from './packedMercator';
import type { TileWorkerMessage, TileWorkerReply } from './tileProtocol';
import type { ZoneTileChange } from './zoneTileSet';

const busyCounts = new WeakMap<HTMLElement, number>();

/**
 * A TileClient's `onBusy` that keeps the map element aria-busy while any of the map's tile clients
 * draws (the reference layers' and the zones' share the one attribute tests and benches wait on).
 */
export function mapBusyFlag(target: () => HTMLElement | undefined): (busy: boolean) => void {
  let marked: HTMLElement | undefined;
  return (busy) => {
    if (busy && !marked) {
      marked = target();
      if (!marked) return;
      busyCounts.set(marked, (busyCounts.get(marked) ?? 0) + 1);
      marked.setAttribute('aria-busy', 'true');
    } else if (!busy && marked) {
      const left = (busyCounts.get(marked) ?? 1) - 1;
      busyCounts.set(marked, left);
      if (left <= 0) marked.removeAttribute('aria-busy');
      marked = undefined;
    }
  };
}

interface Waiting {
  resolve(bitmap: ImageBitmap): void;
  reject(error: Error): void;
}

/**
 * The page's side of a tile worker (reference layers, CAD sheets or zones). `onBusy`
 * hears whether any tile is still being drawn (the map shows it as aria-busy).
 */
export class TileClient {
  private readonly worker = new Worker(new URL('./tileWorker.ts', import.meta.url), {
    type: 'module',
    name: 'hzw-reference-tiles',
  });
  private readonly waiting = new Map<number, Waiting>();
  private readonly loading = new Map<string, (loaded: { index: BoxIndex; extent: Box | null }) => void>();
  private next = 1;

  constructor(private readonly onBusy: (busy: boolean) => void = () => {}) {
    this.worker.onmessage = (event: MessageEvent<TileWorkerReply>) => {
      const message = event.data;
      if (message.type === 'loaded') {
        this.loading.get(message.layer)?.({ index: openBoxIndex(message.index), extent: message.extent });
        this.loading.delete(message.layer);
        return;
      }
      const waiting = this.waiting.get(message.request);
      if (!waiting) {
        if (message.type === 'tile') message.bitmap.close();
        return;
      }
      this.settle(message.request);
      if (message.type === 'tile') waiting.resolve(message.bitmap);
      else waiting.reject(new Error(message.message));
    };
  }

  /**
   * Hand a layer to the worker; `onLoaded` gets the layer's R-tree of feature boxes (map
   * coordinates) and its extent, unless the layer is dropped first.
   */
  load(
    layer: string,
    shapes: PackedShapes,
    style: TileStyle,
    onLoaded: (loaded: { index: BoxIndex; extent: Box | null }) => void,
  ): void {
    this.loading.set(layer, onLoaded);
    const { featureCount, lonLat, ringStarts, polygonRings, featurePolygons } = shapes;
    this.post({
      type: 'load',
      layer,
      style,
      shapes: { featureCount, lonLat, ringStarts, polygonRings, featurePolygons },
    });
  }

  /** Hand a CAD sheet to the worker; `onLoaded` gets the R-tree of its parts' boxes and its extent. */
  loadCad(
    layer: string,
    cad: PackedCad,
    onLoaded: (loaded: { index: BoxIndex; extent: Box | null }) => void,
  ): void {
    this.loading.set(layer, onLoaded);
    this.post({ type: 'loadCad', layer, cad });
  }

  /** Draw only the CAD layers marked visible (by index into the sheet's layer list). */
  setCadVisibility(layer: string, visible: readonly boolean[]): void {
    this.post({ type: 'cadVisibility', layer, visible: [...visible] });
  }

  /** Change a zone tile layer's zones; their vertex buffer is handed over, not copied. */
  changeZones(layer: string, change: ZoneTileChange): void {
    const transfer = change.zones ? [change.zones.coords.buffer] : [];
    this.worker.postMessage({ type: 'zones', layer, change } satisfies TileWorkerMessage, transfer);
  }

  drop(layer: string): void {
    this.loading.delete(layer);
    this.post({ type: 'drop', layer });
  }

  highlight(layer: string, features: readonly number[]): void {
    this.post({ type: 'highlight', layer, features: [...features] });
  }

  tile(layer: string, tile: TileRequest, signal?: AbortSignal): Promise<ImageBitmap> {
    const request = this.next++;
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(new DOMException('tile no longer needed', 'AbortError'));
      const abort = () => {
        if (!this.waiting.has(request)) return;
        this.settle(request);
        this.post({ type: 'cancel', request });
        reject(new DOMException('tile no longer needed', 'AbortError'));
      };
      signal?.addEventListener('abort', abort, { once: true });
      this.waiting.set(request, { resolve, reject });
      if (this.waiting.size === 1) this.onBusy(true);
      this.post({ type: 'tile', request, layer, tile });
    });
  }

  dispose(): void {
    this.worker.terminate();
    for (const w of this.waiting.values()) w.reject(new Error('the tile worker was closed'));
    this.waiting.clear();
    this.onBusy(false);
  }

  private settle(request: number): void {
    this.waiting.delete(request);
    if (this.waiting.size === 0) this.onBusy(false);
  }

  private post(message: TileWorkerMessage): void {
    this.worker.postMessage(message);
  }
}

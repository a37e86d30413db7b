import type Feature from 'ol/Feature';
import type OlMap from 'ol/Map';
import type MapBrowserEvent from 'ol/MapBrowserEvent';
import { unByKey } from 'ol/Observable';
import VectorSource from 'ol/source/Vector';
import type { EventsKey } from 'ol/events';
import type { LayerStatus } from '../../../shared/domain/backgrounds';
import { LayerStatusHolder } from './layerStatusHolder';
import type { CadLayerInfo, CadSheetOutput } from '../../../shared/formats/dxf/cadSheet';
import { FormatError } from '../../../shared/formats/formatError';
import type { Box, BoxIndex } from '../../../shared/geometry/spatialIndex';
import { MAX_SNAP_TOLERANCE } from '../../editor/snapSettings';
import { JobCancelled } from '../../jobs/runJob';
import { TileClient } from '../referenceTiles/tileClient';
import { workerTileLayer } from '../referenceTiles/workerTileLayer';
import type { BackgroundFactory, BackgroundInspector, BackgroundLayer } from './backgroundFactory';
import { BackgroundRefused } from './backgroundFactory';
import { nearParts, partFeature } from './cadSnap';
import { readSheet, visibleLayers } from './cadSheets';
import { backgroundTargets } from '../tools/traceSource';

/** One tile worker for every CAD background of the page (started with the first, ended with the last). */
let client: TileClient | null = null;
let users = 0;
const tiles = () => (client ??= new TileClient());
function release(): void {
  if (--users > 0 || !client) return;
  client.dispose();
  client = null;
}
let nextId = 1;

function failure(name: string, error: unknown): LayerStatus {
  if (error instanceof BackgroundRefused) return { state: 'error', message: error.reason };
  if (error instanceof FormatError) {
    const reason = error.problems[0]?.reason;
    if (reason) return { state: 'error', message: reason };
  }
  const text = error instanceof Error ? error.message : String(error);
  return { state: 'error', message: { zh: `${name}：${text}`, en: `${name}: ${text}` } };
}

/**
 * A CAD survey sheet as a background: the job worker reads and packs it, the reference-tile
 * worker draws its linework and text into tiles by colour, and OpenLayers' canvas tile layer
 * composites them (workerTileLayer.ts: a frame costs the same with 100 or 100 000 entities). The
 * parts near the pointer are offered to snapping and tracing (tools/traceSource.ts), built on demand.
 */
export const createCadLayer: BackgroundFactory = (background, context) => {
  const source = background.source;
  if (source.kind !== 'cad') throw new Error(`not a CAD background: ${source.kind}`);
  const id = `cad:${background.id}:${nextId++}`;
  users++;
  const client = tiles();
  const status = new LayerStatusHolder();
  const setStatus = (next: LayerStatus) => status.set(next);
  let sheet: CadSheetOutput | null = null;
  let index: BoxIndex | null = null;
  let extent: Box | null = null;
  let visible: boolean[] = [];
  let loaded!: () => void;
  const ready = new Promise<void>((resolve) => (loaded = resolve));
  const makeLayer = () => workerTileLayer(client, id, `background:${background.id}`, ready);
  const layer = makeLayer();
  const snapSource = new VectorSource<Feature>();
  const abort = new AbortController();

  // The read is shared (cadSheets.ts): a layer remade while it runs (a CAD layer switched) takes
  // it over, so disposing this one only stops listening, it does not stop the worker.
  void readSheet(source.file, source, () => context.bytes(background)).then(
    (out) => {
      if (abort.signal.aborted) return;
      sheet = out;
      visible = visibleLayers(
        background,
        out.sheet.layers.map((l) => l.name),
      );
      client.loadCad(id, out.sheet, (done) => {
        index = done.index;
        extent = done.extent;
        client.setCadVisibility(id, visible);
        loaded();
        layer.getSource()?.refresh();
        const warning = out.warnings[0];
        setStatus({ state: 'ready', ...(warning ? { message: warning } : {}) });
      });
    },
    (error: unknown) => !abort.signal.aborted && setStatus(failure(source.file.name, error)),
  );

  let lastParts = '';
  const fillSnap = (center: number[], tolerance: number) => {
    const [x, y] = center as [number, number];
    const box: Box = [x - tolerance, y - tolerance, x + tolerance, y + tolerance];
    const parts = sheet && index ? nearParts(sheet.sheet, index, box, visible) : [];
    const key = parts.join(',');
    if (key === lastParts) return;
    lastParts = key;
    const features = parts.map((p) => partFeature(sheet!.sheet, p, id));
    backgroundTargets(mapOf())?.set(id, features);
    snapSource.clear(true);
    snapSource.addFeatures(features);
  };
  let mapKeys: EventsKey[] = [];
  const mapOf = () => (layer.getMapInternal() as OlMap | null) ?? null;
  const onMap = () => {
    unByKey(mapKeys);
    const map = mapOf();
    if (!map) return;
    mapKeys = [
      map.on('pointermove', (event: MapBrowserEvent) => {
        // Panning the map needs no targets: keep a drag's frames free of this work.
        if (event.dragging) return;
        if (!layer.getVisible()) {
          lastParts = '';
          return void backgroundTargets(map).set(id, []);
        }
        const tolerance = MAX_SNAP_TOLERANCE * (map.getView().getResolution() ?? 1);
        fillSnap(event.coordinate, tolerance);
      }),
    ];
  };
  const mapKey = layer.on('change:map' as never, onMap);

  const handle: BackgroundLayer & { cadLayers(): CadLayerInfo[] } = {
    layer,
    status: () => status.status(),
    onStatus: (listener) => status.onStatus(listener),
    extent: () => extent,
    snapSource,
    fillSnap,
    cadLayers: () => sheet?.sheet.layers ?? [],
    forFigure: makeLayer,
    dispose() {
      abort.abort();
      unByKey(mapKey);
      const map = mapOf();
      if (map) backgroundTargets(map).set(id, []);
      unByKey(mapKeys);
      client.drop(id);
      layer.dispose();
      status.clear();
      release();
    },
  };
  return handle;
};

/**
 * Reading a picked DXF for the layers panel: the whole sheet is read once (kept for the layer
 * made next), its CAD layers listed, and its CRS taken when the resolver could decide it from
 * the numbers (zone prefix); otherwise the panel asks, with the resolver's candidates.
 */
export const inspectCad: BackgroundInspector = async (file, job) => {
  let out: CadSheetOutput;
  try {
    out = await readSheet(file, {}, async () => file.bytes, job);
  } catch (error) {
    if (error instanceof JobCancelled) throw error;
    // No system could be told from the numbers (a refusal on the `crs` field): the panel asks.
    if (error instanceof FormatError && error.problems.some((p) => p.field === 'crs'))
      return {
        name: file.name.replace(/\.dxf$/i, ''),
        source: { kind: 'cad', file: { name: file.name, size: file.size } },
      };
    const reason = error instanceof FormatError ? error.problems[0]?.reason : undefined;
    throw new BackgroundRefused(file.name, reason ?? failure(file.name, error).message!);
  }
  const cadLayers = out.sheet.layers.map((l) => ({ name: l.name, visible: true, aci: l.aci }));
  return {
    name: file.name.replace(/\.dxf$/i, ''),
    source: {
      kind: 'cad',
      file: { name: file.name, size: file.size, ...(file.mtimeMs ? { mtimeMs: file.mtimeMs } : {}) },
      ...(out.crs.epsg ? { crs: { epsg: out.crs.epsg } } : {}),
      cadLayers,
    },
  };
};

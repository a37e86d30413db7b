import type BaseLayer from 'ol/layer/Base';
import type OlMap from 'ol/Map';
import type { Background, LayerStatus } from '../../../shared/domain/backgrounds';
import type { Bilingual } from '../../../shared/domain/labels';
import type {
  BackgroundBytes,
  BackgroundContext,
  BackgroundFactories,
  BackgroundLayer,
} from './backgroundFactory';
import { BackgroundRefused } from './backgroundFactory';

/**
 * Whether a background reads a local file (its access is checked before its layer is made); a
 * COG added by URL is read from its server instead.
 */
export const isFileBackground = (background: Background) =>
  'file' in background.source && !('url' in background.source && background.source.url);

const KIND_NAMES: Record<Background['source']['kind'], Bilingual> = {
  geotiff: { zh: 'GeoTIFF 影像', en: 'GeoTIFF image' },
  image: { zh: '带坐标文件的图片', en: 'image with world file' },
  cad: { zh: 'CAD 图', en: 'CAD drawing' },
  xyz: { zh: 'XYZ 瓦片服务', en: 'XYZ tile service' },
  wmts: { zh: 'WMTS 服务', en: 'WMTS service' },
  mbtiles: { zh: 'MBTiles 瓦片包', en: 'MBTiles package' },
  pmtiles: { zh: 'PMTiles 瓦片包', en: 'PMTiles package' },
};
export const backgroundKindName = (kind: Background['source']['kind']) => KIND_NAMES[kind];

/** The status before a file can be read: null when the bytes are there. */
function accessStatus(bytes: BackgroundBytes): LayerStatus | null {
  if ('missing' in bytes)
    return {
      state: 'missing',
      message: {
        zh: '此电脑上找不到该文件，请定位文件',
        en: 'The file is not known on this computer: locate it',
      },
    };
  if ('needsPermission' in bytes)
    return {
      state: 'needsPermission',
      message: {
        zh: '浏览器需要再次允许读取该文件',
        en: 'The browser needs permission to read the file again',
      },
    };
  return null;
}

function failure(error: unknown): LayerStatus {
  if (error instanceof BackgroundRefused) return { state: 'error', message: error.reason };
  const text = error instanceof Error ? error.message : String(error);
  return { state: 'error', message: { zh: `无法显示：${text}`, en: `Cannot be shown: ${text}` } };
}

interface Shown {
  background: Background;
  /** The source as last made: a changed source makes the layer again. */
  made: string;
  layer: BackgroundLayer | null;
  status: LayerStatus;
  stop: () => void;
}

/**
 * The backgrounds of the open project on the map. Each is made by the factory of its kind
 * (backgroundLayers.ts); a file background is first checked for access (missing on this computer,
 * or needing the browser's permission again), and a kind with no factory in this build shows an
 * error status instead of a layer. Statuses are reported per background id.
 */
export class MapBackgrounds {
  private readonly shown = new Map<string, Shown>();

  constructor(
    private readonly map: OlMap,
    private readonly factories: BackgroundFactories,
    private readonly context: BackgroundContext | null,
    private readonly onStatus: (id: string, status: LayerStatus) => void,
    /** Called when layers appeared or went, so the stack is applied again. */
    private readonly onLayers: () => void,
  ) {}

  /** Show exactly these backgrounds: new ones are made, removed ones disposed, changed ones remade. */
  sync(list: readonly Background[]): void {
    const wanted = new Map(list.map((b) => [b.id, b]));
    for (const id of [...this.shown.keys()]) if (!wanted.has(id)) this.drop(id);
    for (const background of list) {
      const shown = this.shown.get(background.id);
      if (shown && shown.made === JSON.stringify(background.source)) shown.background = background;
      else this.make(background);
    }
  }

  /** Make a background's layer again (after "allow again" or "locate file…"). */
  reload(id: string): void {
    const shown = this.shown.get(id);
    if (shown) this.make(shown.background);
  }

  status(id: string): LayerStatus | null {
    return this.shown.get(id)?.status ?? null;
  }

  extent(id: string): number[] | null {
    return this.shown.get(id)?.layer?.extent() ?? null;
  }

  /** A fresh layer over a shown background's data for an offscreen figure map (null: no layer yet). */
  forFigure(id: string): BaseLayer | null {
    return this.shown.get(id)?.layer?.forFigure() ?? null;
  }

  /** The OpenLayers layers shown now, by background id. */
  layers(): { id: string; layer: BaseLayer }[] {
    return [...this.shown].flatMap(([id, s]) => (s.layer ? [{ id, layer: s.layer.layer }] : []));
  }

  dispose(): void {
    for (const id of [...this.shown.keys()]) this.drop(id);
  }

  private setStatus(id: string, status: LayerStatus): void {
    const shown = this.shown.get(id);
    if (!shown) return;
    shown.status = status;
    this.onStatus(id, status);
  }

  private drop(id: string): void {
    const shown = this.shown.get(id);
    if (!shown) return;
    this.shown.delete(id);
    shown.stop();
    if (shown.layer) {
      this.map.removeLayer(shown.layer.layer);
      shown.layer.dispose();
      this.onLayers();
    }
  }

  private make(background: Background): void {
    this.drop(background.id);
    const shown: Shown = {
      background,
      made: JSON.stringify(background.source),
      layer: null,
      status: { state: 'loading' },
      stop: () => {},
    };
    this.shown.set(background.id, shown);
    this.onStatus(background.id, shown.status);
    // A late answer for a background since removed or remade is dropped.
    const current = () => this.shown.get(background.id) === shown;
    void this.create(background).then(
      (made) => {
        if (!current()) return made && 'layer' in made ? made.layer.dispose() : undefined;
        if ('state' in made) return this.setStatus(background.id, made);
        shown.layer = made.layer;
        shown.stop = made.layer.onStatus((status) => current() && this.setStatus(background.id, status));
        this.map.addLayer(made.layer.layer);
        this.setStatus(background.id, made.layer.status());
        this.onLayers();
      },
      (error: unknown) => current() && this.setStatus(background.id, failure(error)),
    );
  }

  private async create(background: Background): Promise<LayerStatus | { layer: BackgroundLayer }> {
    const kind = background.source.kind;
    const factory = this.factories[kind];
    const name = KIND_NAMES[kind];
    const noFactory: LayerStatus = {
      state: 'error',
      message: {
        zh: `此版本尚不能显示此类底图（${name.zh}）`,
        en: `This build cannot show ${name.en} backgrounds yet`,
      },
    };
    if (!this.context) return noFactory;
    let context = this.context;
    // A file not reachable here is reported first: locating it is the planner's next step whatever the kind.
    if (isFileBackground(background)) {
      const bytes = await context.bytes(background);
      const blocked = accessStatus(bytes);
      if (blocked) return blocked;
      context = { ...context, bytes: async () => bytes };
    }
    if (!factory) return noFactory;
    return { layer: factory(background, context) };
  }
}

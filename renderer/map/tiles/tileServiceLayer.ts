import TileLayer from 'ol/layer/Tile';
import { transformExtent } from 'ol/proj';
import type { Background } from '../../../shared/domain/backgrounds';
import type { Bilingual } from '../../../shared/domain/labels';
import type { BackgroundContext, BackgroundFactory, BackgroundLayer } from '../backgrounds/backgroundFactory';
import { connectProjection, registerProjections } from '../projections';
import { createTileServiceSource, type TileServiceSpec } from './tileServiceSource';
import { TileStatusTracker } from './tileStatus';
import { ServiceProblem } from './wmtsCapabilities';
import { wmtsSpec, xyzSpec } from './tileServiceSpec';

function reasonOf(error: unknown): Bilingual {
  if (error instanceof ServiceProblem) return error.reason;
  const text = error instanceof Error ? error.message : String(error);
  return { zh: `无法加载该服务：${text}`, en: `The service cannot be loaded: ${text}` };
}

async function specOf(
  background: Background,
  context: BackgroundContext,
  signal: AbortSignal,
): Promise<TileServiceSpec> {
  const source = background.source;
  const key = 'keyId' in source && source.keyId ? await context.serviceKey(source.keyId) : null;
  if (source.kind === 'xyz') return xyzSpec(source, key);
  if (source.kind === 'wmts') return wmtsSpec(source, key, signal);
  throw new Error(`not a tile service: ${source.kind}`);
}

/**
 * A tile service (XYZ, TMS, WMTS, 天地图) as a background. The layer exists at once; its source
 * follows when the key is read and, for WMTS, the capabilities are fetched. Whatever fails is
 * the layer's status, never an exception out of the map.
 */
export const tileServiceFactory: BackgroundFactory = (background, context): BackgroundLayer => {
  registerProjections();
  const status = new TileStatusTracker();
  const layer = new TileLayer({ properties: { name: `background:${background.id}` } });
  const controller = new AbortController();
  let spec: TileServiceSpec | null = null;
  specOf(background, context, controller.signal).then(
    (resolved) => {
      if (controller.signal.aborted) return;
      spec = resolved;
      connectProjection(resolved.projection);
      layer.setSource(createTileServiceSource(resolved, status));
    },
    (error: unknown) => {
      if (!controller.signal.aborted) status.set({ state: 'error', message: reasonOf(error) });
    },
  );
  return {
    layer,
    status: () => status.status(),
    onStatus: (listener) => status.onStatus(listener),
    extent: () => {
      const extent = spec?.tileGrid.getExtent();
      return spec && extent ? transformExtent(extent, spec.projection, context.viewProjection) : null;
    },
    forFigure: () =>
      new TileLayer({
        source: spec ? createTileServiceSource(spec, new TileStatusTracker()) : undefined,
        opacity: layer.getOpacity(),
      }),
    dispose: () => {
      controller.abort();
      layer.setSource(null);
      layer.dispose();
    },
  };
};

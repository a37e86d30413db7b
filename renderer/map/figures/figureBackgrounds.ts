import type BaseLayer from 'ol/layer/Base';
import type { LayerStatus } from '../../../shared/domain/backgrounds';
import type { Bilingual } from '../../../shared/domain/labels';
import type { FigureBackgroundLayer } from './renderBackground';

/** A background of the layers panel as a figure sees it (bottom to top, with the panel's settings). */
export interface FigureBackground {
  id: string;
  name: string;
  visible: boolean;
  opacity: number;
  status: LayerStatus;
  /** A fresh layer for the offscreen figure map; null while the background has no layer. */
  make(): BaseLayer | null;
}

const STATE_NAMES: Record<LayerStatus['state'], Bilingual> = {
  loading: { zh: '加载中', en: 'loading' },
  ready: { zh: '正常', en: 'ready' },
  error: { zh: '出错', en: 'error' },
  needsPermission: { zh: '需要授权', en: 'needs permission' },
  missing: { zh: '缺少文件', en: 'file missing' },
  needsReload: { zh: '需重新加载', en: 'reload needed' },
};

/**
 * The visible backgrounds split into those the figure draws (ready, or still loading: the render
 * waits for their tiles, within its time limit) and those it leaves out, each with the reason.
 */
export function figureLayers(list: readonly FigureBackground[]): {
  drawn: FigureBackgroundLayer[];
  left: { id: string; message: Bilingual }[];
} {
  const drawn: FigureBackgroundLayer[] = [];
  const left: { id: string; message: Bilingual }[] = [];
  for (const b of list) {
    if (!b.visible) continue;
    const usable = b.status.state === 'ready' || b.status.state === 'loading';
    if (usable) {
      drawn.push({
        id: b.id,
        name: b.name,
        opacity: b.opacity,
        make: () => {
          const layer = b.make();
          if (!layer) throw new Error(`background ${b.name} has no layer`);
          return layer;
        },
      });
      continue;
    }
    const state = STATE_NAMES[b.status.state];
    const why = b.status.message;
    left.push({
      id: b.id,
      message: {
        zh: `底图「${b.name}」${state.zh}${why ? `（${why.zh}）` : ''}，不画入图中`,
        en: `Background "${b.name}": ${state.en}${why ? ` (${why.en})` : ''}; left out of the figure`,
      },
    });
  }
  return { drawn, left };
}

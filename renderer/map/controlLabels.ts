import type OlMap from 'ol/Map';
import type { Bilingual, Lang } from '../../shared/domain/labels';
import type { Workbench } from '../editor/workbench';

/** Tooltips of OpenLayers' own controls, by the control button's class. */
const CONTROL_TIPS: Record<string, Bilingual> = {
  '.ol-zoom-in': { zh: '放大', en: 'Zoom in' },
  '.ol-zoom-out': { zh: '缩小', en: 'Zoom out' },
  '.ol-rotate button': { zh: '重置旋转（朝北）', en: 'Reset rotation (north up)' },
  '.ol-attribution button': { zh: '数据来源', en: 'Attributions' },
};

function label(map: OlMap, lang: Lang): void {
  const root = map.getViewport() as HTMLElement | undefined;
  if (!root) return;
  // The title only: the buttons keep their own text (+, −) as accessible name, so they do not
  // share a name with the toolbar's zoom buttons.
  for (const [selector, tip] of Object.entries(CONTROL_TIPS)) {
    for (const button of root.querySelectorAll<HTMLElement>(selector)) {
      button.title = tip[lang];
    }
  }
}

/** Word OpenLayers' control tooltips in the UI language, switching with it. Returns the unsubscribe. */
export function labelMapControls(map: OlMap, workbench: Workbench): () => void {
  let lang = workbench.state.get().lang;
  label(map, lang);
  return workbench.state.subscribe(() => {
    if (workbench.state.get().lang === lang) return;
    lang = workbench.state.get().lang;
    label(map, lang);
  });
}

import type OlMap from 'ol/Map';
import type { ReferenceLayerData } from '../../shared/analysis/overlapsReferenceLayer';
import {
  LayerListPrefsSchema,
  type Background,
  type LayerListPrefs,
  type LayerStatus,
} from '../../shared/domain/backgrounds';
import { ZONE_TYPES } from '../../shared/domain/taxonomy';
import type { BackgroundContext } from './backgrounds/backgroundFactory';
import { BACKGROUND_FACTORIES } from './backgrounds/backgroundLayers';
import { MapBackgrounds } from './backgrounds/mapBackgrounds';
import type { FigureBackground } from './figures/figureBackgrounds';
import { applyLayerStack, layerOrder, listedLayers } from './layerStack';
import type { ReferenceLayers } from './referenceLayers';
import type { ZoneLayers } from './zoneLayers';

/**
 * The layers panel's settings applied to the map: backgrounds made and shown, backgrounds and
 * reference layers stacked in the panel's order with its opacity and visibility, zone types shown
 * or hidden, zones labelled by the chosen field. Re-applied whenever any of these changes.
 */
export function createLayerList(
  map: OlMap,
  zones: ZoneLayers,
  references: ReferenceLayers,
  context: BackgroundContext | null,
) {
  const listeners = new Set<(id: string, status: LayerStatus) => void>();
  let list: readonly Background[] = [];
  let referenceData: readonly ReferenceLayerData[] = [];
  let prefs: LayerListPrefs = LayerListPrefsSchema.parse({});
  const apply = () => {
    const order = layerOrder(prefs.order, listedLayers(list, referenceData));
    const shownBackgrounds = backgrounds
      .layers()
      .map((e) => ({ ...e, visible: prefs.visible[e.id] !== false }));
    applyLayerStack(order, [...shownBackgrounds, ...references.layers()], prefs);
    for (const type of ZONE_TYPES) zones.setTypeVisible(type, prefs.zoneTypes[type] !== false);
    zones.setLabelField(prefs.labelField);
  };
  const backgrounds = new MapBackgrounds(
    map,
    BACKGROUND_FACTORIES,
    context,
    (id, status) => listeners.forEach((listener) => listener(id, status)),
    apply,
  );
  return {
    backgrounds,
    setBackgrounds(next: readonly Background[], nextPrefs: LayerListPrefs) {
      list = next;
      prefs = nextPrefs;
      backgrounds.sync(next);
      apply();
    },
    setReferences(layers: readonly ReferenceLayerData[]) {
      referenceData = layers;
      references.sync(layers);
      apply();
    },
    /** The backgrounds bottom to top, with the panel's visibility, opacity and each one's status. */
    figureBackgrounds(): FigureBackground[] {
      const byId = new Map(list.map((b) => [b.id, b]));
      const order = layerOrder(prefs.order, listedLayers(list, referenceData)).filter((id) => byId.has(id));
      return order.reverse().map((id) => ({
        id,
        name: byId.get(id)!.name,
        visible: prefs.visible[id] !== false,
        opacity: prefs.opacity[id] ?? 1,
        status: backgrounds.status(id) ?? { state: 'loading' },
        make: () => backgrounds.forFigure(id),
      }));
    },
    onStatus(listener: (id: string, status: LayerStatus) => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    dispose() {
      listeners.clear();
      backgrounds.dispose();
    },
  };
}

import 'ol-ext/control/Swipe.css';
import Feature from 'ol/Feature';
import type OlMap from 'ol/Map';
import type Layer from 'ol/layer/Layer';
import VectorLayer from 'ol/layer/Vector';
import VectorSource from 'ol/source/Vector';
import { Fill, Stroke, Style } from 'ol/style';
import type { StyleLike } from 'ol/style/Style';
import FillPattern from 'ol-ext/style/FillPattern';
import Swipe from 'ol-ext/control/Swipe';
import type { ComparisonView } from '../../../shared/review/compareTypes';
import type { ZoneGeometry } from '../../../shared/domain/geometry';
import type { ZoneType } from '../../../shared/domain/taxonomy';
import { toMapGeometry } from '../geometryConvert';
import { ZONE_TYPE_PROPERTY, zonesStyle } from '../zoneStyles';

const OLD_STYLE = new Style({ stroke: new Stroke({ color: '#555555', width: 1.5, lineDash: [8, 6] }) });
const GAIN_STYLE = new Style({
  fill: new Fill({ color: '#2e7d3266' }),
  stroke: new Stroke({ color: '#2e7d32', width: 1.5 }),
});
let lossStyles: Style[] | null = null;
/** Losses: a red wash, red hatching on top (so they read apart from gains in grey print too). */
const lossStyle = (): Style[] =>
  (lossStyles ??= [
    new Style({
      fill: new Fill({ color: '#c6282866' }),
      stroke: new Stroke({ color: '#c62828', width: 1.5 }),
    }),
    new Style({
      fill: new FillPattern({ pattern: 'hatch', color: '#c62828', angle: 45, spacing: 6, size: 1 }),
    }),
  ]);

function features(list: readonly { geometry: ZoneGeometry; zoneType: ZoneType }[], kind: string) {
  return list.map((item) => {
    const feature = new Feature(toMapGeometry(item.geometry));
    feature.set(ZONE_TYPE_PROPERTY, item.zoneType);
    feature.set('compare', kind);
    return feature;
  });
}

function layer(name: string, style: StyleLike, zIndex: number) {
  const source = new VectorSource();
  const vector = new VectorLayer({ source, style, zIndex, visible: false, properties: { name } });
  return { source, vector };
}

export interface CompareLayers {
  /** Draw a comparison: A's outlines dashed, gains green, losses red hatched; null clears. */
  show(view: ComparisonView | null): void;
  /** Swipe between state A (left, in the zone styles) and B (right: `right` layers, or B's zones). */
  setSwipe(on: boolean): void;
  dispose(): void;
}

/**
 * The comparison on the plan map (design §6): three overlay layers above the zones (old outlines
 * dashed at zIndex 950, gains and losses above them) and an ol-ext Swipe control showing state A
 * in the zones' own styles on the left and the current zones (`right`) on the right. When B is
 * not the current state, the view's `after` zones are drawn on the right instead.
 */
export function createCompareLayers(map: OlMap, right: readonly Layer[]): CompareLayers {
  const old = layer('compare:old', OLD_STYLE, 950);
  const gain = layer('compare:gain', GAIN_STYLE, 951);
  const loss = layer('compare:loss', lossStyle, 952);
  const before = layer(
    'compare:a',
    zonesStyle(() => true),
    940,
  );
  const after = layer(
    'compare:b',
    zonesStyle(() => true),
    940,
  );
  const all = [old, gain, loss, before, after];
  for (const l of all) map.addLayer(l.vector);
  let swipe: Swipe | null = null;
  let current: ComparisonView | null = null;

  const setSwipe = (on: boolean) => {
    if (swipe) {
      map.removeControl(swipe);
      swipe = null;
    }
    before.vector.setVisible(on && current !== null);
    after.vector.setVisible(on && current?.after !== undefined);
    if (!on || !current) return;
    const rightLayers = current.after ? [after.vector] : [...right];
    swipe = new Swipe({ layers: [before.vector], rightLayers, position: 0.5, orientation: 'vertical' });
    map.addControl(swipe);
  };

  return {
    show(view) {
      current = view;
      for (const l of all) l.source.clear();
      if (view) {
        old.source.addFeatures(
          features(
            view.before.filter((z) => z.changed !== false),
            'old',
          ),
        );
        gain.source.addFeatures(features(view.gained, 'gain'));
        loss.source.addFeatures(features(view.lost, 'loss'));
        before.source.addFeatures(features(view.before, 'a'));
        if (view.after) after.source.addFeatures(features(view.after, 'b'));
      }
      for (const l of [old, gain, loss]) l.vector.setVisible(view !== null);
      if (!view || swipe) setSwipe(view !== null && swipe !== null);
      map
        .getTargetElement()
        ?.setAttribute('data-compare-parts', String(view ? view.gained.length + view.lost.length : 0));
    },
    setSwipe,
    dispose() {
      if (swipe) map.removeControl(swipe);
      for (const l of all) map.removeLayer(l.vector);
    },
  };
}

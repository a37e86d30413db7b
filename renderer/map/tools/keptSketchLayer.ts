import Collection from 'ol/Collection';
import Feature from 'ol/Feature';
import type Geometry from 'ol/geom/Geometry';
import Point from 'ol/geom/Point';
import Modify from 'ol/interaction/Modify';
import VectorLayer from 'ol/layer/Vector';
import VectorSource from 'ol/source/Vector';
import { Circle, Fill, RegularShape, Stroke, Style } from 'ol/style';
import type { KeptSketch } from '../../editor/editorState';
import { reshapeKeptSketch } from '../../editor/keptSketch';
import { toMapCoordinate, toMapGeometry, toZoneGeometry } from '../geometryConvert';
import type { ToolContext } from './toolContext';

const invalidOutline = new Style({
  fill: new Fill({ color: '#ff3b3022' }),
  stroke: new Stroke({ color: '#d0021b', width: 2, lineDash: [6, 4] }),
});
const validOutline = new Style({
  fill: new Fill({ color: '#00a2ff22' }),
  stroke: new Stroke({ color: '#00a2ff', width: 2, lineDash: [6, 4] }),
});
const crossing = new Style({
  image: new RegularShape({
    points: 4,
    radius: 9,
    radius2: 0,
    angle: Math.PI / 4,
    stroke: new Stroke({ color: '#d0021b', width: 3 }),
  }),
});
const crossingRing = new Style({
  image: new Circle({ radius: 11, stroke: new Stroke({ color: '#d0021b', width: 2.5 }) }),
});

/**
 * The kept sketch (editor state) on the map: its outline, a red X where it fails (crossings,
 * touching vertices), and a Modify interaction to drag its vertices. Each finished drag goes
 * back to the editor, which checks the outline again. The crossing marks are also listed on the
 * map element (`data-sketch-problems`) for assistive tools and tests.
 */
export function keptSketchLayer(ctx: ToolContext) {
  const outline = new Collection<Feature<Geometry>>();
  const source = new VectorSource();
  const layer = new VectorLayer({ source, zIndex: 1001, properties: { name: 'kept-sketch' } });
  const modify = new Modify({ features: outline, pixelTolerance: 10 });
  modify.on('modifystart', () => ctx.workbench.beginGesture('reshapeSketch'));
  modify.on('modifyend', (event) => {
    ctx.workbench.endGesture();
    const geometry = event.features.item(0)?.getGeometry();
    const zoneGeometry = geometry ? toZoneGeometry(geometry) : null;
    if (zoneGeometry) reshapeKeptSketch(ctx.workbench, zoneGeometry);
  });

  const show = (sketch: KeptSketch | null) => {
    source.clear();
    outline.clear();
    const target = ctx.map.getTargetElement();
    if (!sketch) {
      target?.removeAttribute('data-sketch-problems');
      return;
    }
    const feature = new Feature<Geometry>(toMapGeometry(sketch.geometry));
    feature.setStyle(sketch.problems.length > 0 ? invalidOutline : validOutline);
    source.addFeature(feature);
    outline.push(feature);
    for (const problem of sketch.problems) {
      if (!problem.at) continue;
      const mark = new Feature(new Point(toMapCoordinate(problem.at)));
      mark.setStyle([crossingRing, crossing]);
      source.addFeature(mark);
    }
    target?.setAttribute('data-sketch-problems', String(sketch.problems.length));
  };

  let shown = ctx.workbench.state.get().keptSketch;
  show(shown);
  const unsubscribe = ctx.workbench.state.subscribe(() => {
    const next = ctx.workbench.state.get().keptSketch;
    if (next === shown) return;
    // Only the outline or its problems matter; the assign dialog opening changes neither.
    const same = next && shown && next.geometry === shown.geometry && next.problems === shown.problems;
    shown = next;
    if (!same) show(next);
  });
  ctx.map.addLayer(layer);

  return {
    /** Interactions for the tool to add (before snapping, so drags of the sketch snap too). */
    interactions: [modify],
    dispose() {
      unsubscribe();
      show(null);
      ctx.map.removeLayer(layer);
    },
  };
}

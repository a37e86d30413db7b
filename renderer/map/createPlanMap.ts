import 'ol/ol.css';
import Collection from 'ol/Collection';
import Feature from 'ol/Feature';
import OlMap from 'ol/Map';
import Point from 'ol/geom/Point';
import View from 'ol/View';
import { ScaleLine, Zoom, Attribution } from 'ol/control';
import { defaults as defaultInteractions } from 'ol/interaction/defaults';
import VectorLayer from 'ol/layer/Vector';
import VectorSource from 'ol/source/Vector';
import { createEmpty, extend, isEmpty } from 'ol/extent';
import { Fill, Stroke, Style, Circle } from 'ol/style';
import type { Lang } from '../../shared/domain/labels';
import type { Position } from '../../shared/domain/geometry';
import type { KeyAction } from '../editor/keyboard';
import type { ToolId } from '../editor/tools';
import type { Workbench } from '../editor/workbench';
import type { MirrorChange, ProjectMirror } from '../editor/projectMirror';
import { createBasemap, type Basemap, type BasemapSettings } from './basemap';
import { toLonLatPosition, toMapCoordinate } from './geometryConvert';
import { createTool } from './toolFactory';
import type { MapTool, ToolContext } from './tools/toolContext';
import { ObjectMarkers } from './objectMarkers';
import { registerProjections } from './projections';
import { OBJECT_PROPERTY, ZoneLayers, type ZoneFeature } from './zoneLayers';
import { ReferenceLayers } from './referenceLayers';
import { addQueryPin } from './queryPin';
import { createCompareLayers } from './review/compareLayers';
import { CommentPins } from './review/commentPins';
import { labelMapControls } from './controlLabels';
import type { ReferenceLayerData } from '../../shared/analysis/overlapsReferenceLayer';
import type { Background, LayerListPrefs, LayerStatus } from '../../shared/domain/backgrounds';
import type { ZoneType } from '../../shared/domain/taxonomy';
import type { BackgroundContext } from './backgrounds/backgroundFactory';
import { createLayerList } from './layerList';
import type { FigureBackground } from './figures/figureBackgrounds';
import type { CommentPin } from '../../shared/review/model';
import type { ComparisonView } from '../../shared/review/compareTypes';

export interface PlanMap {
  /**
   * Follow this project's mirror (null: none open): the map draws its zones once, fits the view to
   * them, and from then on patches features by key as commits arrive. React passes nothing else.
   */
  setProject(mirror: ProjectMirror | null): void;
  setLang(lang: Lang): void;
  setSelection(zoneIds: readonly string[]): void;
  setTool(tool: ToolId): void;
  /** Offer a key press to the active tool first; true when the tool used it. */
  handleKey(action: KeyAction): boolean;
  setBasemap(settings: BasemapSettings): void;
  zoomBy(delta: number): void;
  /** Fit the view to all zones (or to a lon/lat point when there are none). */
  zoomToData(fallback?: Position): void;
  zoomToZones(ids: readonly string[]): void;
  /** Fit the view to one reference layer. */
  zoomToReference(layerId: string): void;
  /** Show these read-only reference layers (worker-drawn tiles), and offer their nearby edges to snapping. */
  setReferenceLayers(layers: readonly ReferenceLayerData[]): void;
  /**
   * Show the project's backgrounds and apply its layer-list settings: order, visibility and opacity
   * of backgrounds and reference layers, zone types shown, label field (layerStack.ts).
   */
  setBackgrounds(list: readonly Background[], prefs: LayerListPrefs): void;
  /** Follow the backgrounds' statuses (loading, ready, error, needs permission, missing file). */
  onLayerStatus(listener: (id: string, status: LayerStatus) => void): () => void;
  /** The zone types switched off in the layers panel, as the map draws them now. */
  hiddenZoneTypes(): ReadonlySet<ZoneType>;
  onZoneTypeVisibility(listener: () => void): () => void;
  backgroundStatus(id: string): LayerStatus | null;
  /** The backgrounds as a figure draws them: bottom to top, with the panel's settings. */
  figureBackgrounds(): FigureBackground[];
  zoomToBackground(id: string): void;
  /** Make a background's layer again (after the file was located or the browser allowed it). */
  reloadBackground(id: string): void;
  /** Highlight features of one reference layer (overlap results); null clears. */
  highlightReference(layerId: string | null, features: readonly number[]): void;
  /** Centre on a lon/lat point at street scale (zoom to a finding). */
  zoomToPoint(position: Position): void;
  /** Mark one lon/lat point (a typed coordinate, the vertex-table row in focus); null clears. */
  markPoint(position: Position | null): void;
  /** Where a lon/lat point is on the map element, in CSS pixels (null before the first render). */
  pixelOf(position: Position): [number, number] | null;
  /** Issue 13: the review threads' pins (number, colour by status, conflict mark). */
  setComments(pins: readonly CommentPin[]): void;
  /** Issue 13: draw a comparison (old outlines dashed, gains and losses filled); null clears. */
  showComparison(view: ComparisonView | null): void;
  /** Issue 13: the swipe between the compared state and the current one. */
  setSwipe(on: boolean): void;
  destroy(): void;
}

export interface PlanMapOptions {
  target: HTMLElement;
  workbench: Workbench;
  onPointer(position: Position | null): void;
  onReady(): void;
  /** How backgrounds reach their files and keys; absent: backgrounds show an error status. */
  backgroundContext?: BackgroundContext;
}

const markStyle = new Style({
  image: new Circle({
    radius: 7,
    fill: new Fill({ color: '#ffffffaa' }),
    stroke: new Stroke({ color: '#d4007a', width: 3 }),
  }),
});

const sketchStyle = new Style({
  fill: new Fill({ color: '#00a2ff22' }),
  stroke: new Stroke({ color: '#00a2ff', width: 2, lineDash: [6, 4] }),
  image: new Circle({ radius: 5, fill: new Fill({ color: '#00a2ff' }) }),
});

/**
 * The plan map: offline basemap, one layer per zone type, a sketch layer, scale bar, and the
 * active tool. It renders what the store holds and reports finished gestures to the editor.
 */
export function createPlanMap(options: PlanMapOptions): PlanMap {
  const { workbench } = options;
  registerProjections();
  const map = new OlMap({
    target: options.target,
    controls: [
      new Zoom(),
      new ScaleLine({ units: 'metric', minWidth: 100 }),
      new Attribution({ collapsible: true }),
    ],
    interactions: defaultInteractions({ shiftDragZoom: false, doubleClickZoom: false }),
    view: new View({
      center: toMapCoordinate([84.6771, 44.4266]),
      zoom: 9,
      maxZoom: 22,
      constrainResolution: false,
    }),
  });
  const basemap: Basemap = createBasemap(map, () => options.onReady());
  const zones = new ZoneLayers(map);
  const markers = new ObjectMarkers(map);
  const references = new ReferenceLayers(map);
  const layerList = createLayerList(map, zones, references, options.backgroundContext ?? null);
  const removePin = addQueryPin(map);
  const comparison = createCompareLayers(map, zones.layers);
  const commentPins = new CommentPins(map, options.target);
  const unlabelControls = labelMapControls(map, workbench);
  const sketch = new VectorSource();
  map.addLayer(new VectorLayer({ source: sketch, style: sketchStyle, zIndex: 1000 }));
  const selected = new Collection<ZoneFeature>();
  const mark = new VectorSource();
  map.addLayer(new VectorLayer({ source: mark, style: markStyle, zIndex: 1001 }));

  const ctx: ToolContext = {
    map,
    workbench,
    zones,
    selected,
    sketch,
    snapSources: () => [...zones.sources, references.snapSource],
  };
  let tool: MapTool = createTool('select', ctx);
  let selectedIds: readonly string[] = [];
  // The selected collection feeds Modify and Translate: touch it only when its members change, so a
  // live update arriving mid-gesture does not reset the interaction.
  const applySelection = () => {
    zones.setSelected(selectedIds);
    const features = selectedIds
      .map((id) => zones.feature(id))
      .filter((f): f is ZoneFeature => f !== undefined);
    const current = selected.getArray();
    if (features.length === current.length && features.every((f, i) => f === current[i])) return;
    selected.clear();
    selected.extend(features);
  };
  // The selected object and the owners of the selected zones keep their markers when thinned.
  const markSelectedObjects = () => {
    const { zoneIds, objectId } = workbench.state.get().selection;
    const owners = zoneIds.map((id) => zones.feature(id)?.get(OBJECT_PROPERTY) as string | undefined);
    markers.setSelected([objectId, ...owners].filter((id): id is string => Boolean(id)));
  };
  const unsubscribeSelection = workbench.state.subscribe(markSelectedObjects);

  map.on('pointermove', (event) => options.onPointer(toLonLatPosition(event.coordinate)));
  options.target.addEventListener('pointerleave', () => options.onPointer(null));

  const fit = (extent: number[]) => {
    if (!isEmpty(extent)) map.getView().fit(extent, { padding: [60, 80, 60, 80], maxZoom: 18, duration: 0 });
  };

  let mirror: ProjectMirror | null = null;
  let lang: Lang = 'zh';
  let fitted = false;
  let markersLater: ReturnType<typeof setTimeout> | null = null;
  const syncMarkers = () => {
    if (markersLater) clearTimeout(markersLater);
    markersLater = null;
    if (!mirror) return;
    const current = mirror;
    markers.sync(
      current.ids('objects').map((id) => current.object(id)!),
      zones,
    );
  };
  const patched = (change: MirrorChange) => {
    const project = mirror?.project();
    if (change.project && project)
      basemap.configure({
        url: project.settings.onlineBasemapUrl,
        enabled: project.settings.onlineBasemapEnabled,
      });
    // Markers follow the objects and where their zones lie; a vertex edit moves them so little
    // that they catch up when the editing pauses instead of on every commit.
    if (change.listChanged || change.objects.size) syncMarkers();
    else if (change.zones.size && !markersLater) markersLater = setTimeout(syncMarkers, 1000);
    applySelection();
    markSelectedObjects();
    // For tests and benches: how many zones the map holds, without asking React.
    options.target.dataset.zones = String(zones.count);
    if (!fitted && mirror?.isLoaded) {
      fitted = true;
      api.zoomToData();
      map.once('rendercomplete', () => performance.mark('hzw:project-drawn'));
    }
  };

  const api: PlanMap = {
    setProject(next) {
      if (next === mirror) return;
      mirror = next;
      fitted = false;
      zones.attach(next, lang, patched);
      if (!next) markers.sync([], zones);
    },
    setLang(next) {
      lang = next;
      zones.setLang(next);
    },
    setSelection(ids) {
      selectedIds = ids;
      applySelection();
    },
    setTool(next) {
      tool.dispose();
      tool = createTool(next, ctx);
    },
    handleKey: (action) => tool.handleKey(action),
    setBasemap: (settings) => basemap.configure(settings),
    zoomBy(delta) {
      const view = map.getView();
      view.animate({ zoom: (view.getZoom() ?? 10) + delta, duration: 150 });
    },
    zoomToData(fallback) {
      const extent = createEmpty();
      for (const source of zones.sources) {
        const sourceExtent = source.getFeatures().length ? source.getExtent() : null;
        if (sourceExtent) extend(extent, sourceExtent);
      }
      if (!isEmpty(extent)) fit(extent);
      else if (fallback) map.getView().setCenter(toMapCoordinate(fallback));
    },
    zoomToZones(ids) {
      const extent = createEmpty();
      for (const id of ids) {
        const geometry = zones.feature(id)?.getGeometry();
        if (geometry) extend(extent, geometry.getExtent());
      }
      fit(extent);
    },
    zoomToReference(layerId) {
      const extent = references.extent(layerId);
      if (extent) fit(extent);
    },
    setReferenceLayers: (layers) => layerList.setReferences(layers),
    setBackgrounds: (list, prefs) => layerList.setBackgrounds(list, prefs),
    onLayerStatus: (listener) => layerList.onStatus(listener),
    hiddenZoneTypes: () => zones.hiddenTypes(),
    onZoneTypeVisibility: (listener) => zones.onTypeVisibility(listener),
    backgroundStatus: (id) => layerList.backgrounds.status(id),
    figureBackgrounds: () => layerList.figureBackgrounds(),
    zoomToBackground(id) {
      const extent = layerList.backgrounds.extent(id);
      if (extent) fit(extent);
    },
    reloadBackground: (id) => layerList.backgrounds.reload(id),
    highlightReference: (layerId, features) => references.setHighlight(layerId, features),
    zoomToPoint(position) {
      const view = map.getView();
      view.setCenter(toMapCoordinate(position));
      view.setZoom(Math.max(view.getZoom() ?? 17, 17));
    },
    markPoint(position) {
      mark.clear();
      if (position) mark.addFeature(new Feature(new Point(toMapCoordinate(position))));
    },
    pixelOf(position) {
      const pixel = map.getPixelFromCoordinate(toMapCoordinate(position));
      return pixel ? [pixel[0]!, pixel[1]!] : null;
    },
    setComments: (pins) => commentPins.set(pins),
    showComparison: (view) => comparison.show(view),
    setSwipe: (on) => comparison.setSwipe(on),
    destroy() {
      if (markersLater) clearTimeout(markersLater);
      unsubscribeSelection();
      zones.dispose();
      tool.dispose();
      references.dispose();
      layerList.dispose();
      removePin();
      comparison.dispose();
      commentPins.dispose();
      unlabelControls();
      map.setTarget(undefined);
    },
  };
  return api;
}

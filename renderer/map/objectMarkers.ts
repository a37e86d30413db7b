import Feature, { type FeatureLike } from 'ol/Feature';
import type OlMap from 'ol/Map';
import Point from 'ol/geom/Point';
import VectorLayer from 'ol/layer/Vector';
import VectorSource from 'ol/source/Vector';
import { createEmpty, extend, getArea, getCenter, isEmpty } from 'ol/extent';
import { Icon, Style } from 'ol/style';
import type { ProtectedObject } from '../../shared/domain/schema';
import { toMapCoordinate } from './geometryConvert';
import { thinMarkers, type MarkerCandidate } from './markerThinning';
import type { ZoneLayers } from './zoneLayers';
import { OBJECT_PROPERTY } from './zoneLayers';

/** Below this zoom (metres per pixel) zones are specks: show each object as a named marker. */
export const OVERVIEW_RESOLUTION = 15;

const FONT = '12px "Noto Sans CJK SC", "Microsoft YaHei", sans-serif';
const DOT_RADIUS = 5;
const DOT_STROKE = 1.5;
/** The name's centre above the point, its halo's width (CSS px). */
const NAME_ABOVE = 12;
const HALO = 3;

/**
 * A marker as one picture — its dot with the object's name above, in a white halo — drawn once
 * per name. OpenLayers draws a text style afresh on every frame the map draws (the halo is a stroke
 * around each glyph), and the marker names were half of the page's work per frame of a pan over a
 * province's objects; a picture is one copy per frame. `ratio`: device pixels per CSS pixel.
 */
function markerPicture(name: string, ratio: number): { canvas: HTMLCanvasElement; anchor: number[] } {
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d')!;
  context.font = FONT;
  const metrics = context.measureText(name);
  const textHeight = Math.ceil((metrics.fontBoundingBoxAscent || 10) + (metrics.fontBoundingBoxDescent || 3));
  const dot = DOT_RADIUS + DOT_STROKE / 2;
  const width = Math.ceil(Math.max(metrics.width + 2 * HALO, 2 * dot)) + 2;
  const top = Math.ceil(NAME_ABOVE + textHeight / 2 + HALO);
  const height = top + Math.ceil(dot) + 1;
  canvas.width = Math.ceil(width * ratio);
  canvas.height = Math.ceil(height * ratio);
  context.scale(ratio, ratio);
  const [x, y] = [width / 2, top];
  context.font = FONT;
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  context.lineJoin = 'round';
  context.lineWidth = HALO;
  context.strokeStyle = '#ffffffdd';
  context.strokeText(name, x, y - NAME_ABOVE);
  context.fillStyle = '#5a0000';
  context.fillText(name, x, y - NAME_ABOVE);
  context.beginPath();
  context.arc(x, y, DOT_RADIUS, 0, 2 * Math.PI);
  context.fillStyle = '#d01c1c';
  context.fill();
  context.lineWidth = DOT_STROKE;
  context.strokeStyle = '#fff';
  context.stroke();
  return { canvas, anchor: [x * ratio, y * ratio] };
}

const pictureKey = (ratio: number, feature: FeatureLike) => `${ratio}|${String(feature.get('name'))}`;

function markerStyle(name: string, ratio: number): Style {
  const { canvas, anchor } = markerPicture(name, ratio);
  return new Style({
    image: new Icon({
      img: canvas,
      size: [canvas.width, canvas.height],
      anchor,
      anchorXUnits: 'pixels',
      anchorYUnits: 'pixels',
      scale: 1 / ratio,
    }),
  });
}

interface Marker extends MarkerCandidate {
  readonly feature: Feature;
}

/**
 * Protected objects as markers at overview scales, placed at their representative point. The layer
 * draws only a thinned set (markerThinning.ts), recomputed when the zoom changes, the objects change
 * or the selection does, never while panning: decluttering all 10 000 markers cost 0.7–2.6 s over
 * a 20-move pan.
 */
export class ObjectMarkers {
  private readonly shown = new VectorSource();
  private readonly styles = new Map<string, Style>();
  private readonly byObject = new Map<string, Marker>();
  private selected: ReadonlySet<string> = new Set();
  /** The resolution the shown set was thinned for; NaN: thin again when next visible. */
  private thinnedAt = NaN;

  constructor(private readonly map: OlMap) {
    map.addLayer(
      new VectorLayer({
        source: this.shown,
        minResolution: OVERVIEW_RESOLUTION,
        declutter: 'basemap',
        zIndex: 500,
        style: (feature) => {
          const ratio = map.getPixelRatio();
          const key = pictureKey(ratio, feature);
          let style = this.styles.get(key);
          if (!style) this.styles.set(key, (style = markerStyle(String(feature.get('name')), ratio)));
          return style;
        },
        properties: { name: 'objects:markers' },
      }),
    );
    map.on('moveend', () => this.thin());
  }

  /** The objects the planner has selected keep their markers, whatever else is in their cell. */
  setSelected(objectIds: Iterable<string>): void {
    const next = new Set(objectIds);
    if (next.size === this.selected.size && [...next].every((id) => this.selected.has(id))) return;
    this.selected = next;
    this.thinnedAt = NaN;
    this.thin();
  }

  sync(objects: readonly ProtectedObject[], zones: ZoneLayers): void {
    const extents = new Map<string, number[]>();
    for (const source of zones.sources) {
      for (const feature of source.getFeatures()) {
        const id = feature.get(OBJECT_PROPERTY) as string;
        const extent = extents.get(id) ?? createEmpty();
        extend(extent, feature.getGeometry()!.getExtent());
        extents.set(id, extent);
      }
    }
    // Patched by object id: a marker that stays where it was, with the same name, keeps its feature,
    // so an edit does not rebuild (and re-declutter) the shown markers.
    const kept = new Set<string>();
    for (const object of objects) {
      const point = object.attributes.representativePoint;
      const extent = extents.get(object.id);
      const covered = extent && !isEmpty(extent);
      const at = point ? toMapCoordinate(point) : covered ? getCenter(extent) : null;
      if (!at) continue;
      kept.add(object.id);
      const [x, y] = at as [number, number];
      const size = covered ? getArea(extent) : 0;
      const name = object.attributes.name;
      const marker = this.byObject.get(object.id);
      if (!marker) {
        const feature = new Feature({ geometry: new Point(at), name });
        this.byObject.set(object.id, { id: object.id, x, y, size, feature });
        continue;
      }
      const { feature } = marker;
      if (x !== marker.x || y !== marker.y) feature.setGeometry(new Point(at));
      if (feature.get('name') !== name) feature.set('name', name);
      this.byObject.set(object.id, { ...marker, x, y, size });
    }
    for (const id of this.byObject.keys()) if (!kept.has(id)) this.byObject.delete(id);
    this.thinnedAt = NaN;
    this.thin();
  }

  /** Show the thinned set for the view's resolution, changing only the features that come or go. */
  private thin(): void {
    const resolution = this.map.getView().getResolution();
    // Hidden below the overview scale: thin when the view next settles where the layer is drawn.
    if (resolution === undefined || resolution < OVERVIEW_RESOLUTION || resolution === this.thinnedAt) return;
    this.thinnedAt = resolution;
    const next = new Set(
      thinMarkers(this.byObject.values(), resolution, this.selected).map((m) => m.feature),
    );
    const current = this.shown.getFeatures();
    const gone = current.filter((feature) => !next.has(feature));
    for (const feature of current) next.delete(feature);
    if (gone.length) this.shown.removeFeatures(gone);
    if (next.size) this.shown.addFeatures([...next]);
    this.prunePictures();
  }

  /** Pictures are kept for the names shown (a few hundred at most), not for all 10 000 objects. */
  private prunePictures(): void {
    const shown = this.shown.getFeatures();
    if (this.styles.size <= 2 * shown.length + 64) return;
    const ratio = this.map.getPixelRatio();
    const keep = new Set(shown.map((feature) => pictureKey(ratio, feature)));
    for (const key of this.styles.keys()) if (!keep.has(key)) this.styles.delete(key);
  }
}

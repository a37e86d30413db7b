import Collection from 'ol/Collection';
import type Feature from 'ol/Feature';
import type MapBrowserEvent from 'ol/MapBrowserEvent';
import { altKeyOnly, noModifierKeys } from 'ol/events/condition';
import type { EventsKey } from 'ol/events';
import Interaction from 'ol/interaction/Interaction';
import Snap from 'ol/interaction/Snap';
import type VectorLayer from 'ol/layer/Vector';
import type { SnapEvent } from 'ol/events/SnapEvent';
import { unByKey } from 'ol/Observable';
import { MAX_SNAP_TOLERANCE, type SnapSettings } from '../../editor/snapSettings';
import { OBJECT_PROPERTY, type ZoneFeature } from '../zoneLayers';
import { SnapIndicator, snapKind } from './snapIndicator';
import { backgroundTargets } from './traceSource';
import type { ToolContext } from './toolContext';

/**
 * Holding Alt (Option on macOS) suspends snapping while it is held, as in iD, Google Slides and
 * Figma (ArcGIS uses the space bar, which would press the focused toolbar button here).
 */
export const suspendsSnapping = (event: MapBrowserEvent): boolean =>
  (event.originalEvent as PointerEvent | KeyboardEvent).altKey === true;

/** Draw's click condition: a plain click adds a vertex, and so does Alt+click (unsnapped). */
export const drawClick = (event: MapBrowserEvent): boolean => noModifierKeys(event) || altKeyOnly(event);

/** Which objects' zones are snap targets when zones of other objects are switched off. */
function ownObjects(ctx: Pick<ToolContext, 'selected' | 'workbench'>): Set<string> {
  const own = new Set<string>();
  const objectId = ctx.workbench.state.get().selection.objectId;
  if (objectId) own.add(objectId);
  for (const feature of ctx.selected.getArray()) own.add(String(feature.get(OBJECT_PROPERTY)));
  return own;
}

/** Most zones handed to snapping at once: those whose box is near the pointer. */
const MAX_SNAP_ZONES = 300;

/**
 * Zone features the settings make targets, near the pointer: the snap index holds only the zones
 * whose box lies within the largest snap tolerance of the pointer, refilled as the pointer moves,
 * instead of every segment of every zone (1.6 million at county scale).
 */
export function zoneTargets(
  ctx: Pick<ToolContext, 'map' | 'zones' | 'selected' | 'workbench'>,
  settings: SnapSettings,
) {
  const own = settings.targets.otherObjects ? null : ownObjects(ctx);
  // Zone types switched off in the layers panel are not targets, as they are not drawn.
  const wanted = (f: Feature) =>
    ctx.zones.shows(f as ZoneFeature) && (own === null || own.has(String(f.get(OBJECT_PROPERTY))));
  const features = new Collection<Feature>([], { unique: true });
  let lastBox = '';
  const fill = (coordinate: number[]) => {
    const tolerance = MAX_SNAP_TOLERANCE * (ctx.map.getView().getResolution() ?? 1);
    const [x, y] = coordinate as [number, number];
    const box = [x - tolerance, y - tolerance, x + tolerance, y + tolerance];
    const key = box.map((v) => Math.round(v / tolerance)).join(',');
    if (key === lastBox) return;
    lastBox = key;
    const near = new Set<Feature>();
    for (const source of ctx.zones.sources) {
      source.forEachFeatureIntersectingExtent(box, (feature) => {
        if (wanted(feature)) near.add(feature);
        return near.size >= MAX_SNAP_ZONES ? true : undefined;
      });
      if (near.size >= MAX_SNAP_ZONES) break;
    }
    // The zones a gesture is changing stay: Snap re-indexes them when the gesture ends.
    for (const feature of ctx.selected.getArray()) if (wanted(feature)) near.add(feature);
    const had = new Set(features.getArray());
    for (const feature of had) if (!near.has(feature)) features.remove(feature);
    for (const feature of near) if (!had.has(feature)) features.push(feature);
  };
  // Also while dragging: a vertex dragged across the map snaps to the zones it reaches.
  let pointer: number[] | null = null;
  const keys: EventsKey[] = [
    ctx.map.on('pointermove', (event) => {
      pointer = event.coordinate;
      fill(pointer);
    }),
  ];
  // A type switched off or on changes the targets under a pointer that has not moved.
  const stopVisibility = ctx.zones.onTypeVisibility(() => {
    lastBox = '';
    if (pointer) fill(pointer);
  });
  for (const source of ctx.zones.sources) {
    keys.push(
      source.on('addfeature', () => (lastBox = '')),
      source.on('removefeature', (e) => e.feature && features.remove(e.feature)),
    );
  }
  return {
    features,
    dispose: () => {
      unByKey(keys);
      stopVisibility();
    },
  };
}

/** A tool's snapping: its snap marker's layer, and the removal of everything. */
export interface Snapping {
  indicator: VectorLayer;
  dispose(): void;
}

/**
 * Snapping as the settings say: tolerance in pixels, vertices / edges / intersections of zone
 * edges, zones of other objects, reference layers (their features near the pointer, built on
 * demand by referenceLayers.ts), backgrounds (CAD parts near the pointer, traceSource.ts). Snap interactions must come after the interactions they serve,
 * so tools call this last. A change of the settings rebuilds the snaps in place.
 */
export function addSnapping(ctx: ToolContext): Snapping {
  const { map, workbench } = ctx;
  const indicator = new SnapIndicator(map);
  let parts: { interactions: Interaction[]; dispose(): void } | null = null;

  const build = () => {
    const { snapping, snapSettings: settings } = workbench.state.get();
    if (!snapping) return null;
    const { targets, tolerancePx } = settings;
    const options = {
      vertex: targets.vertices,
      edge: targets.edges,
      intersection: targets.intersections,
      pixelTolerance: tolerancePx,
    };
    if (!options.vertex && !options.edge && !options.intersection) return null;
    const zones = zoneTargets(ctx, settings);
    const snaps = [new Snap({ features: zones.features, ...options })];
    const referenceSources = ctx.snapSources().filter((s) => !ctx.zones.sources.includes(s as never));
    if (targets.referenceLayers) {
      for (const source of referenceSources) snaps.push(new Snap({ source, ...options }));
    }
    if (targets.backgrounds) snaps.push(new Snap({ source: backgroundTargets(map).source, ...options }));
    for (const snap of snaps) {
      snap.on('snap', (e: SnapEvent) => indicator.show(e.vertex, snapKind(e)));
      snap.on('unsnap', () => indicator.hide());
    }
    // Runs before the snaps (added after them): Alt held switches them off for this event.
    const gate = new Interaction({
      handleEvent(event) {
        const suspended = suspendsSnapping(event);
        for (const snap of snaps) snap.setActive(!suspended);
        if (suspended) indicator.hide();
        return true;
      },
    });
    const interactions: Interaction[] = [...snaps, gate];
    for (const interaction of interactions) map.addInteraction(interaction);
    return {
      interactions,
      dispose() {
        for (const interaction of interactions) map.removeInteraction(interaction);
        zones.dispose();
        indicator.hide();
      },
    };
  };

  parts = build();
  let last = workbench.state.get();
  const unsubscribe = workbench.state.subscribe(() => {
    const now = workbench.state.get();
    const changed =
      now.snapping !== last.snapping ||
      now.snapSettings !== last.snapSettings ||
      (!now.snapSettings.targets.otherObjects && now.selection !== last.selection);
    last = now;
    if (!changed) return;
    parts?.dispose();
    parts = build();
  });
  return {
    indicator: indicator.layer,
    dispose() {
      unsubscribe();
      parts?.dispose();
      indicator.dispose();
    },
  };
}

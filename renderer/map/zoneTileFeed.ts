import type MultiPolygon from 'ol/geom/MultiPolygon';
import type Polygon from 'ol/geom/Polygon';
import type { ZoneType } from '../../shared/domain/taxonomy';
import type { Box } from '../../shared/geometry/spatialIndex';
import { ringEnds } from './geometryConvert';
import { unconvertedLonLat } from './lazyGeometry';
import { packZones } from './referenceTiles/zoneTileSet';
import type { ZoneTileSink, ZoneTileUpdate } from './zoneTiles';
import { ZONE_TYPE_PROPERTY } from './zoneStyles';
import type { ZoneFeature } from './zoneLayers';

/** What the zone tiles were last given for a zone: a change of any of these redraws its tiles. */
interface Tiled {
  geometry: Polygon | MultiPolygon;
  revision: number;
  type: ZoneType;
  box: Box;
}

/**
 * What the zone tiles (zoneTiles.ts) have been told, so ZoneLayers sends them only what changed
 * and marks stale only the tiles under it: zones by id with the geometry revision and type they
 * were sent at, and the selection they leave out.
 */
export class ZoneTileFeed {
  private readonly tiled = new Map<string, Tiled>();
  private tiledSelected = new Set<string>();

  constructor(
    private readonly sink: ZoneTileSink,
    private readonly featureOf: (id: string) => ZoneFeature | undefined,
  ) {}

  dispose(): void {
    this.sink.dispose();
  }

  /** Forget every zone (another project, or none). */
  reset(): void {
    if (this.tiled.size === 0 && this.tiledSelected.size === 0) return;
    this.tiled.clear();
    this.tiledSelected = new Set();
    this.sink.update({ reset: true, selected: [], dirty: 'all' });
  }

  /** A zone type was hidden or shown: only the tiles under that type's unselected zones change. */
  typeVisibility(type: ZoneType, hidden: ZoneType[]): void {
    const dirty: Box[] = [];
    for (const [id, sent] of this.tiled)
      if (sent.type === type && !this.tiledSelected.has(id)) dirty.push(sent.box);
    this.sink.update({ hidden, dirty });
  }

  /**
   * Bring the zone tiles in line with the features of `ids` and the selection: send the zones whose
   * geometry or type changed (or that went away) and the selection if it changed, and mark stale
   * the tiles under their old and new boxes — except zones selected before and after, which the
   * tiles do not show either way.
   */
  sync(ids: Iterable<string>, selected: ReadonlySet<string>): void {
    const zones: Parameters<typeof packZones>[0] = [];
    const removed: string[] = [];
    const dirty: Box[] = [];
    const selectionChanged =
      selected.size !== this.tiledSelected.size || [...selected].some((id) => !this.tiledSelected.has(id));
    const shownBefore = (id: string) => !this.tiledSelected.has(id);
    const shownAfter = (id: string) => !selected.has(id);
    const seen = new Set<string>();
    const visit = (id: string) => {
      if (seen.has(id)) return;
      seen.add(id);
      const sent = this.tiled.get(id);
      const feature = this.featureOf(id);
      const geometry = feature?.getGeometry();
      if (!feature || !geometry) {
        if (!sent) return;
        removed.push(id);
        this.tiled.delete(id);
        if (shownBefore(id)) dirty.push(sent.box);
        return;
      }
      const type = feature.get(ZONE_TYPE_PROPERTY) as ZoneType;
      const same =
        sent?.geometry === geometry && sent.revision === geometry.getRevision() && sent.type === type;
      if (same) {
        if (shownBefore(id) !== shownAfter(id)) dirty.push(sent.box);
        return;
      }
      const box = geometry.getExtent().slice(0, 4) as Box;
      this.tiled.set(id, { geometry, revision: geometry.getRevision(), type, box });
      // A zone the map has not converted goes as its stored lon/lat: the worker converts it.
      const stored = unconvertedLonLat(geometry);
      if (stored) zones.push({ id, type, flat: stored.flat, ends: stored.ends, lonLat: true });
      else zones.push({ id, type, flat: geometry.getFlatCoordinates(), ends: ringEnds(geometry) });
      if (sent && shownBefore(id)) dirty.push(sent.box);
      if (shownAfter(id)) dirty.push(box);
    };
    for (const id of ids) visit(id);
    if (selectionChanged) {
      for (const id of selected) visit(id);
      for (const id of this.tiledSelected) visit(id);
    }
    if (zones.length === 0 && removed.length === 0 && !selectionChanged) return;
    const update: ZoneTileUpdate = { dirty };
    if (removed.length) update.removed = removed;
    if (zones.length) update.zones = packZones(zones);
    if (selectionChanged) {
      this.tiledSelected = new Set(selected);
      update.selected = [...selected];
    }
    this.sink.update(update);
  }
}

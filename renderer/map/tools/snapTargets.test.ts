import Collection from 'ol/Collection';
import Feature from 'ol/Feature';
import Polygon from 'ol/geom/Polygon';
import BaseObject from 'ol/Object';
import type OlMap from 'ol/Map';
import { describe, expect, it } from 'vitest';
import type { ZoneType } from '../../../shared/domain/taxonomy';
import { DEFAULT_SNAP_SETTINGS } from '../../editor/snapSettings';
import { OBJECT_PROPERTY, ZONE_TYPE_PROPERTY, ZoneLayers, type ZoneFeature } from '../zoneLayers';
import { zoneTargets } from './snapping';
import type { ToolContext } from './toolContext';

/** A map that only answers what snapping asks: its resolution and pointer moves. */
class PointerMap extends BaseObject {
  getView = () => ({ getResolution: () => 1 });
  addLayer() {}
  move(coordinate: number[]) {
    this.dispatchEvent({ type: 'pointermove', coordinate } as never);
  }
}

function zone(type: ZoneType, x: number): ZoneFeature {
  const square = [
    [
      [x, 0],
      [x + 10, 0],
      [x + 10, 10],
      [x, 10],
      [x, 0],
    ],
  ];
  const feature: ZoneFeature = new Feature({ geometry: new Polygon(square) });
  feature.set(ZONE_TYPE_PROPERTY, type);
  feature.set(OBJECT_PROPERTY, 'o1');
  return feature;
}

describe('snapping targets', () => {
  it('leaves out the zone types switched off in the layers panel, at once and while the pointer rests', () => {
    const map = new PointerMap();
    const zones = new ZoneLayers(map as unknown as OlMap);
    const range = zone('protection_range', 0);
    const control = zone('general_protection_area', 12);
    zones.sources[0]!.addFeatures([range, control]);
    const ctx = {
      map: map as unknown as OlMap,
      zones,
      selected: new Collection<ZoneFeature>(),
      workbench: { state: { get: () => ({ selection: { objectId: null } }) } },
    } as unknown as Pick<ToolContext, 'map' | 'zones' | 'selected' | 'workbench'>;
    const targets = zoneTargets(ctx, DEFAULT_SNAP_SETTINGS);
    map.move([11, 5]);
    expect(new Set(targets.features.getArray())).toEqual(new Set([range, control]));

    zones.setTypeVisible('general_protection_area', false);
    expect(targets.features.getArray()).toEqual([range]);
    map.move([11.5, 5]);
    expect(targets.features.getArray()).toEqual([range]);

    zones.setTypeVisible('general_protection_area', true);
    expect(new Set(targets.features.getArray())).toEqual(new Set([range, control]));
    targets.dispose();
  });
});

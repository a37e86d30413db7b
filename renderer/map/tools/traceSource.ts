import type Feature from 'ol/Feature';
import type OlMap from 'ol/Map';
import VectorSource from 'ol/source/Vector';

/**
 * What snapping and tracing see of the backgrounds (CAD survey sheets): one vector source per
 * map, which each background refills with its own parts near the pointer. One source, because
 * OpenLayers' Draw traces along one `traceSource`; Draw copies the traced coordinates, so a
 * refill while tracing is safe.
 */
export class BackgroundTargets {
  readonly source = new VectorSource<Feature>();
  private readonly owned = new Map<string, Feature[]>();

  /** Replace the features one background offers (none: it left, or nothing is near). */
  set(owner: string, features: Feature[]): void {
    const before = this.owned.get(owner) ?? [];
    if (before.length === features.length && before.every((f, i) => f.getId() === features[i]!.getId()))
      return;
    for (const f of before) if (this.source.hasFeature(f)) this.source.removeFeature(f);
    if (features.length) this.owned.set(owner, features);
    else this.owned.delete(owner);
    this.source.addFeatures(features);
  }
}

const byMap = new WeakMap<OlMap, BackgroundTargets>();

export function backgroundTargets(map: OlMap): BackgroundTargets;
export function backgroundTargets(map: OlMap | null): BackgroundTargets | null;
export function backgroundTargets(map: OlMap | null): BackgroundTargets | null {
  if (!map) return null;
  let targets = byMap.get(map);
  if (!targets) {
    targets = new BackgroundTargets();
    byMap.set(map, targets);
  }
  return targets;
}

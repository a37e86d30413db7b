import type { Coordinates } from '../layer';
import { valueOf } from './dxfEntities';
import type { Drawn } from './dxfPlacement';
import type { DxfPair } from './dxfText';

/**
 * Reading back how zones are grouped in a drawing (see writeDxf.ts): a HATCH is the zone's
 * surface and the closed polylines it names as its boundary (associative hatch, group 330 in each
 * path) are its outline, so those polylines are not read as zones of their own; hatches that
 * carry the same `HZW` extended-data number on one layer are the parts of one zone and become
 * one MultiPolygon. Outlines of other drawings' associative hatches fold into the hatch the same
 * way when both are on the same layer.
 */
export const XDATA_APP = 'HZW';

/** The zone number in a HZW extended-data block (1001 HZW, 1071 n), if any. */
export function zoneGroupOf(pairs: readonly DxfPair[]): string | undefined {
  const at = pairs.findIndex((p) => p.code === 1001 && p.value === XDATA_APP);
  if (at < 0) return undefined;
  return valueOf(pairs.slice(at + 1, at + 2), 1071) ?? valueOf(pairs.slice(at + 1, at + 2), 1000);
}

export interface GroupResult {
  drawn: Drawn[];
  /** Polylines read as the outline of their hatch. */
  outlines: number;
  /** Hatches joined into multi-part zones. */
  joined: number;
}

const polygonsOf = (d: Drawn): Coordinates[][][] =>
  d.geometry.type === 'Polygon'
    ? [d.geometry.coordinates]
    : d.geometry.type === 'MultiPolygon'
      ? d.geometry.coordinates
      : [];

export function groupZones(drawn: readonly Drawn[]): GroupResult {
  const outlinesByLayer = new Map<string, Set<string>>();
  for (const d of drawn) {
    if (!d.sources?.length) continue;
    const set = outlinesByLayer.get(d.layer) ?? new Set<string>();
    d.sources.forEach((h) => set.add(h));
    outlinesByLayer.set(d.layer, set);
  }
  let outlines = 0;
  let joined = 0;
  const zones = new Map<string, Drawn>();
  const out: Drawn[] = [];
  for (const d of drawn) {
    if (
      d.block === undefined &&
      d.handle !== null &&
      d.entity !== 'HATCH' &&
      outlinesByLayer.get(d.layer)?.has(d.handle)
    ) {
      outlines++;
      continue;
    }
    if (d.group === undefined || d.kind !== 'polygon') {
      out.push(d);
      continue;
    }
    const key = `${d.layer}\u0000${d.group}`;
    const first = zones.get(key);
    if (!first) {
      const copy = { ...d };
      zones.set(key, copy);
      out.push(copy);
      continue;
    }
    first.geometry = { type: 'MultiPolygon', coordinates: [...polygonsOf(first), ...polygonsOf(d)] };
    joined++;
  }
  return { drawn: out, outlines, joined };
}

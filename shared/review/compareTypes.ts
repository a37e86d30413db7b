import type { ZoneGeometry } from '../domain/geometry';
import type { ZoneType } from '../domain/taxonomy';
import type { DocumentObject, DocumentZone } from '../formats/projectDocument';

/** One side of a comparison: a project's objects and zones, in document ids. */
export interface CompareState {
  objects: readonly DocumentObject[];
  zones: readonly DocumentZone[];
}

export type ZoneChangeKind = 'added' | 'removed' | 'geometry' | 'attributes' | 'geometry+attributes';
export type ObjectChangeKind = 'added' | 'removed' | 'attributes';

/** A zone that differs between A and B. `fields`: full-profile property names (zone_type, rules …). */
export interface ZoneChange {
  zoneId: string;
  /** The zone's object and type in B (in A for a removed zone). */
  objectId: string;
  zoneType: ZoneType;
  kind: ZoneChangeKind;
  fields: string[];
}

export interface ObjectChange {
  objectId: string;
  name: string;
  kind: ObjectChangeKind;
  fields: string[];
}

/**
 * The zones of one object and zone type, whose land changed between A and B: what B covers that
 * A did not (gained, 调入) and the reverse (lost, 调出), areas ellipsoidal in m².
 */
export interface UnitChange {
  objectId: string;
  objectName: string;
  zoneType: ZoneType;
  /** Zone ids of the unit in A and in B. */
  before: string[];
  after: string[];
  gained: ZoneGeometry | null;
  lost: ZoneGeometry | null;
  gainedM2: number;
  lostM2: number;
  /** Sum of the unit's zone areas in A and in B. */
  beforeM2: number;
  afterM2: number;
}

/** Per zone type: areas of all its zones in A and B, land gained and lost, zone counts by change. */
export interface ZoneTypeTotals {
  zoneType: ZoneType;
  beforeM2: number;
  afterM2: number;
  gainedM2: number;
  lostM2: number;
  added: number;
  removed: number;
  changed: number;
}

export interface CompareResult {
  zones: ZoneChange[];
  objects: ObjectChange[];
  units: UnitChange[];
  totals: ZoneTypeTotals[];
  /** Share of zone ids found on both sides (of the larger side); low means unrelated projects. */
  matchedShare: number;
  /** Overlay parts below the sliver threshold, dropped. */
  slivers: number;
}

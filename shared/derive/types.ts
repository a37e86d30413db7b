import type { CczClass } from '../domain/taxonomy';
import type { Position, ZoneGeometry } from '../domain/geometry';
import type { Bilingual } from '../domain/labels';

/** Corner style of an offset: round arcs (densified) or sharp mitred corners. */
export type CornerStyle = 'round' | 'mitre';

/** Distances in metres beyond the footprint, per side. Diagonals are optional (8-direction mode). */
export interface SideDistances {
  n: number;
  e: number;
  s: number;
  w: number;
  /** null/absent: the corner of the N/E/S/W rectangle, i.e. plain 4-side offsets. */
  ne?: number | null;
  se?: number | null;
  sw?: number | null;
  nw?: number | null;
}

export interface RingSpec {
  cczClass: CczClass | null;
  /** Distance beyond the previous ring (the first ring: beyond the source). */
  distanceM: number;
}

/** What to compute; every distance is in metres, measured in the project's Gauss-Krüger plane. */
export type DeriveSpec =
  | { method: 'buffer'; distanceM: number; corner: CornerStyle }
  | { method: 'sides'; sides: SideDistances }
  | { method: 'base_point'; sides: Pick<SideDistances, 'n' | 'e' | 's' | 'w'> }
  | { method: 'radius'; radiusM: number }
  | { method: 'corridor'; halfWidthM: number }
  | { method: 'rings'; rings: RingSpec[]; corner: CornerStyle }
  | { method: 'same_as_range' };

export type DeriveSource =
  | { kind: 'zone'; zoneId: string; geometry: ZoneGeometry }
  | { kind: 'point'; position: Position }
  | { kind: 'line'; positions: Position[] };

export interface DeriveRequest {
  source: DeriveSource;
  spec: DeriveSpec;
  /** How the draft names a source zone, e.g. 保护范围; default 本体 (the body). */
  sourceName?: Bilingual;
}

/** One derived geometry; graded rings give one per ring, every other method exactly one. */
export interface DerivedShape {
  geometry: ZoneGeometry;
  /** For rings: the ring's class; otherwise null. */
  cczClass: CczClass | null;
  sameAsRange: boolean;
  /** Generated 四至 draft in Chinese, with an English gloss. */
  draft: Bilingual;
  /** Index of the ring (0 for single-shape methods); stored in the derivation's params. */
  index: number;
}

export interface DeriveOptions {
  /** The project's 3° Gauss-Krüger zone (project setting gkZone). */
  gkZone: number;
}

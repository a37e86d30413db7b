import type { Position } from '../domain/geometry';
import type { Bilingual } from '../domain/labels';

export type FindingSeverity = 'error' | 'warning' | 'info';

/**
 * What the heritage checker can report (docs/geometry.md "Checks" has the table). `geometry.*`
 * codes come from shared/geometry/validatePolygon (same names as its problem codes).
 */
export type FindingCode =
  | `geometry.${string}`
  | 'shape.spike'
  | 'shape.sliver'
  | 'shape.multipart'
  | 'shape.undensified_arc'
  | 'nesting.outside'
  | 'partition.gap'
  | 'partition.overlap'
  | 'overlap.other_object'
  | 'attribute.missing';

/** A change the checker can make itself; applied through one editor command (one undo step). */
export type QuickFix =
  /** outer := union(outer, inners): "grow the CCZ to cover the protection range". */
  | { kind: 'growOuter'; zoneId: string; innerZoneIds: string[] }
  /** Drop one vertex (a spike or a repeated vertex); indices are 0-based as in the geometry. */
  | { kind: 'removeVertex'; zoneId: string; polygon: number; ring: number; vertex: number }
  /** Put the chords of an arc (vertices from…to, wrapping past 0 when to < from) onto its circle. */
  | {
      kind: 'densifyArc';
      zoneId: string;
      polygon: number;
      ring: number;
      from: number;
      to: number;
      wholeRing: boolean;
      gkZone: number;
      toleranceM: number;
    };

export interface Finding {
  /** Stable for the same defect across runs (code, zones and place), so lists do not flicker. */
  id: string;
  severity: FindingSeverity;
  code: FindingCode;
  message: Bilingual;
  zoneIds: string[];
  objectId?: string;
  /** Where to zoom to, lon/lat. */
  location: Position;
  /** Overlap or protruding area in m² (planar Gauss-Krüger), where it applies. */
  areaM2?: number;
  fix?: QuickFix;
}

export interface CheckOptions {
  /** Project Gauss-Krüger 3° zone: all lengths and areas are planar in this zone. */
  gkZone: number;
  /** Interior angles below this are spikes, degrees. */
  spikeAngleDeg: number;
  /** Parts and holes smaller than this are slivers, m². */
  sliverAreaM2: number;
  /** Parts whose mean width 2·area/perimeter is below this are slivers, m. */
  sliverWidthM: number;
  /** Arcs stored as chords may stray this far from their circle (chord sagitta), m. */
  arcSagittaM: number;
  /** Nesting and partition tolerance: how far a zone may stick out or gap, m. */
  toleranceM: number;
  /** Overlaps of different objects' zones smaller than this are not reported, m². */
  minOverlapM2: number;
  /** Ask construction-control zones for a height limit (off by default: the law sets none). */
  cczHeightLimitRequired: boolean;
  /** Only these objects' zones are checked (live checks after an edit); all when absent. */
  objectIds?: readonly string[];
}

export const DEFAULT_CHECK_OPTIONS: Omit<CheckOptions, 'gkZone'> = {
  spikeAngleDeg: 10,
  sliverAreaM2: 1,
  sliverWidthM: 0.2,
  // Twice what our own constructions leave (DEFAULT_SAGITTA, 5 cm): within survey tolerance.
  arcSagittaM: 0.1,
  toleranceM: 0.01,
  minOverlapM2: 0.01,
  cczHeightLimitRequired: false,
};

export const SEVERITY_ORDER: Record<FindingSeverity, number> = { error: 0, warning: 1, info: 2 };

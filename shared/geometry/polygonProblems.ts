import type { Position } from '../domain/geometry';

/**
 * What polygon validation can find. Errors make a geometry unusable (it cannot be stored or
 * exported); warnings are reported but the geometry stays valid. New codes need a message in
 * validatePolygon.ts (a Record over the union, so the build breaks until there is one).
 */
export const POLYGON_ERRORS = [
  'non_finite',
  'out_of_range',
  'too_few_points',
  'ring_not_closed',
  'degenerate_ring',
  'self_intersection',
  'rings_cross',
  'hole_outside_shell',
  'nested_holes',
  'interior_disconnected',
  'polygons_overlap',
] as const;
export const POLYGON_WARNINGS = ['duplicate_vertex'] as const;

export type PolygonErrorCode = (typeof POLYGON_ERRORS)[number];
export type PolygonWarningCode = (typeof POLYGON_WARNINGS)[number];
export type PolygonProblemCode = PolygonErrorCode | PolygonWarningCode;
export type Severity = 'error' | 'warning';

export interface PolygonProblem {
  code: PolygonProblemCode;
  /** 0-based part (polygon of a MultiPolygon), ring (0 = outer) and vertex, where they apply. */
  polygon: number;
  ring: number;
  vertex?: number;
  /** Where the problem is, lon/lat (a crossing point, a touching vertex…). */
  at?: Position;
}

export interface Validation {
  /** Problems that make the geometry unusable: it cannot be stored or exported. */
  errors: PolygonProblem[];
  /** Problems worth reporting that do not make it invalid. */
  warnings: PolygonProblem[];
}

export function severityOf(code: PolygonProblemCode): Severity {
  return (POLYGON_WARNINGS as readonly string[]).includes(code) ? 'warning' : 'error';
}

/** Reports kept per severity; a badly broken ring could otherwise produce millions. */
export const MAX_PROBLEMS = 1000;

const ORDER = new Map<string, number>([...POLYGON_ERRORS, ...POLYGON_WARNINGS].map((c, i) => [c, i]));

function compare(p: PolygonProblem, q: PolygonProblem): number {
  return (
    p.polygon - q.polygon ||
    p.ring - q.ring ||
    (p.vertex ?? -1) - (q.vertex ?? -1) ||
    ORDER.get(p.code)! - ORDER.get(q.code)!
  );
}

/** Collects problems once each (same code and place), capped, and hands them back sorted. */
export class ProblemLog {
  private readonly seen = new Set<string>();
  private readonly errors: PolygonProblem[] = [];
  private readonly warnings: PolygonProblem[] = [];
  private readonly failedPolygons = new Set<number>();

  add(problem: PolygonProblem): void {
    const place = problem.at ? problem.at.join(',') : String(problem.vertex ?? '');
    const key = `${problem.code}|${problem.polygon}|${problem.ring}|${place}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const list = severityOf(problem.code) === 'error' ? this.errors : this.warnings;
    if (list === this.errors) this.failedPolygons.add(problem.polygon);
    if (list.length < MAX_PROBLEMS) list.push(problem);
  }

  /** True once the error list is full: checks may stop looking. */
  get full(): boolean {
    return this.errors.length >= MAX_PROBLEMS;
  }

  hasErrors(polygon?: number): boolean {
    return polygon === undefined ? this.errors.length > 0 : this.failedPolygons.has(polygon);
  }

  result(): Validation {
    return { errors: this.errors.slice().sort(compare), warnings: this.warnings.slice().sort(compare) };
  }
}

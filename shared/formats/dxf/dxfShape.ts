import type { Bilingual } from '../../domain/labels';
import type { Vec3 } from './dxfOcs';

/**
 * What one DXF entity draws, in its own frame (its OCS for 2D entities, world coordinates for
 * the others); the reader maps it to world coordinates and through any block insertion.
 */
export interface TextLabel {
  text: string;
  height: number;
  /** Degrees counter-clockwise from the frame's x axis. */
  rotation: number;
}

export type EntityShape =
  | { kind: 'polygon'; polygons: Vec3[][][]; sources?: string[] }
  | { kind: 'line'; points: Vec3[] }
  | { kind: 'point'; point: Vec3; label?: TextLabel }
  | { kind: 'skipped'; why: 'unsupported' | 'annotation' | 'ignored' }
  | { kind: 'invalid'; reason: Bilingual };

export const invalid = (zh: string, en: string): EntityShape => ({ kind: 'invalid', reason: { zh, en } });

/** Distinct plan positions among the points. */
export function distinctCount(points: readonly Vec3[]): number {
  return new Set(points.map((p) => `${p[0]},${p[1]}`)).size;
}

import type { Derivation } from '../domain/derivation';
import type { ZoneGeometry } from '../domain/geometry';
import { geometryHash } from './geometryHash';
import type { DeriveRequest, DeriveSpec, DerivedShape } from './types';

/** The derivation stored on a derived zone: method, source, parameters and the source's hash. */
export function derivationRecord(request: DeriveRequest, shape: DerivedShape, derivedAt: string): Derivation {
  const { source, spec } = request;
  const { method, ...params } = spec;
  return {
    method,
    sourceZoneId: source.kind === 'zone' ? source.zoneId : null,
    sourcePoint: source.kind === 'point' ? source.position : null,
    sourceLine: source.kind === 'line' ? source.positions : null,
    params: method === 'rings' ? { ...params, index: shape.index } : params,
    sourceHash: source.kind === 'zone' ? geometryHash(source.geometry) : null,
    derivedAt,
    draft: shape.draft.zh,
  };
}

/** Rebuild the request a derivation came from, with the source zone's current geometry. */
export function requestFromDerivation(
  d: Derivation,
  sourceGeometry: ZoneGeometry | null,
): DeriveRequest | null {
  const { index: _index, ...params } = d.params as Record<string, unknown>;
  const spec = { method: d.method, ...params } as DeriveSpec;
  if (d.sourceZoneId !== null) {
    return sourceGeometry
      ? { source: { kind: 'zone', zoneId: d.sourceZoneId, geometry: sourceGeometry }, spec }
      : null;
  }
  if (d.sourcePoint) return { source: { kind: 'point', position: d.sourcePoint }, spec };
  if (d.sourceLine) return { source: { kind: 'line', positions: d.sourceLine }, spec };
  return null;
}

/** Which shape of the request's result a zone holds (its ring index; 0 otherwise). */
export function shapeIndex(d: Derivation): number {
  const index = (d.params as { index?: unknown }).index;
  return typeof index === 'number' ? index : 0;
}

/**
 * A derived zone is stale when its source zone's geometry no longer has the hash recorded at
 * derivation time. A missing source is reported separately ('missing'), not as stale.
 */
export function derivationState(
  d: Derivation | null,
  sourceGeometry: (id: string) => ZoneGeometry | undefined,
): 'none' | 'current' | 'stale' | 'missing' {
  if (!d) return 'none';
  if (d.sourceZoneId === null) return 'current';
  const geometry = sourceGeometry(d.sourceZoneId);
  if (!geometry) return 'missing';
  return geometryHash(geometry) === d.sourceHash ? 'current' : 'stale';
}

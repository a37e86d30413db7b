import type { Position, ZoneGeometry } from '../../domain/geometry';
import { fromJsts, toJsts, lineToJsts, type JstsGeometry } from '../jsts/convert';
import { gkProjection } from '../jsts/projection';
import { isValid, repair } from '../jsts/ops';
import { validateGeometry } from '../validatePolygon';
import { OpError } from './opError';

/** Geometry operations work in the project's Gauss-Krüger plane (metres), storage is lon/lat. */
export interface OpOptions {
  gkZone: number;
}

export function planar(g: ZoneGeometry, { gkZone }: OpOptions): JstsGeometry {
  return toJsts(g, gkProjection(gkZone).project);
}

export function planarLine(line: readonly Position[], { gkZone }: OpOptions): JstsGeometry {
  return lineToJsts(line, gkProjection(gkZone).project);
}

/**
 * Back to a stored geometry, checked with validateGeometry (the same check the store applies):
 * an operation never hands back something the store would refuse.
 */
export function stored(g: JstsGeometry, operation: string, { gkZone }: OpOptions): ZoneGeometry {
  const geometry = fromJsts(isValid(g) ? g : repair(g), gkProjection(gkZone).unproject);
  if (!geometry) throw new OpError(operation, { zh: '结果为空', en: 'the result is empty' });
  const { errors } = validateGeometry(geometry);
  if (errors.length > 0) {
    throw new OpError(operation, { zh: '结果不是有效的多边形', en: 'the result is not a valid polygon' });
  }
  return geometry;
}

import type { Bilingual } from '../../../shared/domain/labels';
import type { ZoneGeometry } from '../../../shared/domain/geometry';
import { polygonProblemMessage, validateGeometry } from '../../../shared/geometry/validatePolygon';
import type { Workbench } from '../../editor/workbench';

/**
 * A tool never stores an invalid polygon silently: a geometry with errors is refused with the
 * reasons (self-intersection near vertex 5 of ring 1…), and nothing is written.
 */
export function acceptGeometry(
  workbench: Workbench,
  geometry: ZoneGeometry | null,
): geometry is ZoneGeometry {
  if (!geometry) return false;
  const { errors } = validateGeometry(geometry);
  if (errors.length === 0) return true;
  const details: Bilingual[] = errors.slice(0, 5).map((problem) => polygonProblemMessage(problem));
  workbench.notify('error', { zh: '边界无效，未保存', en: 'Invalid boundary: not saved' }, details);
  return false;
}

import type { ZoneGeometry } from '../domain/geometry';
import { fromJsts, lineToJsts, toJsts, type JstsGeometry } from '../geometry/jsts/convert';
import { gkProjection } from '../geometry/jsts/projection';
import { basePointRectangle, circle, corridor, sideOffset, uniformOffset } from './construct';
import { draftText } from './drafts';
import type { DeriveOptions, DeriveRequest, DeriveSpec, DerivedShape } from './types';
import { DeriveError } from './deriveError';

/** Which source each method takes. */
const NEEDS: Record<DeriveSpec['method'], 'zone' | 'point' | 'line'> = {
  buffer: 'zone',
  sides: 'zone',
  base_point: 'point',
  radius: 'point',
  corridor: 'line',
  rings: 'zone',
  same_as_range: 'zone',
};

function checkDistances(spec: DeriveSpec): void {
  const values: [string, number | null | undefined][] = [];
  if (spec.method === 'buffer') values.push(['distanceM', spec.distanceM]);
  if (spec.method === 'sides' || spec.method === 'base_point') values.push(...Object.entries(spec.sides));
  if (spec.method === 'radius') values.push(['radiusM', spec.radiusM]);
  if (spec.method === 'corridor') values.push(['halfWidthM', spec.halfWidthM]);
  if (spec.method === 'rings') {
    if (spec.rings.length === 0)
      throw new DeriveError('rings', { zh: '至少需要一级地带', en: 'at least one ring is needed' });
    spec.rings.forEach((r, i) => values.push([`rings[${i}].distanceM`, r.distanceM]));
  }
  for (const [name, v] of values) {
    if (v === null || v === undefined) continue;
    if (!Number.isFinite(v) || v < 0 || v > 100_000) {
      throw new DeriveError(name, {
        zh: `距离须为0至100000米，现为${v}`,
        en: `distance must be 0…100 000 m, got ${v}`,
      });
    }
  }
  const positive = spec.method === 'radius' ? spec.radiusM : spec.method === 'corridor' ? spec.halfWidthM : 1;
  if (!(positive > 0))
    throw new DeriveError(spec.method, { zh: '距离须大于0', en: 'the distance must be greater than 0' });
  if (spec.method === 'base_point' && !(spec.sides.e + spec.sides.w > 0 && spec.sides.n + spec.sides.s > 0)) {
    throw new DeriveError('sides', {
      zh: '东西、南北方向的距离不能都为0',
      en: 'east+west and north+south must each be > 0',
    });
  }
}

function output(
  g: JstsGeometry,
  unproject: (p: [number, number]) => [number, number],
  method: string,
): ZoneGeometry {
  const geometry = fromJsts(g, unproject);
  if (!geometry) throw new DeriveError(method, { zh: '结果为空', en: 'the result is empty' });
  return geometry;
}

/** One request → its shapes (several for graded rings). Pure; throws DeriveError for bad input. */
export function deriveShapes(request: DeriveRequest, options: DeriveOptions): DerivedShape[] {
  const { source, spec } = request;
  if (source.kind !== NEEDS[spec.method]) {
    throw new DeriveError('source', {
      zh: `该方法需要${{ zone: '源区划', point: '基点', line: '中心线' }[NEEDS[spec.method]]}`,
      en: `this method needs a source ${NEEDS[spec.method]}`,
    });
  }
  checkDistances(spec);
  const { project, unproject } = gkProjection(options.gkZone);
  const single = (geometry: ZoneGeometry, sameAsRange = false): DerivedShape[] => [
    {
      geometry,
      cczClass: null,
      sameAsRange,
      draft: draftText(source, spec, 0, request.sourceName),
      index: 0,
    },
  ];
  switch (spec.method) {
    case 'same_as_range':
      return single((source as { geometry: ZoneGeometry }).geometry, true);
    case 'base_point':
      return single(
        output(
          basePointRectangle(project((source as { position: [number, number] }).position), spec.sides),
          unproject,
          spec.method,
        ),
      );
    case 'radius':
      return single(
        output(
          circle(project((source as { position: [number, number] }).position), spec.radiusM),
          unproject,
          spec.method,
        ),
      );
    case 'corridor':
      return single(
        output(
          corridor(
            lineToJsts((source as { positions: [number, number][] }).positions, project),
            spec.halfWidthM,
          ),
          unproject,
          spec.method,
        ),
      );
    default:
      break;
  }
  const footprint = toJsts((source as { geometry: ZoneGeometry }).geometry, project);
  if (spec.method === 'buffer')
    return single(output(uniformOffset(footprint, spec.distanceM, spec.corner), unproject, spec.method));
  if (spec.method === 'sides')
    return single(output(sideOffset(footprint, spec.sides), unproject, spec.method));
  // Graded rings: each ring's envelope is the source grown by the sum of distances so far (outer
  // zones are stored as envelopes, docs/architecture.md), computed from the source each time so
  // errors do not accumulate ring after ring.
  let total = 0;
  return spec.rings.map((ring, index) => {
    total += ring.distanceM;
    return {
      geometry: output(uniformOffset(footprint, total, spec.corner), unproject, spec.method),
      cczClass: ring.cczClass,
      sameAsRange: false,
      draft: draftText(source, spec, index, request.sourceName),
      index,
    };
  });
}

/**
 * The batch entry point (worker job and benchmark): every request's shapes, in order. A failed
 * request throws, naming the request's index.
 */
export function deriveZones(requests: readonly DeriveRequest[], options: DeriveOptions): DerivedShape[][] {
  return requests.map((request, i) => {
    try {
      return deriveShapes(request, options);
    } catch (error) {
      if (error instanceof DeriveError) throw error.at(i);
      throw error;
    }
  });
}

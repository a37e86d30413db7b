import type { Position, ZoneGeometry } from '../../shared/domain/geometry';
import { polygonsOf } from '../../shared/domain/geometry';
import type { Bilingual } from '../../shared/domain/labels';
import type { CczClass } from '../../shared/domain/taxonomy';
import type { CornerStyle, DeriveRequest, DeriveSpec } from '../../shared/derive/types';

/** The dialog's editable values, as typed (strings), turned into a request by `toRequest`. */
export interface DeriveForm {
  method: 'buffer' | 'sides' | 'base_point' | 'radius' | 'rings' | 'same_as_range';
  distance: string;
  corner: CornerStyle;
  sides: Record<'n' | 'e' | 's' | 'w' | 'ne' | 'se' | 'sw' | 'nw', string>;
  radius: string;
  rings: { cczClass: string; distance: string }[];
}

export const METHOD_LABELS: Record<DeriveForm['method'], Bilingual> = {
  buffer: { zh: '整体外扩', en: 'Uniform offset' },
  sides: { zh: '分方向外扩（四至/八至）', en: 'Offset per side (4 or 8 directions)' },
  base_point: { zh: '自基点四至', en: 'Offsets from a base point' },
  radius: { zh: '以点为圆心的半径', en: 'Radius around a point' },
  rings: { zh: '分级地带', en: 'Graded rings' },
  same_as_range: { zh: '同保护范围', en: 'Same as the protection range' },
};

export const SIDE_LABELS: Record<keyof DeriveForm['sides'], Bilingual> = {
  n: { zh: '北（米）', en: 'North (m)' },
  e: { zh: '东（米）', en: 'East (m)' },
  s: { zh: '南（米）', en: 'South (m)' },
  w: { zh: '西（米）', en: 'West (m)' },
  ne: { zh: '东北（米）', en: 'North-east (m)' },
  se: { zh: '东南（米）', en: 'South-east (m)' },
  sw: { zh: '西南（米）', en: 'South-west (m)' },
  nw: { zh: '西北（米）', en: 'North-west (m)' },
};

export function initialForm(): DeriveForm {
  return {
    method: 'buffer',
    distance: '30',
    corner: 'round',
    sides: { n: '', e: '', s: '', w: '', ne: '', se: '', sw: '', nw: '' },
    radius: '',
    rings: [
      { cczClass: '2', distance: '' },
      { cczClass: '3', distance: '' },
      { cczClass: '4', distance: '' },
    ],
  };
}

const num = (v: string): number => (v.trim() === '' ? NaN : Number(v));
const zero = (v: string): number => (v.trim() === '' ? 0 : Number(v));
const optional = (v: string): number | null => (v.trim() === '' ? null : Number(v));

/** A representative point of a zone: the mean of its outer ring's vertices. */
function centre(geometry: ZoneGeometry): Position {
  const ring = polygonsOf(geometry)[0]![0]!.slice(0, -1);
  const x = ring.reduce((s, p) => s + p[0], 0) / ring.length;
  const y = ring.reduce((s, p) => s + p[1], 0) / ring.length;
  return [x, y];
}

export function toSpec(form: DeriveForm): DeriveSpec {
  const s = form.sides;
  switch (form.method) {
    case 'buffer':
      return { method: 'buffer', distanceM: num(form.distance), corner: form.corner };
    case 'sides':
      return {
        method: 'sides',
        sides: {
          n: zero(s.n),
          e: zero(s.e),
          s: zero(s.s),
          w: zero(s.w),
          ne: optional(s.ne),
          se: optional(s.se),
          sw: optional(s.sw),
          nw: optional(s.nw),
        },
      };
    case 'base_point':
      return { method: 'base_point', sides: { n: zero(s.n), e: zero(s.e), s: zero(s.s), w: zero(s.w) } };
    case 'radius':
      return { method: 'radius', radiusM: num(form.radius) };
    case 'rings':
      return {
        method: 'rings',
        corner: form.corner,
        rings: form.rings
          .filter((r) => r.distance.trim() !== '')
          .map((r) => ({
            cczClass: r.cczClass === '' ? null : (Number(r.cczClass) as CczClass),
            distanceM: num(r.distance),
          })),
      };
    case 'same_as_range':
      return { method: 'same_as_range' };
  }
}

/**
 * The request for a source zone: zone methods use the zone itself; point methods use the object's
 * representative point when it has one, else the zone's centre.
 */
export function toRequest(
  form: DeriveForm,
  source: { id: string; geometry: ZoneGeometry },
  point: Position | null,
): DeriveRequest {
  const spec = toSpec(form);
  if (spec.method === 'base_point' || spec.method === 'radius') {
    return { source: { kind: 'point', position: point ?? centre(source.geometry) }, spec };
  }
  return { source: { kind: 'zone', zoneId: source.id, geometry: source.geometry }, spec };
}

import { CCZ_CLASS_LABELS } from '../domain/taxonomy';
import type { Bilingual } from '../domain/labels';
import type { DeriveSource, DeriveSpec, SideDistances } from './types';

/** 4.26 → "4.26", 30 → "30": metres as written in 四至 texts. */
export function metres(v: number): string {
  return String(Math.round(v * 100) / 100);
}

const SOURCE_ZH = { zone: '本体外轮廓', point: '基点', line: '中心线' } as const;
const SOURCE_EN = { zone: 'the source outline', point: 'the base point', line: 'the centre line' } as const;

const SIDES: { key: keyof SideDistances; zh: string; en: string }[] = [
  { key: 'e', zh: '东', en: 'east' },
  { key: 'se', zh: '东南', en: 'south-east' },
  { key: 's', zh: '南', en: 'south' },
  { key: 'sw', zh: '西南', en: 'south-west' },
  { key: 'w', zh: '西', en: 'west' },
  { key: 'nw', zh: '西北', en: 'north-west' },
  { key: 'n', zh: '北', en: 'north' },
  { key: 'ne', zh: '东北', en: 'north-east' },
];

function sideList(
  sides: SideDistances,
  zh: (s: string, d: string) => string,
  en: (s: string, d: string) => string,
) {
  const present = SIDES.filter((s) => typeof sides[s.key] === 'number');
  return {
    zh: present.map((s) => zh(s.zh, metres(sides[s.key] as number))).join('，'),
    en: present.map((s) => en(s.en, metres(sides[s.key] as number))).join(', '),
  };
}

/**
 * The generated 四至 draft for one derived shape (a starting point for the verbatim text, never a
 * replacement for it). `sourceName` names the source zone, e.g. "保护范围".
 */
export function draftText(
  source: DeriveSource,
  spec: DeriveSpec,
  index = 0,
  sourceName: Bilingual = { zh: '本体', en: 'the body' },
): Bilingual {
  const base = {
    zh: source.kind === 'zone' ? `${sourceName.zh}外轮廓` : SOURCE_ZH[source.kind],
    en: source.kind === 'zone' ? `the outline of ${sourceName.en}` : SOURCE_EN[source.kind],
  };
  switch (spec.method) {
    case 'buffer':
      return {
        zh: `以${base.zh}为基线，向外扩${metres(spec.distanceM)}米${spec.corner === 'mitre' ? '（直角转角）' : ''}`,
        en: `${metres(spec.distanceM)} m beyond ${base.en}${spec.corner === 'mitre' ? ' (mitred corners)' : ''}`,
      };
    case 'sides': {
      const list = sideList(
        spec.sides,
        (s, d) => `${s}至${sourceName.zh}${s}边界外扩${d}米`,
        (s, d) => `${s} to ${d} m beyond the ${s} edge of ${sourceName.en}`,
      );
      return { zh: list.zh, en: list.en.charAt(0).toUpperCase() + list.en.slice(1) };
    }
    case 'base_point': {
      const list = sideList(
        spec.sides,
        (s, d) => `${s}${d}米`,
        (s, d) => `${s} ${d} m`,
      );
      return { zh: `自基点起，${list.zh}`, en: `From the base point: ${list.en}` };
    }
    case 'radius':
      return {
        zh: `以基点为圆心，半径${metres(spec.radiusM)}米范围内`,
        en: `Within ${metres(spec.radiusM)} m of the centre point`,
      };
    case 'corridor':
      return {
        zh: `${SOURCE_ZH.line}两侧各${metres(spec.halfWidthM)}米`,
        en: `${metres(spec.halfWidthM)} m on each side of the centre line`,
      };
    case 'rings': {
      const ring = spec.rings[index];
      const cls = ring?.cczClass ? CCZ_CLASS_LABELS[ring.cczClass] : null;
      const what = {
        zh: cls ? `${cls.zh}建设控制地带` : '建设控制地带',
        en: cls ? `${cls.en} construction-control zone` : 'construction-control zone',
      };
      const from = index === 0 ? base : { zh: '上一级地带外边界', en: 'the previous ring' };
      return {
        zh: `${what.zh}：以${from.zh}为基线，向外扩${metres(ring?.distanceM ?? 0)}米`,
        en: `${what.en}: ${metres(ring?.distanceM ?? 0)} m beyond ${from.en}`,
      };
    }
    case 'same_as_range':
      return {
        zh: '建设控制地带同保护范围',
        en: 'The construction-control zone is the same as the protection range',
      };
  }
}

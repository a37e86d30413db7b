import type { Bilingual, Lang } from '../../shared/domain/labels';

/** A derivation parameter as the planner reads it: a name with its unit, and the value. */
export interface ParamLine {
  label: string;
  value: string;
}

const SIDES: Record<string, Bilingual> = {
  n: { zh: '北', en: 'north' },
  e: { zh: '东', en: 'east' },
  s: { zh: '南', en: 'south' },
  w: { zh: '西', en: 'west' },
  ne: { zh: '东北', en: 'north-east' },
  se: { zh: '东南', en: 'south-east' },
  sw: { zh: '西南', en: 'south-west' },
  nw: { zh: '西北', en: 'north-west' },
};
const CORNERS: Record<string, Bilingual> = {
  round: { zh: '圆角', en: 'round' },
  mitre: { zh: '直角', en: 'sharp (mitred)' },
};
const METRES: Record<string, Bilingual> = {
  distanceM: { zh: '外扩距离（米）', en: 'Distance (m)' },
  radiusM: { zh: '半径（米）', en: 'Radius (m)' },
  halfWidthM: { zh: '半宽（米）', en: 'Half width (m)' },
};

const metres = (v: unknown, lang: Lang) =>
  typeof v === 'number'
    ? v.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: 3 })
    : '—';

/** The stored parameters (shared/derive/record.ts) as labelled lines, in the given language. */
export function derivationParamLines(params: Record<string, unknown>, lang: Lang): ParamLine[] {
  const lines: ParamLine[] = [];
  for (const [key, value] of Object.entries(params)) {
    if (METRES[key]) lines.push({ label: METRES[key][lang], value: metres(value, lang) });
    else if (key === 'corner')
      lines.push({
        label: lang === 'zh' ? '转角' : 'Corners',
        value: CORNERS[String(value)]?.[lang] ?? String(value),
      });
    else if (key === 'sides' && value && typeof value === 'object') {
      for (const [side, distance] of Object.entries(value as Record<string, unknown>)) {
        if (distance === null || distance === undefined || !SIDES[side]) continue;
        const label = lang === 'zh' ? `${SIDES[side].zh}侧距离（米）` : `Distance ${SIDES[side].en} (m)`;
        lines.push({ label, value: metres(distance, lang) });
      }
    } else if (key === 'rings' && Array.isArray(value)) {
      value.forEach((ring: { distanceM?: unknown; cczClass?: unknown }, i) => {
        const cls = ring.cczClass
          ? lang === 'zh'
            ? `（${String(ring.cczClass)}类）`
            : ` (class ${String(ring.cczClass)})`
          : '';
        const label = lang === 'zh' ? `第 ${i + 1} 圈距离（米）${cls}` : `Ring ${i + 1} distance (m)${cls}`;
        lines.push({ label, value: metres(ring.distanceM, lang) });
      });
    } else if (key === 'index' && typeof value === 'number')
      lines.push({ label: lang === 'zh' ? '本区划为第几圈' : 'This zone is ring', value: String(value + 1) });
    else lines.push({ label: key, value: typeof value === 'string' ? value : JSON.stringify(value) });
  }
  return lines;
}

/** An ISO timestamp in the planner's local time (e.g. 2026-03-02 14:05), or the text as stored. */
export function localTime(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (!iso || Number.isNaN(date.getTime())) return iso || '—';
  return date.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
}

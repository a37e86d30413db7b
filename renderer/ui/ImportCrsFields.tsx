import { useState } from 'react';
import type { AxisOrder } from '../../shared/crs/evidence';
import type { Bilingual, Lang } from '../../shared/domain/labels';
import type { CrsInfo } from '../../shared/formats/layer';
import { CrsOptions } from './CrsOptions';
import { colon, inParens } from './i18n';

/**
 * The coordinate-system controls of the import preview: the system decided (and why, line by
 * line, as shared/crs/resolveCrs.ts explains it), a picker and a pasted definition to override it,
 * and the axis order. Every change re-reads through the same resolver.
 */
const T = {
  crs: { zh: '坐标系', en: 'Coordinate system' },
  reasons: { zh: '坐标系判断依据', en: 'Why this coordinate system' },
  unknown: { zh: '未知，请选择', en: 'Unknown, choose one' },
  custom: { zh: '文件中的定义', en: 'definition from the file' },
  paste: { zh: '粘贴坐标系定义（WKT / PROJ）', en: 'Paste a CRS definition (WKT / PROJ)' },
  definition: { zh: '坐标系定义', en: 'CRS definition' },
  apply: { zh: '应用定义', en: 'Apply definition' },
  axisOrder: { zh: '坐标顺序', en: 'Axis order' },
  auto: { zh: '自动', en: 'Automatic' },
} satisfies Record<string, Bilingual>;

const SOURCE: Record<CrsInfo['source'], Bilingual> = {
  prj: { zh: '.prj 文件声明', en: 'declared by the .prj file' },
  magnitude: { zh: '按坐标数值推断', en: 'guessed from the coordinate values' },
  header: { zh: '坐标表文件头', en: "the coordinate table's header" },
  file: { zh: '文件声明', en: 'declared in the file' },
  user: { zh: '您的选择', en: 'your choice' },
  fixed: { zh: '格式规定', en: 'fixed by the format' },
  unknown: { zh: '文件未说明', en: 'the file does not say' },
};

export const AXIS_ORDER_LABEL: Record<AxisOrder, Bilingual> = {
  en: { zh: 'X=东、Y=北（GIS 顺序）', en: 'X = east, Y = north (GIS order)' },
  ne: { zh: 'X=北、Y=东（测量顺序）', en: 'X = north, Y = east (survey order)' },
};

/** The CRS decided, how, and why; a select of every bundled system and a pasted definition override it. */
export function CrsField({
  crs,
  projectZone,
  lang,
  disabled,
  onChange,
}: {
  crs: CrsInfo | undefined;
  projectZone: number;
  lang: Lang;
  disabled: boolean;
  onChange(choice: { epsg?: number; crs?: string }): void;
}) {
  const epsg = crs?.epsg ?? null;
  const custom = epsg === null && crs?.name;
  const [definition, setDefinition] = useState('');
  return (
    <div className="field crs-field">
      <label className="field">
        <span>{T.crs[lang]}</span>
        <select
          aria-label={T.crs[lang]}
          value={epsg === null ? '' : String(epsg)}
          disabled={disabled || crs?.source === 'fixed'}
          onChange={(e) => onChange(e.target.value ? { epsg: Number(e.target.value) } : {})}
        >
          {epsg === null && (
            <option value="">
              {custom ? `${crs.name![lang]}${inParens(T.custom[lang], lang)}` : T.unknown[lang]}
            </option>
          )}
          <CrsOptions projectZone={projectZone} lang={lang} oldDatums={true} />
        </select>
        <span className="hint" data-testid="crs-source">
          {crs ? SOURCE[crs.source][lang] : SOURCE.unknown[lang]}
        </span>
      </label>
      {crs?.reasons && crs.reasons.length > 0 && (
        <ul className="hint" aria-label={T.reasons[lang]} data-testid="crs-reasons">
          {crs.reasons.map((r, i) => (
            <li key={i}>{r[lang]}</li>
          ))}
        </ul>
      )}
      <details>
        <summary>{T.paste[lang]}</summary>
        <textarea
          aria-label={T.definition[lang]}
          rows={3}
          value={definition}
          disabled={disabled}
          onChange={(e) => setDefinition(e.target.value)}
        />
        <button
          type="button"
          disabled={disabled || !definition.trim()}
          onClick={() => onChange({ crs: definition.trim() })}
        >
          {T.apply[lang]}
        </button>
      </details>
    </div>
  );
}

/** Axis order: automatic (showing what was decided), GIS order or survey order. */
export function AxisOrderField({
  chosen,
  decided,
  lang,
  disabled,
  onChange,
}: {
  chosen: AxisOrder | undefined;
  decided: AxisOrder | undefined;
  lang: Lang;
  disabled: boolean;
  onChange(order: AxisOrder | undefined): void;
}) {
  const autoLabel = decided
    ? `${T.auto[lang]}${colon(lang)}${AXIS_ORDER_LABEL[decided][lang]}`
    : T.auto[lang];
  return (
    <label className="field">
      <span>{T.axisOrder[lang]}</span>
      <select
        aria-label={T.axisOrder[lang]}
        value={chosen ?? ''}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value ? (e.target.value as AxisOrder) : undefined)}
      >
        <option value="">{autoLabel}</option>
        <option value="en">{AXIS_ORDER_LABEL.en[lang]}</option>
        <option value="ne">{AXIS_ORDER_LABEL.ne[lang]}</option>
      </select>
    </label>
  );
}

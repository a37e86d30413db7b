import { useState } from 'react';
import type { Lang } from '../../../shared/domain/labels';
import {
  FIGURE_DPIS,
  GRID_MODES,
  PAPER_SIZES,
  type FigureSettings,
  type GridMode,
  type Orientation,
  type PaperSize,
} from '../../../shared/figures/figureSettings';
import { STANDARD_SCALES, formatScale, parseScale } from '../../../shared/figures/paper';
import { FIGURE_TEXT as T } from './figureText';

const GRID_LABELS = { ticks: T.gridTicks, lines: T.gridLines, none: T.gridNone } as const;

/** Paper, orientation, margin, scale (standard or typed), grid, location map and resolution. */
export function FigureControls({
  settings,
  lang,
  onChange,
  onFit,
}: {
  settings: FigureSettings;
  lang: Lang;
  onChange(patch: Partial<FigureSettings>): void;
  onFit?: () => void;
}) {
  const standard = (STANDARD_SCALES as readonly number[]).includes(settings.scale);
  const [typed, setTyped] = useState(standard ? '' : formatScale(settings.scale));
  const [typedError, setTypedError] = useState(false);
  const commitTyped = () => {
    const scale = parseScale(typed);
    setTypedError(scale === null && typed.trim() !== '');
    if (scale !== null) onChange({ scale });
  };
  return (
    <div className="figure-controls">
      <label>
        {T.paper[lang]}{' '}
        <select
          aria-label={T.paper[lang]}
          value={settings.paper}
          onChange={(e) => onChange({ paper: e.target.value as PaperSize })}
        >
          {PAPER_SIZES.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </label>
      <label>
        {T.orientation[lang]}{' '}
        <select
          aria-label={T.orientation[lang]}
          value={settings.orientation}
          onChange={(e) => onChange({ orientation: e.target.value as Orientation })}
        >
          <option value="landscape">{T.landscape[lang]}</option>
          <option value="portrait">{T.portrait[lang]}</option>
        </select>
      </label>
      <label>
        {T.margin[lang]}{' '}
        <input
          type="number"
          aria-label={T.margin[lang]}
          min={5}
          max={50}
          step={1}
          value={settings.marginMm}
          onChange={(e) => {
            const v = Number(e.target.value);
            if (v >= 5 && v <= 50) onChange({ marginMm: v });
          }}
        />
      </label>
      <label>
        {T.scale[lang]}{' '}
        <select
          aria-label={T.scale[lang]}
          value={standard ? String(settings.scale) : 'typed'}
          onChange={(e) => {
            if (e.target.value !== 'typed') onChange({ scale: Number(e.target.value) });
            else setTyped(formatScale(settings.scale));
          }}
        >
          {STANDARD_SCALES.map((s) => (
            <option key={s} value={s}>
              {formatScale(s)}
            </option>
          ))}
          <option value="typed">{standard ? T.typedScale[lang] : formatScale(settings.scale)}</option>
        </select>
      </label>
      <label>
        {T.typedScale[lang]}{' '}
        <input
          type="text"
          aria-label={T.typedScale[lang]}
          size={10}
          placeholder="1:2500"
          value={typed}
          aria-invalid={typedError}
          onChange={(e) => setTyped(e.target.value)}
          onBlur={commitTyped}
          onKeyDown={(e) => e.key === 'Enter' && commitTyped()}
        />
      </label>
      {typedError && (
        <span className="field-error" role="alert">
          {T.badScale[lang]}
        </span>
      )}
      {onFit && (
        <button type="button" onClick={onFit}>
          {T.fitScale[lang]}
        </button>
      )}
      <label>
        {T.grid[lang]}{' '}
        <select
          aria-label={T.grid[lang]}
          value={settings.grid}
          onChange={(e) => onChange({ grid: e.target.value as GridMode })}
        >
          {GRID_MODES.map((g) => (
            <option key={g} value={g}>
              {GRID_LABELS[g][lang]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <input
          type="checkbox"
          checked={settings.inset}
          onChange={(e) => onChange({ inset: e.target.checked })}
        />{' '}
        {T.inset[lang]}
      </label>
      <label>
        {T.dpi[lang]}{' '}
        <select
          aria-label={T.dpi[lang]}
          value={settings.dpi}
          onChange={(e) => onChange({ dpi: Number(e.target.value) as FigureSettings['dpi'] })}
        >
          {FIGURE_DPIS.map((d) => (
            <option key={d} value={d}>
              {d} dpi
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

import { useId } from 'react';
import type { Lang } from '../../shared/domain/labels';
import { COORDINATE_MODES, modeLabel, say, setCoordinateUi, type CoordinateMode } from './coordinateUi';

/** The one coordinate-mode choice shared by the vertex table, new zone by coordinates and jump-to. */
export function CoordinateModeSelect({
  mode,
  gkZone,
  lang,
}: {
  mode: CoordinateMode;
  gkZone: number;
  lang: Lang;
}) {
  const id = useId();
  return (
    <>
      <label htmlFor={id}>{lang === 'zh' ? '坐标形式' : 'Coordinates as'}</label>
      <select
        id={id}
        value={mode}
        onChange={(e) => setCoordinateUi({ mode: e.target.value as CoordinateMode })}
      >
        {COORDINATE_MODES.map((m) => (
          <option key={m} value={m}>
            {say(modeLabel(m, gkZone), lang)}
          </option>
        ))}
      </select>
    </>
  );
}

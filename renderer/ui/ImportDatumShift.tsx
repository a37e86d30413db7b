import { useState, type ChangeEvent } from 'react';
import { DATUMS } from '../../shared/crs/datums';
import { DatumShiftParseError, parseDatumShift, type DatumShift } from '../../shared/crs/datumShift';
import type { Bilingual, Lang } from '../../shared/domain/labels';
import type { CrsInfo } from '../../shared/formats/layer';
import { colon } from './i18n';

/**
 * How an old datum (Xian 1980, Beijing 1954, New Beijing, or any other) becomes CGCS2000: never
 * assumed. "No shift" names the error it keeps; 3 or 7 parameters are typed or loaded from the
 * parameter file a province published. Applying re-reads; accepting the import stores the choice
 * with the project for the next file on the same datum.
 */
const T = {
  legend: { zh: '基准转换（到 CGCS2000）', en: 'Datum transformation (to CGCS2000)' },
  none: { zh: '不转换（粗略）', en: 'No shift (ballpark)' },
  helmert: { zh: '七参数 / 三参数', en: '7 or 3 parameters' },
  convention: { zh: '旋转约定', en: 'Rotation convention' },
  positionVector: { zh: '位置矢量（PROJ +towgs84）', en: 'Position vector (PROJ +towgs84)' },
  coordinateFrame: { zh: '坐标框架', en: 'Coordinate frame' },
  load: { zh: '从文件载入参数', en: 'Load parameters from a file' },
  apply: { zh: '应用基准转换', en: 'Apply datum transformation' },
  inUse: { zh: '正在使用', en: 'In use' },
} satisfies Record<string, Bilingual>;

const PARAMETERS: { key: string; unit: string; label: Bilingual }[] = [
  { key: 'dx', unit: 'm', label: { zh: 'ΔX 平移（米）', en: 'ΔX translation (m)' } },
  { key: 'dy', unit: 'm', label: { zh: 'ΔY 平移（米）', en: 'ΔY translation (m)' } },
  { key: 'dz', unit: 'm', label: { zh: 'ΔZ 平移（米）', en: 'ΔZ translation (m)' } },
  { key: 'rx', unit: '″', label: { zh: 'X 轴旋转（秒）', en: 'X rotation (arc-seconds)' } },
  { key: 'ry', unit: '″', label: { zh: 'Y 轴旋转（秒）', en: 'Y rotation (arc-seconds)' } },
  { key: 'rz', unit: '″', label: { zh: 'Z 轴旋转（秒）', en: 'Z rotation (arc-seconds)' } },
  { key: 'ds', unit: 'ppm', label: { zh: '尺度（ppm）', en: 'Scale (ppm)' } },
];

function initialValues(shift: DatumShift | undefined): string[] {
  const values = shift?.method === 'helmert' ? shift.values : [];
  return PARAMETERS.map((_, i) => (values[i] === undefined ? '' : String(values[i])));
}

export function DatumShiftField({
  crs,
  shift,
  lang,
  disabled,
  onChange,
}: {
  crs: Pick<CrsInfo, 'datum' | 'datumShift'>;
  /** The transformation in effect: chosen in this preview, or stored with the project. */
  shift: DatumShift | undefined;
  lang: Lang;
  disabled: boolean;
  onChange(shift: DatumShift): void;
}) {
  const datum = DATUMS[crs.datum ?? 'other'];
  const [method, setMethod] = useState<DatumShift['method'] | ''>(shift?.method ?? '');
  const [values, setValues] = useState(() => initialValues(shift));
  const [convention, setConvention] = useState(
    shift?.method === 'helmert' ? shift.convention : 'position_vector',
  );
  const [error, setError] = useState<Bilingual | null>(null);
  const error7 = datum.noShiftError ?? { zh: '未知', en: 'unknown' };
  const apply = () => {
    if (method === 'none') return onChange({ method: 'none' });
    const filled = values.filter((v) => v.trim() !== '');
    try {
      const parsed = parseDatumShift(filled.join(','));
      if (parsed.method === 'helmert') onChange({ ...parsed, convention });
      setError(null);
    } catch (e) {
      if (e instanceof DatumShiftParseError) setError(e.reason);
      else throw e;
    }
  };
  const load = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    try {
      const parsed = parseDatumShift(await file.text(), file.name);
      if (parsed.method === 'helmert') {
        setMethod('helmert');
        setValues(initialValues(parsed));
        setConvention(parsed.convention);
      }
      setError(null);
    } catch (e) {
      if (e instanceof DatumShiftParseError)
        setError({ zh: `${file.name}：${e.reason.zh}`, en: `${file.name}: ${e.reason.en}` });
      else throw e;
    }
  };
  return (
    <fieldset className="datum-shift" aria-label={T.legend[lang]}>
      <legend>
        {T.legend[lang]} · {datum.label[lang]}
      </legend>
      {crs.datumShift && (
        <p className="hint" data-testid="datum-shift-in-use">
          {T.inUse[lang]}
          {colon(lang)}
          {crs.datumShift[lang]}
        </p>
      )}
      <label className="check">
        <input
          type="radio"
          name="datum-shift"
          checked={method === 'none'}
          disabled={disabled}
          onChange={() => setMethod('none')}
        />
        {T.none[lang]}
        {lang === 'zh' ? `（误差约${error7.zh}）` : ` (error about ${error7.en})`}
      </label>
      <label className="check">
        <input
          type="radio"
          name="datum-shift"
          checked={method === 'helmert'}
          disabled={disabled}
          onChange={() => setMethod('helmert')}
        />
        {T.helmert[lang]}
      </label>
      {method === 'helmert' && (
        <div className="datum-parameters">
          {PARAMETERS.map((p, i) => (
            <label key={p.key} className="field">
              <span>{p.label[lang]}</span>
              <input
                type="text"
                inputMode="decimal"
                aria-label={p.label[lang]}
                value={values[i]}
                disabled={disabled}
                onChange={(e) => setValues(values.map((v, j) => (j === i ? e.target.value : v)))}
              />
            </label>
          ))}
          <label className="field">
            <span>{T.convention[lang]}</span>
            <select
              aria-label={T.convention[lang]}
              value={convention}
              disabled={disabled}
              onChange={(e) => setConvention(e.target.value as typeof convention)}
            >
              <option value="position_vector">{T.positionVector[lang]}</option>
              <option value="coordinate_frame">{T.coordinateFrame[lang]}</option>
            </select>
          </label>
          <label className="field">
            <span>{T.load[lang]}</span>
            <input type="file" aria-label={T.load[lang]} disabled={disabled} onChange={(e) => void load(e)} />
          </label>
        </div>
      )}
      {error && (
        <p role="alert" className="error">
          {error[lang]}
        </p>
      )}
      <button type="button" disabled={disabled || method === ''} onClick={apply}>
        {T.apply[lang]}
      </button>
    </fieldset>
  );
}

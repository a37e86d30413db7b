import { useMemo, useState } from 'react';
import type { Bilingual } from '../../../shared/domain/labels';
import { CHANGE_TYPE_LABELS, ZONE_TYPE_LABELS } from '../../../shared/domain/taxonomy';
import { gaussKrugerEpsg } from '../../../shared/crs/definitions';
import { exportFilter } from '../../../shared/ipc/fileTypes';
import type { ProjectDocument } from '../../../shared/formats/projectDocument';
import type {
  ChangeLayerOptions,
  CompareResult,
  WhlxGeometryChange,
} from '../../../shared/review/compareTypes';
import { whlxChanges } from '../../../shared/review/whlxChanges';
import { withJob } from '../../editor/transferJob';
import { useLang } from '../hooks/useLang';
import { useWorkbench } from '../hooks/useWorkbench';

const T = {
  title: { zh: '导出变化图层（WHLX）', en: 'Export the change layer (WHLX)' },
  format: { zh: '格式', en: 'Format' },
  encoding: { zh: '编码', en: 'Encoding' },
  crs: { zh: '坐标系', en: 'CRS' },
  geometry: { zh: '边界变化写为', en: 'Boundary changes as' },
  parts: { zh: '调入、调出部分', en: 'gained and lost parts' },
  replace: { zh: '整体调出旧区划、调入新区划', en: 'old zone out, new zone in' },
  whbh: { zh: '维护编号（WHBH）', en: 'Number (WHBH)' },
  sequence: { zh: '前缀 + 4 位序号', en: 'prefix + 4-digit sequence' },
  fixed: { zh: '统一文本（如批复文号）', en: 'one text (e.g. the approval number)' },
  whly: { zh: '维护原因（WHLY）', en: 'Reason (WHLY)' },
  write: { zh: '导出', en: 'Export' },
  cancel: { zh: '取消', en: 'Cancel' },
  writing: { zh: '正在导出变化图层', en: 'Writing the change layer' },
} satisfies Record<string, Bilingual>;

const FORMATS: { id: ChangeLayerOptions['format']; label: string }[] = [
  { id: 'shapefile', label: 'Shapefile (.zip)' },
  { id: 'geopackage', label: 'GeoPackage (.gpkg)' },
  { id: 'geojson', label: 'GeoJSON (RFC 7946)' },
];

/**
 * The change layer's options and its rows' reasons (WHLY, editable), then the `writeChangeLayer`
 * job and a save. Shown inside the compare dialog under its buttons.
 */
export function ChangeExportDialog({
  comparison,
  names,
  onDone,
}: {
  comparison: { a: ProjectDocument; b: ProjectDocument; result: CompareResult };
  names: ReadonlyMap<string, string>;
  onDone(): void;
}) {
  const { workbench, platform } = useWorkbench();
  const { lang } = useLang();
  const gkZone = comparison.b.settings.gkZone;
  const [format, setFormat] = useState<ChangeLayerOptions['format']>('shapefile');
  const [encoding, setEncoding] = useState<'gbk' | 'utf-8'>('gbk');
  const [epsg, setEpsg] = useState(4490);
  const [mode, setMode] = useState<WhlxGeometryChange>('parts');
  const [whbhMode, setWhbhMode] = useState<'sequence' | 'fixed'>('sequence');
  const [whbhText, setWhbhText] = useState(String(new Date().getFullYear()));
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const rows = useMemo(
    () => whlxChanges(comparison.result, comparison.a, comparison.b, mode),
    [comparison, mode],
  );
  const crsChoices = [4490, gaussKrugerEpsg(gkZone, 3, true), gaussKrugerEpsg(gkZone, 3, false)].filter(
    (c): c is number => c !== null,
  );

  const write = async () => {
    const options: ChangeLayerOptions = {
      format,
      epsg: format === 'geojson' ? 4490 : epsg,
      encoding,
      baseName: `${comparison.b.settings.name}-WHLX`,
      geometryChange: mode,
      whbh:
        whbhMode === 'sequence' ? { mode: 'sequence', prefix: whbhText } : { mode: 'fixed', text: whbhText },
      reasons,
    };
    const input = { result: comparison.result, a: comparison.a, b: comparison.b, options };
    const output = await withJob(workbench, T.writing, 'writeChangeLayer', input);
    if (!output) return;
    const saved: string[] = [];
    for (const file of output.files) {
      const filter = exportFilter(file.name, lang);
      const result = await platform
        .exportFile({
          handle: null,
          suggestedName: file.name,
          bytes: file.bytes,
          filters: filter ? [filter] : [],
        })
        .catch((e: unknown) => (workbench.reportError(e), null));
      if (result) saved.push(result.name);
    }
    if (saved.length) {
      const list = saved.join(', ');
      const details = output.warnings.length ? output.warnings : undefined;
      workbench.notify('info', { zh: `已导出 ${list}`, en: `Exported ${list}` }, details);
      onDone();
    }
  };

  return (
    <fieldset className="change-export">
      <legend>{T.title[lang]}</legend>
      <div className="area-statistics-controls">
        <label>
          {T.format[lang]}{' '}
          <select
            aria-label={T.format[lang]}
            value={format}
            onChange={(e) => setFormat(e.target.value as typeof format)}
          >
            {FORMATS.map((f) => (
              <option key={f.id} value={f.id}>
                {f.label}
              </option>
            ))}
          </select>
        </label>{' '}
        {format === 'shapefile' && (
          <label>
            {T.encoding[lang]}{' '}
            <select
              aria-label={T.encoding[lang]}
              value={encoding}
              onChange={(e) => setEncoding(e.target.value as typeof encoding)}
            >
              <option value="gbk">GBK</option>
              <option value="utf-8">UTF-8</option>
            </select>
          </label>
        )}{' '}
        {format !== 'geojson' && (
          <label>
            {T.crs[lang]}{' '}
            <select aria-label={T.crs[lang]} value={epsg} onChange={(e) => setEpsg(Number(e.target.value))}>
              {crsChoices.map((c) => (
                <option key={c} value={c}>{`EPSG:${c}`}</option>
              ))}
            </select>
          </label>
        )}
      </div>
      <div className="area-statistics-controls">
        <label>
          {T.geometry[lang]}{' '}
          <select
            aria-label={T.geometry[lang]}
            value={mode}
            onChange={(e) => setMode(e.target.value as WhlxGeometryChange)}
          >
            <option value="parts">{T.parts[lang]}</option>
            <option value="replace">{T.replace[lang]}</option>
          </select>
        </label>{' '}
        <label>
          {T.whbh[lang]}{' '}
          <select
            aria-label={T.whbh[lang]}
            value={whbhMode}
            onChange={(e) => setWhbhMode(e.target.value as typeof whbhMode)}
          >
            <option value="sequence">{T.sequence[lang]}</option>
            <option value="fixed">{T.fixed[lang]}</option>
          </select>{' '}
          <input
            aria-label={`${T.whbh[lang]} ${T[whbhMode][lang]}`}
            value={whbhText}
            maxLength={30}
            onChange={(e) => setWhbhText(e.target.value)}
          />
        </label>
      </div>
      <div className="change-export-rows">
        <table className="area-table" aria-label={T.whly[lang]}>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} data-testid="whlx-row" data-whlx={row.whlx}>
                <td>{`${row.whlx} ${CHANGE_TYPE_LABELS[row.whlx][lang]}`}</td>
                <td>{names.get(row.objectId) ?? row.objectId}</td>
                <td>{ZONE_TYPE_LABELS[row.zoneType][lang]}</td>
                <td>
                  <input
                    aria-label={T.whly[lang]}
                    maxLength={254}
                    value={reasons[row.key] ?? row.whly}
                    onChange={(e) => setReasons({ ...reasons, [row.key]: e.target.value })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="area-statistics-controls">
        <button type="button" onClick={() => void write()}>
          {T.write[lang]}
        </button>{' '}
        <button type="button" onClick={onDone}>
          {T.cancel[lang]}
        </button>
      </div>
    </fieldset>
  );
}

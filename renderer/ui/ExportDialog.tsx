import { useState } from 'react';
import type { Bilingual } from '../../shared/domain/labels';
import { ZONE_TYPES, ZONE_TYPE_LABELS, type ZoneType } from '../../shared/domain/taxonomy';
import { exportFiles } from '../editor/transfer';
import {
  databaseLayerOf,
  defaultExportChoice,
  type ExportChoice,
  type ExportScope,
} from '../editor/transferExportOptions';
import { EXPORT_FORMATS, FormatOptions } from './ExportDialogOptions';
import { ExportLintPanel, useExportLint } from './ExportDialogLint';
import { useEditorState } from './hooks/useEditorState';
import { useLang } from './hooks/useLang';
import { useModalDialog } from './hooks/useModalDialog';
import type { ProjectData } from './hooks/useProjectData';
import { useWorkbench } from './hooks/useWorkbench';

const HINTS: Partial<Record<ExportChoice['format'], Bilingual>> = {
  geojson: {
    zh: 'RFC 7946：CGCS2000/WGS84 经纬度，外环逆时针，7 位小数；面积为椭球面积。建设控制地带等外圈区划存储为外包范围（含内圈）。',
    en: 'RFC 7946: CGCS2000/WGS84 lon/lat, exterior rings counter-clockwise, 7 decimals; areas are ellipsoidal. Outer zones (e.g. CCZ) are stored as envelopes including the inner zones.',
  },
  'geojson-projected': {
    zh: '非标准：坐标为高斯-克吕格米制，文件中写明 crs；多数网络工具不接受。',
    en: 'Non-standard: Gauss-Krüger metres with a crs member; most web tools refuse it.',
  },
  shapefile: {
    zh: '打包为 .zip（.shp .shx .dbf .prj .cpg）；字段名不超过 10 字节。“完整字段（无损）”把超过 254 字节的文本完整另存于 _long.csv，其余方案截断并在提示中列出。',
    en: 'Zipped (.shp .shx .dbf .prj .cpg); field names of at most 10 bytes. “All fields (lossless)” keeps texts longer than 254 bytes whole in a _long.csv; the other profiles cut them and list where.',
  },
  dxf: {
    zh: '每种区划类型一个图层，闭合多段线，坐标为高斯-克吕格（X 东、Y 北）。',
    en: 'One layer per zone type, closed polylines, Gauss-Krüger coordinates (X east, Y north).',
  },
  table: {
    zh: '界址点 J1、J2…，X 为北坐标、Y 为东坐标；每环首尾点相同。',
    en: 'Points J1, J2…, X = northing, Y = easting; each ring repeats its first point.',
  },
};

const EXPORT_ANYWAY: Bilingual = { zh: '仍然导出', en: 'Export anyway' };

const SCOPES: { id: ExportScope; label: Bilingual }[] = [
  { id: 'all', label: { zh: '全部区划', en: 'All zones' } },
  { id: 'selectedZones', label: { zh: '选中的区划', en: 'Selected zones' } },
  { id: 'selectedObject', label: { zh: '选中保护对象的区划', en: 'Zones of the selected object' } },
];

/** Export the project, a zone-type subset or the selection, in any exchange format. */
export function ExportDialog({ open, onClose, data }: { open: boolean; onClose(): void; data: ProjectData }) {
  const { workbench, platform } = useWorkbench();
  const { lang, t } = useLang();
  const selection = useEditorState((s) => s.selection);
  const dialog = useModalDialog(open);
  const [options, setChoice] = useState(() => defaultExportChoice(data.project.settings.gkZone));
  // The zone follows the project setting until the planner types another one here.
  const [zoneOverride, setZoneOverride] = useState<number | null>(null);
  const choice = { ...options, gkZone: zoneOverride ?? data.project.settings.gkZone };
  const [chosenTypes, setChosenTypes] = useState<ReadonlySet<ZoneType> | null>(null);
  const update = ({ gkZone, ...patch }: Partial<ExportChoice>) => {
    if (gkZone !== undefined) setZoneOverride(gkZone);
    setChoice((c) => ({ ...c, ...patch }));
  };

  const present = ZONE_TYPES.filter((type) => data.zones.some((z) => z.attributes.zoneType === type));
  const selected = chosenTypes ?? new Set(present);
  const toggle = (type: ZoneType, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(type);
    else next.delete(type);
    setChosenTypes(next);
  };
  const inScope = data.zones.filter((z) =>
    choice.scope === 'all'
      ? true
      : choice.scope === 'selectedZones'
        ? selection.zoneIds.includes(z.id)
        : z.objectId === selection.objectId,
  );
  const count = inScope.filter((z) => selected.has(z.attributes.zoneType)).length;
  const all = present.every((type) => selected.has(type));
  const final = { ...choice, zoneTypes: all ? null : [...selected] };
  const lint = useExportLint(data, final, open);
  const start = () => {
    onClose();
    void exportFiles(workbench, platform, final);
  };
  const startLabel = lint.verdict === 'confirm' ? EXPORT_ANYWAY[lang] : t('exportStart');
  const hint = HINTS[choice.format];
  return (
    <dialog ref={dialog} onClose={onClose} aria-labelledby="export-title" className="modal">
      <h2 id="export-title">{t('exportDialogTitle')}</h2>
      {open && (
        <>
          <label className="field">
            <span>{t('exportFormat')}</span>
            <select
              aria-label={t('exportFormat')}
              value={choice.format}
              onChange={(e) => update({ format: e.target.value as ExportChoice['format'] })}
            >
              {EXPORT_FORMATS.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.label[lang]}
                </option>
              ))}
            </select>
          </label>
          <FormatOptions choice={choice} lang={lang} onChange={update} />
          <label className="field">
            <span>{t('exportScope')}</span>
            <select
              aria-label={t('exportScope')}
              value={choice.scope}
              onChange={(e) => update({ scope: e.target.value as ExportScope })}
            >
              {SCOPES.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label[lang]}
                </option>
              ))}
            </select>
          </label>
          <fieldset>
            <legend>{t('exportZoneTypes')}</legend>
            {present.map((type) => (
              <label key={type} className="check">
                <input
                  type="checkbox"
                  checked={selected.has(type)}
                  onChange={(e) => toggle(type, e.target.checked)}
                />
                {ZONE_TYPE_LABELS[type][lang]} (
                {data.zones.filter((z) => z.attributes.zoneType === type).length})
              </label>
            ))}
          </fieldset>
          {hint && <p className="hint">{hint[lang]}</p>}
          {databaseLayerOf(final) && <ExportLintPanel state={lint} lang={lang} />}
          <div className="dialog-buttons">
            <button type="button" onClick={onClose}>
              {t('cancel')}
            </button>
            <button
              type="button"
              className="primary"
              onClick={start}
              disabled={count === 0 || lint.running || lint.verdict === 'blocked'}
            >
              {startLabel} ({count})
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}

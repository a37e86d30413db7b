import type { Bilingual, Lang } from '../../shared/domain/labels';
import type { ProfileId } from '../../shared/formats/mapping/types';
import { gaussKrugerEpsg } from '../../shared/crs/definitions';
import { ZONE_RANGE } from '../../shared/crs/definitions';
import { crsLabel } from '../editor/transferCrs';
import { PROFILES as PROFILE_DEFINITIONS } from '../../shared/formats/profiles/profiles';
import { ExportCrsField } from './ExportDialogCrs';
import {
  databaseLayerOf,
  hasProfileAndCrs,
  isProjected,
  profileOf,
  type ExportChoice,
  type ExportChoiceFormat,
  type TableLayout,
} from '../editor/transferExportOptions';
import { text } from './i18n';

export const EXPORT_FORMATS: { id: ExportChoiceFormat; label: Bilingual }[] = [
  { id: 'geojson', label: { zh: 'GeoJSON（RFC 7946，经纬度）', en: 'GeoJSON (RFC 7946, lon/lat)' } },
  {
    id: 'geojson-projected',
    label: {
      zh: 'GeoJSON 高斯-克吕格坐标（非标准，专家）',
      en: 'GeoJSON in Gauss-Krüger metres (non-standard, expert)',
    },
  },
  { id: 'shapefile', label: { zh: 'Shapefile（.zip）', en: 'Shapefile (.zip)' } },
  { id: 'geopackage', label: { zh: 'GeoPackage（.gpkg）', en: 'GeoPackage (.gpkg)' } },
  { id: 'kml', label: { zh: 'KML', en: 'KML' } },
  { id: 'kmz', label: { zh: 'KMZ', en: 'KMZ' } },
  { id: 'dxf', label: { zh: 'DXF（CAD）', en: 'DXF (CAD)' } },
  { id: 'table', label: { zh: '界址点坐标表', en: 'Boundary point coordinate table' } },
];

const PROFILES: { id: ProfileId; label: Bilingual }[] = [
  { id: 'generic', label: { zh: '通用字段', en: 'Generic fields' } },
  { id: 'lswhbhx', label: { zh: 'LSWHBHX 历史文化保护线', en: 'LSWHBHX heritage protection line' } },
  { id: 'zxcqcszx', label: { zh: 'ZXCQCSZX 城市紫线', en: 'ZXCQCSZX purple line' } },
  { id: 'full', label: { zh: '完整字段（无损）', en: 'All fields (lossless)' } },
];

const YSDM_LABEL: Bilingual = { zh: '要素代码 YSDM', en: 'Element code (YSDM)' };

const TABLE_LAYOUTS: { id: TableLayout; label: Bilingual }[] = [
  { id: 'coordinate-txt', label: { zh: '文本交换格式（.txt）', en: 'Exchange text (.txt)' } },
  { id: 'csv', label: { zh: 'CSV', en: 'CSV' } },
  { id: 'xlsx', label: { zh: 'Excel（.xlsx）', en: 'Excel (.xlsx)' } },
];

function Select<T extends string>({
  label,
  value,
  options,
  lang,
  onChange,
}: {
  label: string;
  value: T;
  options: { id: T; label: Bilingual | string }[];
  lang: Lang;
  onChange(value: T): void;
}) {
  return (
    <label className="field">
      <span>{label}</span>
      <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {typeof o.label === 'string' ? o.label : o.label[lang]}
          </option>
        ))}
      </select>
    </label>
  );
}

function Check({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange(v: boolean): void;
}) {
  return (
    <label className="check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}

/** The options that apply to the chosen format; nothing else is shown. */
export function FormatOptions({
  choice,
  lang,
  onChange,
}: {
  choice: ExportChoice;
  lang: Lang;
  onChange(patch: Partial<ExportChoice>): void;
}) {
  const f = choice.format;
  const encodings = [
    { id: 'gbk' as const, label: 'GBK' },
    { id: 'utf-8' as const, label: 'UTF-8' },
  ];
  const epsg = gaussKrugerEpsg(choice.gkZone, 3, choice.zonePrefix);
  const database = databaseLayerOf(choice);
  return (
    <>
      {f === 'table' && (
        <Select
          label={text('exportTableLayout', lang)}
          value={choice.tableLayout}
          options={TABLE_LAYOUTS}
          lang={lang}
          onChange={(tableLayout) => onChange({ tableLayout })}
        />
      )}
      {(f === 'shapefile' || f === 'dxf' || (f === 'table' && choice.tableLayout !== 'xlsx')) && (
        <Select
          label={text('exportEncoding', lang)}
          value={choice.encoding}
          options={encodings}
          lang={lang}
          onChange={(encoding) => onChange({ encoding })}
        />
      )}
      {hasProfileAndCrs(f) && (
        <>
          <Select
            label={text('exportProfile', lang)}
            value={profileOf(choice)}
            options={PROFILES}
            lang={lang}
            onChange={(profile) => onChange({ profile })}
          />
          <ExportCrsField
            epsg={choice.epsg}
            projectZone={choice.gkZone}
            lang={lang}
            onChange={(epsg) => onChange({ epsg })}
          />
        </>
      )}
      {database && (
        <label className="field">
          <span>{YSDM_LABEL[lang]}</span>
          <input
            aria-label={YSDM_LABEL[lang]}
            value={choice.ysdm}
            placeholder={PROFILE_DEFINITIONS[profileOf(choice)].ysdm ?? ''}
            inputMode="numeric"
            maxLength={10}
            onChange={(e) => onChange({ ysdm: e.target.value.replace(/\D/g, '') })}
          />
        </label>
      )}
      {isProjected(f) && (
        <>
          <label className="field">
            <span>{text('exportGkZone', lang)}</span>
            <input
              type="number"
              aria-label={text('exportGkZone', lang)}
              min={ZONE_RANGE[3].min}
              max={ZONE_RANGE[3].max}
              value={choice.gkZone}
              onChange={(e) => {
                const zone = Number(e.target.value);
                if (Number.isInteger(zone) && zone >= ZONE_RANGE[3].min && zone <= ZONE_RANGE[3].max)
                  onChange({ gkZone: zone });
              }}
            />
            <span className="hint" data-testid="export-crs">
              {epsg ? crsLabel(epsg, lang) : ''}
            </span>
          </label>
          <Check
            label={text('exportZonePrefix', lang)}
            checked={choice.zonePrefix}
            onChange={(zonePrefix) => onChange({ zonePrefix })}
          />
          <label className="field">
            <span>{text('exportDecimals', lang)}</span>
            <input
              type="number"
              aria-label={text('exportDecimals', lang)}
              min={2}
              max={4}
              value={choice.decimals}
              onChange={(e) => {
                // Survey coordinates: 2–4 decimals of a metre (cm to 0.1 mm).
                const decimals = Number(e.target.value);
                if (Number.isInteger(decimals) && decimals >= 2 && decimals <= 4) onChange({ decimals });
              }}
            />
          </label>
        </>
      )}
      {f === 'dxf' && (
        <Check
          label={text('exportVertexLabels', lang)}
          checked={choice.vertexLabels}
          onChange={(vertexLabels) => onChange({ vertexLabels })}
        />
      )}
    </>
  );
}

import type { Bilingual, Lang } from '../../shared/domain/labels';
import { gaussKrugerCrs } from '../../shared/crs/definitions';
import { CrsOptions } from './CrsOptions';

const LABEL: Bilingual = { zh: '坐标系', en: 'Coordinate system' };

/** What the file's coordinates will be, and which area GDAL or QGIS reads from them. */
function crsHint(epsg: number, lang: Lang): string {
  const gk = gaussKrugerCrs(epsg);
  if (epsg === 4490 || epsg === 4326)
    return lang === 'zh'
      ? '经纬度（度）；面积字段为椭球面积'
      : 'Longitude/latitude (degrees); area fields are ellipsoidal';
  if (gk)
    return lang === 'zh'
      ? `高斯-克吕格平面坐标（米，${gk.prefixed ? '东坐标含带号' : '东坐标不含带号'}），.prj 与坐标系一致；GIS 量得平面面积，面积字段仍为椭球面积`
      : `Gauss-Krüger metres (${gk.prefixed ? 'eastings with the zone number' : 'eastings without the zone number'}), .prj to match; GIS tools measure the planar area, area fields stay ellipsoidal`;
  return lang === 'zh' ? '投影坐标（米）' : 'Projected metres';
}

/**
 * The CRS of a Shapefile or GeoPackage: CGCS2000 lon/lat by default, the project's 3° zone with
 * or without the zone prefix next, then every other bundled system.
 */
export function ExportCrsField({
  epsg,
  projectZone,
  lang,
  onChange,
}: {
  epsg: number;
  projectZone: number;
  lang: Lang;
  onChange(epsg: number): void;
}) {
  return (
    <label className="field">
      <span>{LABEL[lang]}</span>
      <select
        aria-label={LABEL[lang]}
        value={String(epsg)}
        onChange={(e) => onChange(Number(e.target.value))}
      >
        <CrsOptions projectZone={projectZone} lang={lang} oldDatums={false} />
      </select>
      <span className="hint" data-testid="export-crs-hint">
        {crsHint(epsg, lang)}
      </span>
    </label>
  );
}

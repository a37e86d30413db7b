import type { Bilingual } from '../domain/labels';
import type { BackgroundSource } from '../domain/backgrounds';

/**
 * 天地图 (National Platform for Common GeoSpatial Information Services) as presets: three base
 * maps, each with its annotation layer drawn on top, in two matrix sets: `w` (Web Mercator) and
 * `c` (CGCS2000 longitude/latitude). Tiles come from t0…t7 over WMTS KVP with the planner's own
 * key as `tk`, which is kept in local settings and appears in the template only as `{key}`.
 */
export const TIANDITU_BASES = [
  { layer: 'img', annotation: 'cia', label: { zh: '天地图影像', en: 'Tianditu imagery' }, maxZoom: 18 },
  { layer: 'vec', annotation: 'cva', label: { zh: '天地图矢量', en: 'Tianditu vector' }, maxZoom: 18 },
  { layer: 'ter', annotation: 'cta', label: { zh: '天地图地形', en: 'Tianditu terrain' }, maxZoom: 14 },
] as const satisfies readonly { layer: string; annotation: string; label: Bilingual; maxZoom: number }[];

export type TiandituLayer = (typeof TIANDITU_BASES)[number]['layer' | 'annotation'];
export type TiandituMatrixSet = 'w' | 'c';

export const TIANDITU_ANNOTATION_LABEL: Bilingual = { zh: '注记', en: 'labels' };

/** The WMTS KVP template of one 天地图 layer in one matrix set. */
export function tiandituTemplate(layer: TiandituLayer, set: TiandituMatrixSet): string {
  return (
    `https://t{0-7}.tianditu.gov.cn/${layer}_${set}/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0` +
    `&LAYER=${layer}&STYLE=default&TILEMATRIXSET=${set}&FORMAT=tiles` +
    '&TILEMATRIX={TileMatrix}&TILEROW={TileRow}&TILECOL={TileCol}&tk={key}'
  );
}

/** The background sources of one preset: the base map, then (optionally) its annotation layer. */
export function tiandituSources(
  base: (typeof TIANDITU_BASES)[number],
  set: TiandituMatrixSet,
  withAnnotation: boolean,
): { name: Bilingual; source: BackgroundSource }[] {
  const suffix = set === 'w' ? '（球面墨卡托）' : '（CGCS2000 经纬度）';
  const suffixEn = set === 'w' ? ' (Web Mercator)' : ' (CGCS2000 lon/lat)';
  const layers = withAnnotation ? [base.layer, base.annotation] : [base.layer];
  return layers.map((layer, i) => ({
    name: {
      zh: `${base.label.zh}${i ? TIANDITU_ANNOTATION_LABEL.zh : ''}${suffix}`,
      en: `${base.label.en}${i ? ` ${TIANDITU_ANNOTATION_LABEL.en}` : ''}${suffixEn}`,
    },
    source: {
      kind: 'wmts',
      template: tiandituTemplate(layer, set),
      layer,
      matrixSet: set,
      style: 'default',
      format: 'tiles',
      keyId: 'tianditu',
    },
  }));
}

/** Where a planner applies for a key (服务器端 key: browser keys with a domain whitelist fail). */
export const TIANDITU_KEY_HELP: Bilingual = {
  zh: '在 https://console.tianditu.gov.cn 申请“服务器端”密钥。带域名白名单的“浏览器端”密钥会被拒绝（本程序不发送来源地址）。',
  en: 'Apply for a "server" key at https://console.tianditu.gov.cn. A "browser" key with a domain whitelist is refused (this program sends no referrer).',
};

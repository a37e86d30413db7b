import type { BackgroundSource } from '../../../shared/domain/backgrounds';
import type { Bilingual } from '../../../shared/domain/labels';
import type { TIANDITU_BASES } from '../../../shared/tiles/tianditu';
import { tiandituSources, type TiandituMatrixSet } from '../../../shared/tiles/tianditu';
import { KNOWN_MATRIX_SETS } from '../../../shared/tiles/tileGrids';
import { checkTileTemplate, expandTileTemplate, serviceKeyId } from '../../../shared/tiles/tileTemplate';

/** A tile service ready to store: its description (key only as `{key}`) and the origins it needs. */
export interface NewTileService {
  name: string;
  source: BackgroundSource;
  origins: string[];
}

/** What the dialog adds: the services, and a key to keep in local settings (never in the project). */
export interface PreparedServices {
  services: NewTileService[];
  key?: { keyId: string; key: string };
}

export type Prepared = { ok: true; value: PreparedServices } | { ok: false; cause: Bilingual };

export interface TemplateForm {
  name: string;
  template: string;
  /** Rows counted from the bottom (TMS) although the template says `{y}`. */
  tms: boolean;
  projection: 'EPSG:3857' | 'EPSG:4490';
  /** For a WMTS template: the matrix set it uses (w, c, GoogleMapsCompatible). */
  matrixSet: string;
  key: string;
}

const keyMissing: Bilingual = {
  zh: '该地址需要密钥 {key}：请填写密钥',
  en: 'This address needs a key ({key}): enter the key',
};

function keyed(keyId: string, key: string): PreparedServices['key'] {
  return key.trim() ? { keyId, key: key.trim() } : undefined;
}

/** An XYZ/TMS or WMTS template typed or pasted by the planner; a pasted key moves to the key field. */
export function prepareTemplate(form: TemplateForm): Prepared {
  const check = checkTileTemplate(form.template);
  if (!check.ok) return { ok: false, cause: check.problem.cause };
  const { template, encoding, origins, pastedKey } = check.value;
  const keyId = serviceKeyId(origins);
  const key = form.key.trim() || pastedKey || '';
  if (template.includes('{key}') && !key) return { ok: false, cause: keyMissing };
  const name = form.name.trim() || new URL(origins[0]!).hostname;
  const withKey = template.includes('{key}') ? { keyId } : {};
  if (encoding === 'xyz') {
    const source: BackgroundSource = {
      kind: 'xyz',
      template,
      tms: form.tms,
      minZoom: 0,
      maxZoom: 18,
      projection: form.projection,
      ...withKey,
    };
    return { ok: true, value: { services: [{ name, source, origins }], key: keyed(keyId, key) } };
  }
  const matrixSet = form.matrixSet || (/TILEMATRIXSET=(\w+)/i.exec(template)?.[1] ?? '');
  if (!KNOWN_MATRIX_SETS[matrixSet])
    return {
      ok: false,
      cause: {
        zh: `WMTS 模板需要已知的矩阵集（w、c、GoogleMapsCompatible），或改用能力文档地址：${matrixSet || '未填写'}`,
        en: `A WMTS template needs a known matrix set (w, c, GoogleMapsCompatible), or use the capabilities URL: ${matrixSet || 'none given'}`,
      },
    };
  const layer = /[?&]LAYER=([^&]+)/i.exec(template)?.[1] ?? name;
  const source: BackgroundSource = {
    kind: 'wmts',
    template,
    layer: decodeURIComponent(layer),
    matrixSet,
    style: 'default',
    format: 'image/png',
    ...withKey,
  };
  return { ok: true, value: { services: [{ name, source, origins }], key: keyed(keyId, key) } };
}

/** A 天地图 base map (and its annotation layer) in one matrix set, with the planner's own key. */
export function prepareTianditu(
  base: (typeof TIANDITU_BASES)[number],
  set: TiandituMatrixSet,
  annotation: boolean,
  key: string,
  lang: 'zh' | 'en',
): Prepared {
  if (!key.trim())
    return { ok: false, cause: { zh: '请填写天地图密钥（tk）', en: 'Enter your Tianditu key (tk)' } };
  const services = tiandituSources(base, set, annotation).map(({ name, source }) => {
    const template = source.kind === 'wmts' ? source.template! : '';
    return { name: name[lang], source, origins: originsOf(template) };
  });
  return { ok: true, value: { services, key: { keyId: 'tianditu', key: key.trim() } } };
}

/** A WMTS layer chosen from a capabilities document (a county 一张图 service). */
export function prepareCapabilities(
  capabilitiesUrl: string,
  choice: {
    layer: string;
    title: string;
    matrixSet: string;
    format: string;
    style: string;
    tileTemplates: string[];
  },
  key: string,
): Prepared {
  const check = checkTileTemplate(capabilitiesUrl, { requireTiles: false });
  if (!check.ok) return { ok: false, cause: check.problem.cause };
  const keyId = serviceKeyId(check.value.origins);
  const givenKey = key.trim() || check.value.pastedKey || '';
  const origins = [...new Set([...check.value.origins, ...choice.tileTemplates.flatMap(originsOf)])];
  const source: BackgroundSource = {
    kind: 'wmts',
    capabilitiesUrl: check.value.template,
    tileOrigins: origins.filter((o) => !check.value.origins.includes(o)),
    layer: choice.layer,
    matrixSet: choice.matrixSet,
    style: choice.style,
    format: choice.format,
    ...(check.value.template.includes('{key}') && { keyId }),
  };
  return {
    ok: true,
    value: { services: [{ name: choice.title, source, origins }], key: keyed(keyId, givenKey) },
  };
}

function originsOf(template: string): string[] {
  return [
    ...new Set(expandTileTemplate(template).map((url) => new URL(url.replace(/\{[^{}]*\}/g, '0')).origin)),
  ];
}

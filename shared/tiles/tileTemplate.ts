import type { Bilingual } from '../domain/labels';
import { isTileOrigin } from '../security/csp';
import { TEMPLATE_PROBLEMS, type TemplateProblemCode } from './templateProblems';

/**
 * Tile URL templates as real services publish them: XYZ in any order (`{z}/{x}/{y}`, ArcGIS's
 * `{z}/{y}/{x}`, 天地图 DataServer's `x={x}&y={y}&l={z}`), TMS with `{-y}`, WMTS REST
 * (`{TileMatrix}/{TileRow}/{TileCol}`) and WMTS KVP (`REQUEST=GetTile&TILEMATRIX={TileMatrix}…`),
 * host rotation with `{s}`, `{a-c}` or `{0-7}`, and our `{key}` for a service key kept in local
 * settings. Anything else is refused with the cause, so a mistyped template never reaches the
 * map or the page's security policy.
 */
export type TileEncoding = 'xyz' | 'wmts-rest' | 'wmts-kvp';

export interface TileTemplate {
  /** The template to store: a pasted key is replaced by `{key}`. */
  template: string;
  encoding: TileEncoding;
  /** The exact origins the tiles come from (one per rotated host), for the security policy. */
  origins: string[];
  /** The query parameter that carries the key (`tk` for 天地图), when the template has one. */
  keyParam?: string;
  /** A key that was pasted into the URL; the caller stores it locally, never in the project. */
  pastedKey?: string;
}

export interface TemplateProblem {
  code: TemplateProblemCode;
  params: Record<string, string>;
  cause: Bilingual;
}

export type TemplateCheck = { ok: true; value: TileTemplate } | { ok: false; problem: TemplateProblem };

export const MAX_TEMPLATE_LENGTH = 2000;
/** Query parameters that carry a secret key in the services planners use (天地图 tk, token, key). */
const KEY_PARAMS = ['tk', 'key', 'token', 'access_token', 'apikey', 'api_key', 'ak'];
const XYZ = ['z', 'x', 'y', '-y'];
const WMTS = ['tilematrix', 'tilerow', 'tilecol'];
const WMTS_EXTRA = ['tilematrixset', 'style'];
const DEFAULT_SUBDOMAINS = ['a', 'b', 'c'];

function problem(code: TemplateProblemCode, params: Record<string, string> = {}): TemplateCheck {
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? `{${k}}`);
  const wording = TEMPLATE_PROBLEMS[code];
  return { ok: false, problem: { code, params, cause: { zh: fill(wording.zh), en: fill(wording.en) } } };
}

/** The URLs a template rotates over: `{s}` with the subdomains, or one `{a-c}` / `{0-7}` range. */
export function expandTileTemplate(
  template: string,
  subdomains: readonly string[] = DEFAULT_SUBDOMAINS,
): string[] {
  if (template.includes('{s}')) return subdomains.map((s) => template.replaceAll('{s}', s));
  const letters = /\{([a-z])-([a-z])\}/.exec(template);
  const digits = /\{(\d)-(\d)\}/.exec(template);
  const range = letters ?? digits;
  if (!range) return [template];
  const [from, to] = letters
    ? [range[1]!.charCodeAt(0), range[2]!.charCodeAt(0)]
    : [Number(range[1]), Number(range[2])];
  const urls: string[] = [];
  for (let i = from; i <= to; i++) {
    urls.push(template.replace(range[0], letters ? String.fromCharCode(i) : String(i)));
  }
  return urls;
}

/** Move a pasted key (`tk=abc…`) out of the query; the template keeps `tk={key}`. */
function extractKey(template: string): { template: string; keyParam?: string; pastedKey?: string } {
  const query = template.indexOf('?');
  if (query < 0) return { template };
  const pairs = template.slice(query + 1).split('&');
  let keyParam: string | undefined;
  let pastedKey: string | undefined;
  const kept = pairs.map((pair) => {
    const eq = pair.indexOf('=');
    const name = eq < 0 ? pair : pair.slice(0, eq);
    if (!KEY_PARAMS.includes(name.toLowerCase())) return pair;
    const value = eq < 0 ? '' : pair.slice(eq + 1);
    keyParam = name;
    if (value !== '{key}' && value !== '') pastedKey = safeDecode(value);
    return `${name}={key}`;
  });
  return { template: `${template.slice(0, query)}?${kept.join('&')}`, keyParam, pastedKey };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The placeholders used, lower-cased (`{-y}` as `-y`), excluding host rotation. */
function placeholders(template: string): string[] {
  return [...template.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]!);
}

/**
 * Check a tile URL template and say what it is. `keys: 'refuse'` (the project settings' basemap
 * URL, which travels inside project files) refuses a pasted key instead of moving it.
 */
export function checkTileTemplate(
  input: string,
  options: { subdomains?: readonly string[]; keys?: 'move' | 'refuse'; requireTiles?: boolean } = {},
): TemplateCheck {
  const raw = input.trim();
  if (!raw) return problem('template_empty');
  if (raw.length > MAX_TEMPLATE_LENGTH)
    return problem('template_too_long', { max: String(MAX_TEMPLATE_LENGTH) });
  if (/[\s"'<>\\^`|]/.test(raw)) return problem('template_characters');
  const { template, keyParam, pastedKey } = extractKey(raw.replace(/#.*$/, ''));
  if (pastedKey !== undefined && options.keys === 'refuse')
    return problem('template_key_pasted', { param: keyParam! });

  const used = placeholders(template);
  const known = new Set([...XYZ, ...WMTS, ...WMTS_EXTRA, 'key', 's']);
  for (const name of used) {
    if (known.has(name.toLowerCase()) || /^[a-z]-[a-z]$|^\d-\d$/.test(name)) continue;
    return problem('template_unknown_placeholder', { name: `{${name}}` });
  }
  const lower = new Set(used.map((n) => n.toLowerCase()));
  const hasXyz = XYZ.some((n) => lower.has(n));
  const hasWmts = WMTS.some((n) => lower.has(n));
  if (hasXyz && hasWmts) return problem('template_mixed');
  const requireTiles = options.requireTiles ?? true;
  if (requireTiles && hasWmts && !WMTS.every((n) => lower.has(n)))
    return problem('template_missing_placeholders', { names: '{TileMatrix} {TileRow} {TileCol}' });
  if (requireTiles && !hasWmts && !(lower.has('z') && lower.has('x') && (lower.has('y') || lower.has('-y'))))
    return problem('template_missing_placeholders', { names: '{z} {x} {y}' });

  const urls = expandTileTemplate(template, options.subdomains);
  const origins: string[] = [];
  for (const url of urls) {
    let parsed: URL;
    try {
      parsed = new URL(url.replace(/\{[^{}]*\}/g, '0'));
    } catch {
      return problem('template_not_url');
    }
    if (parsed.username || parsed.password) return problem('template_credentials');
    if (!isTileOrigin(parsed.origin)) return problem('template_scheme', { origin: parsed.origin });
    if (!origins.includes(parsed.origin)) origins.push(parsed.origin);
  }
  const query = template.includes('?') ? template.slice(template.indexOf('?')).toLowerCase() : '';
  const encoding: TileEncoding = !hasWmts
    ? 'xyz'
    : /[?&]request=gettile\b/.test(query)
      ? 'wmts-kvp'
      : 'wmts-rest';
  return {
    ok: true,
    value: { template, encoding, origins, ...(keyParam && { keyParam }), ...(pastedKey && { pastedKey }) },
  };
}

export interface TileValues {
  z: number;
  x: number;
  y: number;
  /** The largest row at this zoom (for `{-y}`). */
  maxY?: number;
  /** WMTS matrix identifier at this zoom (for `{TileMatrix}`). */
  tileMatrix?: string;
  tileMatrixSet?: string;
  style?: string;
  key?: string;
}

/** One tile's URL from one (already expanded) template. */
export function fillTileTemplate(template: string, v: TileValues): string {
  return template.replace(/\{([^{}]*)\}/g, (whole, name: string) => {
    switch (name.toLowerCase()) {
      case 'z':
        return String(v.z);
      case 'x':
      case 'tilecol':
        return String(v.x);
      case 'y':
      case 'tilerow':
        return String(v.y);
      case '-y':
        if (v.maxY === undefined) throw new Error('{-y} needs the tile grid extent');
        return String(v.maxY - v.y);
      case 'tilematrix':
        return encodeURIComponent(v.tileMatrix ?? String(v.z));
      case 'tilematrixset':
        return encodeURIComponent(v.tileMatrixSet ?? '');
      case 'style':
        return encodeURIComponent(v.style ?? 'default');
      case 'key':
        return encodeURIComponent(v.key ?? '');
      default:
        return whole;
    }
  });
}

/**
 * Which local key a template's `{key}` stands for: one key for all 天地图 hosts, otherwise one per
 * host and port, so the same key is not asked for twice and the project only ever names the id.
 */
export function serviceKeyId(origins: readonly string[]): string {
  const url = origins[0] ? new URL(origins[0]) : null;
  const host = url?.hostname ?? 'service';
  if (/(^|\.)tianditu\.gov\.cn$/.test(host)) return 'tianditu';
  return url?.port ? `${host}-${url.port}` : host;
}

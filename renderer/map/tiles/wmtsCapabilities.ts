import WMTSCapabilities from 'ol/format/WMTSCapabilities';
import { get as getProjection } from 'ol/proj';
import { optionsFromCapabilities } from 'ol/source/WMTS';
import type WMTSTileGrid from 'ol/tilegrid/WMTS';
import type { Bilingual } from '../../../shared/domain/labels';
import { MAX_CAPABILITIES_BYTES, capabilitiesProblem } from '../../../shared/tiles/capabilitiesText';

export class ServiceProblem extends Error {
  constructor(readonly reason: Bilingual) {
    super(reason.en);
  }
}

/** Read a response's text, stopping at `max` bytes (a declared length may lie). */
async function limitedText(response: Response, max: number): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? 0);
  const tooLarge = new ServiceProblem({
    zh: `能力文档超过 ${max / 1024 / 1024} MB`,
    en: `The capabilities document is larger than ${max / 1024 / 1024} MB`,
  });
  if (declared > max) throw tooLarge;
  const reader = response.body?.getReader();
  if (!reader) return response.text();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      throw tooLarge;
    }
    parts.push(value);
  }
  return new TextDecoder().decode(await new Blob(parts as BlobPart[]).arrayBuffer());
}

/** Fetch and parse a GetCapabilities document, refusing what is not safe or not WMTS. */
export async function fetchCapabilities(url: string, signal?: AbortSignal): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { signal, mode: 'cors', credentials: 'omit', referrerPolicy: 'no-referrer' });
  } catch {
    throw new ServiceProblem({
      zh: '无法连接该服务（离线、服务器不允许跨域，或该地址未被允许）',
      en: 'Cannot reach the service (offline, cross-origin refused, or the address is not allowed)',
    });
  }
  if (!response.ok)
    throw new ServiceProblem(
      response.status === 401 || response.status === 403
        ? {
            zh: `密钥无效或无权限 (HTTP ${response.status})`,
            en: `Key invalid or no permission (HTTP ${response.status})`,
          }
        : { zh: `服务返回 HTTP ${response.status}`, en: `The service answered HTTP ${response.status}` },
    );
  return parseCapabilities(await limitedText(response, MAX_CAPABILITIES_BYTES));
}

export function parseCapabilities(text: string): unknown {
  const problem = capabilitiesProblem(text);
  if (problem) throw new ServiceProblem(problem);
  return new WMTSCapabilities().read(text);
}

/** The layers and matrix sets a capabilities document offers, for the planner to choose from. */
export interface OfferedLayer {
  id: string;
  title: string;
  matrixSets: string[];
  formats: string[];
}

interface CapsShape {
  Contents?: {
    Layer?: {
      Identifier: string;
      Title?: string;
      TileMatrixSetLink?: { TileMatrixSet: string }[];
      Format?: string[];
    }[];
    TileMatrixSet?: {
      Identifier: string;
      SupportedCRS?: string;
      TileMatrix: { TopLeftCorner: number[] }[];
    }[];
  };
}

export function offeredLayers(capabilities: unknown): OfferedLayer[] {
  const layers = (capabilities as CapsShape).Contents?.Layer ?? [];
  return layers.map((l) => ({
    id: l.Identifier,
    title: l.Title || l.Identifier,
    matrixSets: (l.TileMatrixSetLink ?? []).map((m) => m.TileMatrixSet),
    formats: l.Format ?? [],
  }));
}

/** The EPSG number in `EPSG:4490`, `urn:ogc:def:crs:EPSG::4490`, `…/def/crs/EPSG/0/4490`. */
function epsgOf(crs: string): number | null {
  const match = /EPSG(?::[\d.]*)?[:/](?:0\/)?(\d+)$/i.exec(crs.trim());
  return match ? Number(match[1]) : null;
}

/**
 * Put every TopLeftCorner east-first and name each CRS by a code whose axes OpenLayers takes as
 * east, north. OGC URNs mean the EPSG axis order (north first for 4490, 4326 and the GK zones),
 * but servers differ: some write `90 -180`, some `-180 90` under the same URN. For geographic
 * systems the corner itself says which is which; otherwise the URN form decides.
 */
export function normalizeCorners(capabilities: unknown): void {
  for (const set of (capabilities as CapsShape).Contents?.TileMatrixSet ?? []) {
    const crs = set.SupportedCRS ?? '';
    const code = epsgOf(crs);
    if (code === null) continue;
    const eastFirstCode = code === 4326 ? 'CRS:84' : `EPSG:${code}`;
    const projection = getProjection(eastFirstCode);
    if (!projection) continue;
    const geographic = projection.getUnits() === 'degrees';
    const urnOrder = /^urn:|\/def\/crs\//i.test(crs);
    const northFirstByCode = (code >= 4491 && code <= 4554) || (code >= 2327 && code <= 2442);
    // OpenLayers swaps the corner itself for a projection declared north-first.
    const olSwaps = projection.getAxisOrientation().startsWith('ne');
    for (const matrix of set.TileMatrix) {
      const [a, b] = matrix.TopLeftCorner as [number, number];
      const northFirst = geographic
        ? Math.abs(b) > 90 || (Math.abs(a) <= 90 && urnOrder)
        : urnOrder && northFirstByCode;
      const east = northFirst ? [b, a] : [a, b];
      matrix.TopLeftCorner = olSwaps ? [east[1]!, east[0]!] : east;
    }
    set.SupportedCRS = eastFirstCode;
  }
}

export interface WmtsChoice {
  urls: string[];
  requestEncoding: 'KVP' | 'REST';
  tileGrid: WMTSTileGrid;
  projection: string;
  format: string;
  style: string;
  matrixSet: string;
  dimensions: Record<string, string>;
  wrapX: boolean;
}

/** OpenLayers' reading of one layer in one matrix set, or the reason it cannot be shown. */
export function chooseLayer(capabilities: unknown, layer: string, matrixSet: string): WmtsChoice {
  let options: ReturnType<typeof optionsFromCapabilities> = null;
  try {
    normalizeCorners(capabilities);
    options = optionsFromCapabilities(capabilities as object, { layer, matrixSet });
  } catch {
    // A document missing what WMTS requires (Style, Format, TileMatrix fields): said below.
  }
  if (!options || !options.tileGrid || !options.urls?.length)
    throw new ServiceProblem({
      zh: `能力文档中没有图层 ${layer} 的矩阵集 ${matrixSet}，或其坐标系未知`,
      en: `The capabilities have no matrix set ${matrixSet} for layer ${layer}, or its coordinate system is unknown`,
    });
  const projection = getProjection(options.projection ?? 'EPSG:3857');
  return {
    urls: options.urls,
    requestEncoding: options.requestEncoding === 'REST' ? 'REST' : 'KVP',
    tileGrid: options.tileGrid as WMTSTileGrid,
    projection: projection?.getCode() ?? 'EPSG:3857',
    format: options.format ?? 'image/png',
    style: options.style ?? 'default',
    matrixSet: options.matrixSet,
    dimensions: (options.dimensions ?? {}) as Record<string, string>,
    wrapX: options.wrapX ?? false,
  };
}

/** The tile URL templates of a choice, in our template language. */
export function choiceTemplates(choice: WmtsChoice, layer: string): string[] {
  if (choice.requestEncoding === 'REST')
    return choice.urls.map((url) =>
      url.replace(/\{(\w+)\}/g, (whole, name: string) => {
        const dimension = Object.keys(choice.dimensions).find((d) => d.toLowerCase() === name.toLowerCase());
        return dimension ? encodeURIComponent(choice.dimensions[dimension]!) : whole;
      }),
    );
  const params =
    `SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${encodeURIComponent(layer)}` +
    `&STYLE=${encodeURIComponent(choice.style)}&TILEMATRIXSET=${encodeURIComponent(choice.matrixSet)}` +
    `&FORMAT=${encodeURIComponent(choice.format)}&TILEMATRIX={TileMatrix}&TILEROW={TileRow}&TILECOL={TileCol}`;
  return choice.urls.map((url) => {
    const base = url.replace(/[?&]+$/, '');
    return `${base}${base.includes('?') ? '&' : '?'}${params}`;
  });
}

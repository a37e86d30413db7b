import { get as getProjection } from 'ol/proj';
import { createXYZ } from 'ol/tilegrid';
import WMTSTileGrid from 'ol/tilegrid/WMTS';
import type { BackgroundSource } from '../../../shared/domain/backgrounds';
import { KNOWN_MATRIX_SETS, TIANDITU_C, type GridDef } from '../../../shared/tiles/tileGrids';
import { checkTileTemplate, expandTileTemplate } from '../../../shared/tiles/tileTemplate';
import type { TileServiceSpec } from './tileServiceSource';
import { ServiceProblem, chooseLayer, choiceTemplates, fetchCapabilities } from './wmtsCapabilities';

type XyzSource = Extract<BackgroundSource, { kind: 'xyz' }>;
type WmtsSource = Extract<BackgroundSource, { kind: 'wmts' }>;

function gridOf(def: GridDef): WMTSTileGrid {
  return new WMTSTileGrid({
    origin: def.origin,
    extent: def.extent,
    resolutions: def.resolutions,
    matrixIds: def.matrixIds,
    tileSize: def.tileSize,
  });
}

/** The checked, expanded templates of a stored template (refused ones say why). */
function templates(template: string): string[] {
  const check = checkTileTemplate(template);
  if (!check.ok) throw new ServiceProblem(check.problem.cause);
  return expandTileTemplate(check.value.template);
}

function needKey(urls: readonly string[], key: string | null): void {
  if (key === null && urls.some((u) => u.includes('{key}')))
    throw new ServiceProblem({
      zh: '缺少服务密钥：请在“添加瓦片服务”中重新填写密钥',
      en: 'The service key is missing: enter it again under "Add tile service"',
    });
}

export function xyzSpec(source: XyzSource, key: string | null): TileServiceSpec {
  const urls = templates(source.template);
  needKey(urls, key);
  if (source.projection === 'EPSG:4490') {
    // Geographic XYZ (天地图 DataServer `_c`): levels named 1…18 on the CGCS2000 grid.
    return {
      urls,
      tileGrid: gridOf(TIANDITU_C),
      projection: 'EPSG:4490',
      matrixIds: TIANDITU_C.matrixIds,
      key,
    };
  }
  const tileGrid = createXYZ({
    extent: getProjection('EPSG:3857')!.getExtent(),
    minZoom: source.minZoom,
    maxZoom: source.maxZoom,
  });
  return { urls, tileGrid, projection: 'EPSG:3857', tms: source.tms, key };
}

/** Put the key into a capabilities URL (its `{key}`), for the one request that reads it. */
function withKey(url: string, key: string | null): string {
  return url.replace(/\{key\}/g, encodeURIComponent(key ?? ''));
}

export async function wmtsSpec(
  source: WmtsSource,
  key: string | null,
  signal?: AbortSignal,
): Promise<TileServiceSpec> {
  if (source.template) {
    const grid = KNOWN_MATRIX_SETS[source.matrixSet];
    if (!grid)
      throw new ServiceProblem({
        zh: `未知的矩阵集 ${source.matrixSet}：请改用能力文档（GetCapabilities）地址添加`,
        en: `Unknown matrix set ${source.matrixSet}: add the service by its capabilities (GetCapabilities) URL`,
      });
    const urls = templates(source.template);
    needKey(urls, key);
    return {
      urls,
      tileGrid: gridOf(grid),
      projection: grid.projection,
      matrixIds: grid.matrixIds,
      matrixSet: source.matrixSet,
      style: source.style,
      key,
    };
  }
  if (!source.capabilitiesUrl)
    throw new ServiceProblem({ zh: '缺少服务地址', en: 'The service address is missing' });
  const capsCheck = checkTileTemplate(source.capabilitiesUrl, { requireTiles: false });
  if (!capsCheck.ok) throw new ServiceProblem(capsCheck.problem.cause);
  needKey([capsCheck.value.template], key);
  const capabilities = await fetchCapabilities(withKey(capsCheck.value.template, key), signal);
  const choice = chooseLayer(capabilities, source.layer, source.matrixSet);
  // The key of the capabilities URL goes on every tile request too (天地图, 一张图 tokens).
  const keyParam = capsCheck.value.keyParam;
  const urls = choiceTemplates(choice, source.layer).flatMap((t) => {
    const keyed =
      keyParam && !t.includes('{key}') ? `${t}${t.includes('?') ? '&' : '?'}${keyParam}={key}` : t;
    return templates(keyed);
  });
  return {
    urls,
    tileGrid: choice.tileGrid,
    projection: choice.projection,
    matrixIds: choice.tileGrid.getMatrixIds(),
    matrixSet: choice.matrixSet,
    style: choice.style,
    key,
    wrapX: choice.wrapX,
  };
}

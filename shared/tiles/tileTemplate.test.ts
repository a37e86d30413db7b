import { describe, expect, it } from 'vitest';
import { ProjectSettingsSchema } from '../domain/schema';
import { describeIssues } from '../domain/messages';
import { checkTileTemplate, expandTileTemplate, fillTileTemplate, serviceKeyId } from './tileTemplate';

/** Templates as the services publish them (documentation, GetCapabilities ResourceURL, QGIS/Leaflet configs). */
const ACCEPTED = [
  {
    what: '天地图 DataServer (x/y/l query, tk pasted)',
    input: 'https://t{0-7}.tianditu.gov.cn/DataServer?T=img_w&x={x}&y={y}&l={z}&tk=0123abcd',
    encoding: 'xyz',
    origins: 8,
    template: 'https://t{0-7}.tianditu.gov.cn/DataServer?T=img_w&x={x}&y={y}&l={z}&tk={key}',
    pastedKey: '0123abcd',
  },
  {
    what: '天地图 WMTS KVP',
    input:
      'https://t0.tianditu.gov.cn/vec_c/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default&TILEMATRIXSET=c&FORMAT=tiles&TILEMATRIX={TileMatrix}&TILEROW={TileRow}&TILECOL={TileCol}&tk={key}',
    encoding: 'wmts-kvp',
    origins: 1,
  },
  {
    what: 'ArcGIS REST (z/y/x)',
    input: 'https://server.arcgisonline.com/ArcGIS/rest/services/World_Imagery/MapServer/tile/{z}/{y}/{x}',
    encoding: 'xyz',
    origins: 1,
  },
  {
    what: 'GeoServer WMTS REST (lower-case {style}, matrix set prefix)',
    input:
      'https://gis.example.gov.cn/geoserver/gwc/rest/wmts/ws:dom/{style}/{TileMatrixSet}/{TileMatrixSet}:{TileMatrix}/{TileRow}/{TileCol}?format=image/png',
    encoding: 'wmts-rest',
    origins: 1,
  },
  {
    what: 'OSM with {a-c}',
    input: 'https://{a-c}.tile.openstreetmap.org/{z}/{x}/{y}.png',
    encoding: 'xyz',
    origins: 3,
  },
  { what: 'Leaflet {s}', input: 'https://{s}.tile.example.org/{z}/{x}/{y}.png', encoding: 'xyz', origins: 3 },
  {
    what: 'TMS {-y}',
    input: 'https://tms.example.org/1.0.0/dom/{z}/{x}/{-y}.jpg',
    encoding: 'xyz',
    origins: 1,
  },
  { what: 'loopback http', input: 'http://127.0.0.1:8080/{z}/{x}/{y}.png', encoding: 'xyz', origins: 1 },
  {
    what: 'token pasted in the middle of the query',
    input: 'https://api.example.com/tiles/{z}/{x}/{y}.png?token=s3cr%2Bt&lang=zh',
    encoding: 'xyz',
    origins: 1,
    template: 'https://api.example.com/tiles/{z}/{x}/{y}.png?token={key}&lang=zh',
    pastedKey: 's3cr+t',
  },
] as const;

const REFUSED = [
  {
    what: 'plain http on the internet',
    input: 'http://t0.tianditu.gov.cn/{z}/{x}/{y}',
    code: 'template_scheme',
  },
  { what: 'ftp', input: 'ftp://example.org/{z}/{x}/{y}', code: 'template_scheme' },
  { what: 'javascript:', input: 'javascript:alert({z}{x}{y})', code: 'template_scheme' },
  { what: 'credentials', input: 'https://user:pw@example.org/{z}/{x}/{y}', code: 'template_credentials' },
  {
    what: 'unknown placeholder',
    input: 'https://example.org/{z}/{x}/{y}/{foo}',
    code: 'template_unknown_placeholder',
  },
  { what: 'no y', input: 'https://example.org/{z}/{x}.png', code: 'template_missing_placeholders' },
  {
    what: 'WMTS without TileCol',
    input: 'https://e.org/{TileMatrix}/{TileRow}.png',
    code: 'template_missing_placeholders',
  },
  { what: 'mixed', input: 'https://e.org/{z}/{TileRow}/{TileCol}/{TileMatrix}', code: 'template_mixed' },
  { what: 'space', input: 'https://e.org/{z}/{x}/{y} .png', code: 'template_characters' },
  { what: 'not a URL', input: '{z}/{x}/{y}', code: 'template_not_url' },
  { what: 'empty', input: '   ', code: 'template_empty' },
] as const;

describe('checkTileTemplate', () => {
  it.each(ACCEPTED)('accepts $what', (row) => {
    const check = checkTileTemplate(row.input);
    if (!check.ok) throw new Error(check.problem.cause.en);
    expect(check.value.encoding).toBe(row.encoding);
    expect(check.value.origins).toHaveLength(row.origins);
    if ('template' in row) expect(check.value.template).toBe(row.template);
    expect(check.value.pastedKey).toBe('pastedKey' in row ? row.pastedKey : undefined);
  });

  it.each(REFUSED)('refuses $what, naming the cause', (row) => {
    const check = checkTileTemplate(row.input);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problem.code).toBe(row.code);
    expect(check.problem.cause.zh.length).toBeGreaterThan(4);
  });

  it('names the unknown placeholder and the refused origin', () => {
    const unknown = checkTileTemplate('https://e.org/{z}/{x}/{y}?t={Time}');
    expect(!unknown.ok && unknown.problem.cause.en).toContain('{Time}');
    const http = checkTileTemplate('http://10.1.2.3:8080/{z}/{x}/{y}');
    expect(!http.ok && http.problem.cause.zh).toContain('http://10.1.2.3:8080');
  });

  it('lists the exact origins of 天地图 host rotation', () => {
    const check = checkTileTemplate('https://t{0-7}.tianditu.gov.cn/img_w/wmts?x={x}&y={y}&l={z}&tk={key}');
    expect(check.ok && check.value.origins).toEqual(
      [0, 1, 2, 3, 4, 5, 6, 7].map((i) => `https://t${i}.tianditu.gov.cn`),
    );
    expect(check.ok && check.value.keyParam).toBe('tk');
    expect(check.ok && serviceKeyId(check.value.origins)).toBe('tianditu');
  });
});

describe('fillTileTemplate', () => {
  it('fills XYZ in any order, TMS rows flipped, and WMTS names case-insensitively', () => {
    expect(fillTileTemplate('https://e.org/{z}/{y}/{x}', { z: 3, x: 5, y: 2 })).toBe('https://e.org/3/2/5');
    expect(fillTileTemplate('https://e.org/{z}/{x}/{-y}', { z: 3, x: 5, y: 2, maxY: 7 })).toBe(
      'https://e.org/3/5/5',
    );
    expect(
      fillTileTemplate('https://e.org/{style}/{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}?tk={key}', {
        z: 3,
        x: 5,
        y: 2,
        tileMatrix: 'EPSG:3857:3',
        tileMatrixSet: 'EPSG:3857',
        style: 'default',
        key: 'a&b',
      }),
    ).toBe('https://e.org/default/EPSG%3A3857/EPSG%3A3857%3A3/2/5?tk=a%26b');
  });

  it('expands host rotation as OpenLayers does', () => {
    expect(expandTileTemplate('https://{a-c}.e.org/{z}')).toEqual([
      'https://a.e.org/{z}',
      'https://b.e.org/{z}',
      'https://c.e.org/{z}',
    ]);
    expect(expandTileTemplate('https://t{0-2}.e.org/{z}')).toHaveLength(3);
    expect(expandTileTemplate('https://{s}.e.org/{z}', ['x', 'y'])).toEqual([
      'https://x.e.org/{z}',
      'https://y.e.org/{z}',
    ]);
  });
});

describe('the project settings basemap URL', () => {
  const settings = (url: string) =>
    ProjectSettingsSchema.safeParse({
      name: 'p',
      gkZone: 28,
      onlineBasemapUrl: url,
      onlineBasemapEnabled: true,
    });

  it('accepts real XYZ templates the old check refused', () => {
    expect(
      settings(
        'https://server.arcgisonline.com/ArcGIS/rest/services/World_Imagery/MapServer/tile/{z}/{y}/{x}',
      ).success,
    ).toBe(true);
    expect(settings('https://{a-c}.tile.openstreetmap.org/{z}/{x}/{y}.png').success).toBe(true);
    expect(settings('https://tms.example.org/dom/{z}/{x}/{-y}.jpg').success).toBe(true);
  });

  it('refuses a pasted key (project files travel) and names the cause in the UI language', () => {
    const result = settings('https://t0.tianditu.gov.cn/DataServer?T=img_w&x={x}&y={y}&l={z}&tk=0123abcd');
    expect(result.success).toBe(false);
    if (result.success) return;
    const [problem] = describeIssues(result.error, 'zh');
    expect(problem?.path).toBe('onlineBasemapUrl');
    expect(problem?.message).toContain('tk=…');
  });

  it('refuses a WMTS template or a keyed one, pointing to the layers panel', () => {
    const result = settings('https://e.org/{TileMatrix}/{TileRow}/{TileCol}.png');
    expect(!result.success && describeIssues(result.error, 'en')[0]?.message).toContain('layers panel');
    const keyed = settings('https://t0.tianditu.gov.cn/DataServer?T=img_w&x={x}&y={y}&l={z}&tk={key}');
    expect(!keyed.success && describeIssues(keyed.error, 'en')[0]?.message).toContain('layers panel');
  });
});

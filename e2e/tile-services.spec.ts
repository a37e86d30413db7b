import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, openWorkbench, test } from './fixtures/test';
import type { Pixel } from './fixtures/mapInput';
import { mapColours } from './fixtures/mapPixels';
import { saveProject } from './fixtures/projectFiles';
import { download } from './fixtures/exportDialog';
import { COLOURS, GOOD_KEY, startTileServers, tilePorts, type TileServers } from './fixtures/tileServer';
import { drawZone, newProjectWithObject } from './fixtures/workflow';

const { xyzPort, wmtsPort } = tilePorts(Number(process.env.E2E_PORT ?? 4173));
let servers: TileServers;
test.beforeAll(async () => {
  servers = await startTileServers(xyzPort, wmtsPort);
});
test.afterAll(() => servers.close());

const layers = (page: Page) => page.getByRole('region', { name: '图层', exact: true });
const ZONE: Pixel[] = [
  [450, 330],
  [650, 330],
  [650, 470],
  [450, 470],
];
const ZONE_EDGE: Pixel = [450, 400];
const OUTSIDE: Pixel[] = [
  [300, 200],
  [620, 260],
];
const near = (c: readonly number[], d: readonly number[], tolerance = 40) =>
  Math.hypot(c[0]! - d[0]!, c[1]! - d[1]!, c[2]! - d[2]!) < tolerance;

async function closeNotices(page: Page) {
  const close = page.getByRole('button', { name: '关闭提示' });
  while ((await close.count()) > 0) await close.first().click();
}

async function openAdd(page: Page, item: string) {
  await layers(page)
    .getByRole('button', { name: /添加底图/ })
    .click();
  await layers(page).getByRole('menuitem', { name: item }).click();
}

async function addTemplate(page: Page, name: string, template: string) {
  await openAdd(page, '瓦片服务（XYZ / TMS / WMTS）…');
  const dialog = page.getByRole('dialog', { name: '添加瓦片服务（XYZ / TMS / WMTS）' });
  await dialog.getByLabel('名称').fill(name);
  await dialog.getByLabel('瓦片地址模板').fill(template);
  await dialog.getByRole('button', { name: '添加' }).click();
  await expect(dialog).toBeHidden();
  await expect(layers(page).getByRole('checkbox', { name: `显示 ${name}` })).toBeVisible();
}

/** Wait until the map shows the colour at every pixel (tiles arrive asynchronously). */
async function expectColour(page: Page, pixels: Pixel[], colour: readonly number[]) {
  await expect
    .poll(async () => (await mapColours(page, pixels)).every((c) => near(c, colour)), { timeout: 15_000 })
    .toBe(true);
}

test('XYZ, 天地图-style and 一张图 WMTS services added through the UI draw their tiles; a refused key shows 403 on its layer while zones draw; the key stays out of project file and export', async ({
  page,
}) => {
  await openWorkbench(page);
  await newProjectWithObject(page, '烽燧');
  await closeNotices(page);
  await page.getByRole('combobox', { name: '新区划类型' }).selectOption({ label: '保护范围' });
  await drawZone(page, ZONE);
  await closeNotices(page);
  const zoneStroke = (await mapColours(page, [ZONE_EDGE]))[0]!;

  // 天地图 DataServer as pasted from its documentation, key included: the key moves to local settings.
  await addTemplate(
    page,
    '天地图影像',
    `http://127.0.0.1:${xyzPort}/DataServer?T=img_w&x={x}&y={y}&l={z}&tk=${GOOD_KEY}`,
  );
  await closeNotices(page);
  await expectColour(page, OUTSIDE, COLOURS.dataServer);
  const dataServer = servers.requests.filter((r) => r.includes('/DataServer?'));
  expect(dataServer.length).toBeGreaterThan(0);
  expect(dataServer.every((r) => new URL(r).searchParams.get('tk') === GOOD_KEY)).toBe(true);
  expect(await mapColours(page, [ZONE_EDGE])).toEqual([zoneStroke]);

  // A county 一张图 WMTS: capabilities read, the CGCS2000 matrix set chosen (reprojected on the map).
  await openAdd(page, '一张图 WMTS…');
  const wmts = page.getByRole('dialog', { name: '添加一张图 WMTS 服务' });
  await wmts
    .getByLabel('能力文档地址（GetCapabilities）')
    .fill(`http://127.0.0.1:${wmtsPort}/wmts/WMTSCapabilities.xml`);
  await wmts.getByRole('button', { name: '读取图层' }).click();
  await wmts.getByLabel('矩阵集').selectOption('4490');
  await wmts.getByRole('button', { name: '添加' }).click();
  await expect(layers(page).getByRole('checkbox', { name: '显示 正射影像' })).toBeVisible();
  await closeNotices(page);
  await expectColour(page, OUTSIDE, COLOURS.wmts);
  expect(servers.requests.some((r) => /\/wmts\/dom\/4490\/\d+\/\d+\/\d+\.png$/.test(r))).toBe(true);

  // 天地图 WMTS KVP with a key the service refuses: 403 on that layer, the map goes on.
  await addTemplate(
    page,
    '天地图矢量',
    `http://127.0.0.1:${wmtsPort}/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={TileMatrix}&TILEROW={TileRow}&TILECOL={TileCol}&tk=bad`,
  );
  await closeNotices(page);
  const refused = layers(page).locator('li').filter({ hasText: '天地图矢量' });
  await expect(refused.getByRole('status')).toContainText('403');
  await expect(refused).toContainText('密钥无效或无权限 (HTTP 403)');
  expect(servers.requests.some((r) => r.includes('/vec_w/wmts?') && r.includes('tk=bad'))).toBe(true);
  await expectColour(page, OUTSIDE, COLOURS.wmts);
  expect(await mapColours(page, [ZONE_EDGE])).toEqual([zoneStroke]);

  // Neither the project file nor a GeoJSON export carries a key.
  const project = readFileSync(await saveProject(page));
  expect(project.includes(GOOD_KEY)).toBe(false);
  expect(project.includes('tk=bad')).toBe(false);
  // Where the project file lists its backgrounds, the template keeps only the placeholder.
  if (project.includes('/DataServer?')) expect(project.includes('tk={key}')).toBe(true);
  await closeNotices(page);
  await page.getByRole('button', { name: '导出', exact: true }).click();
  const exported = readFileSync(await download(page, page.getByRole('dialog', { name: '导出' })), 'utf8');
  expect(exported).toContain('FeatureCollection');
  expect(exported).not.toContain(GOOD_KEY);
});

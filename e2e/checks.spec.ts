import type { Page } from '@playwright/test';
import { expect, openWorkbench, test } from './fixtures/test';
import { clickMap, dragOnMap, lonLatAt, type Pixel } from './fixtures/mapInput';
import { drawZone, newProjectWithObject } from './fixtures/workflow';
import { readTable, type StoredZone } from './fixtures/indexedDb';
import { mapColours, referenceTilesDrawn } from './fixtures/mapPixels';

const CCZ: Pixel[] = [
  [350, 250],
  [750, 250],
  [750, 550],
  [350, 550],
];
const RANGE: Pixel[] = [
  [450, 330],
  [650, 330],
  [650, 470],
  [450, 470],
];

const checks = (page: Page) => page.getByRole('region', { name: '检查结果' }).first();
const nestingFinding = (page: Page) => checks(page).locator('li[data-code="nesting.outside"]');

async function drawTyped(page: Page, type: string, vertices: Pixel[]) {
  await page.getByRole('combobox', { name: '新区划类型' }).selectOption({ label: type });
  await drawZone(page, vertices);
}

async function setHeightLimit(page: Page, metres: string) {
  const field = page.getByRole('region', { name: '区划属性' }).getByLabel('限高（米）');
  await field.fill(metres);
  await field.press('Enter');
  await expect(field).toHaveValue(metres);
}

test('the sample has no findings; a range dragged outside its CCZ is found, fixed and undone', async ({
  page,
}) => {
  await openWorkbench(page);
  await checks(page).getByRole('button', { name: '全面检查' }).click();
  await expect(checks(page).getByRole('status')).toHaveText('未发现问题');

  await newProjectWithObject(page, '城墙');
  // Zoom in to a planner's scale (the CCZ about 1 km across): the range will stick out ~200 m,
  // within the reach of the grow fix (tens of kilometres would be refused, checks unit tests).
  for (let i = 0; i < 5; i++) {
    await page.getByRole('button', { name: '放大', exact: true }).click();
    await page.waitForTimeout(250);
  }
  await drawTyped(page, '建设控制地带', CCZ);
  await drawTyped(page, '保护范围', RANGE);
  // Drawn zones lack boundary text (reported), but the range lies inside its CCZ.
  await expect(checks(page).locator('li[data-code="attribute.missing"]')).toHaveCount(2);
  await expect(nestingFinding(page)).toHaveCount(0);

  await page.getByRole('button', { name: '选择' }).click();
  await clickMap(page, [550, 400]);
  await page.getByRole('button', { name: '编辑节点' }).click();
  await dragOnMap(page, [650, 470], [800, 600]);
  await expect(nestingFinding(page)).toHaveCount(1);
  await expect(nestingFinding(page)).toContainText('保护范围超出建设控制地带');

  await nestingFinding(page).getByRole('button', { name: '扩大建设控制地带以包含保护范围' }).click();
  await expect(nestingFinding(page)).toHaveCount(0);
  await page.getByRole('button', { name: '撤销', exact: true }).click();
  await expect(nestingFinding(page)).toHaveCount(1);
});

test('what applies here lists overlapping zones and the strictest height limit', async ({ page }) => {
  await openWorkbench(page);
  await newProjectWithObject(page, '钟楼');
  await drawTyped(page, '建设控制地带', CCZ);
  await setHeightLimit(page, '12');
  await drawTyped(page, '保护范围', RANGE);
  await setHeightLimit(page, '6');

  const tool = page.getByRole('button', { name: '查询此处管控' });
  await tool.click();
  await expect(tool).toHaveAttribute('aria-pressed', 'true');
  const panel = page.getByRole('region', { name: '此处适用的管控' });
  await clickMap(page, [550, 400]);
  await expect(panel.getByTestId('strictest-height')).toHaveText('最严限高: 6 m');
  await expect(panel.locator('.zones-here li')).toHaveCount(2);
  await clickMap(page, [700, 520]);
  await expect(panel.getByTestId('strictest-height')).toHaveText('最严限高: 12 m');
  await expect(panel.locator('.zones-here li')).toHaveCount(1);
});

test('a reference layer loads from GeoJSON, survives a reload and lists overlapping zones', async ({
  page,
}) => {
  await openWorkbench(page);
  const references = page.getByRole('region', { name: '参考图层（三条控制线）' });
  // The reference layers' rows are in the layers panel's list.
  const layers = page.getByRole('region', { name: '图层', exact: true });
  await references.getByLabel('参考图层类型').selectOption({ label: '永久基本农田' });
  const chooser = page.waitForEvent('filechooser');
  await references.getByRole('button', { name: '添加参考图层…' }).click();
  await (await chooser).setFiles('e2e/fixtures/reference-farmland.geojson');
  await expect(layers.getByRole('checkbox', { name: '显示 reference-farmland' })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('map')).toHaveAttribute('data-ready', 'true');
  await expect(layers.getByRole('checkbox', { name: '显示 reference-farmland' })).toBeVisible();

  await layers.getByRole('button', { name: '重叠分析 reference-farmland' }).click();
  const results = references.getByRole('region', { name: '重叠分析结果' });
  await expect(results.getByRole('row', { name: /巴音沟承化寺 · 保护范围/ })).toBeVisible();
  await expect(results.getByRole('row', { name: /巴音沟承化寺 · 建设控制地带/ })).toBeVisible();
  await expect(results.getByRole('row', { name: /夏尔苏木/ })).toHaveCount(0);

  // The overlapping parcel (NT-001, by 巴音沟承化寺; its middle in GK zone 28 by cs2cs) is outlined
  // in orange-red on the map: hiding the layer takes that away. Its gold and the zones' colours
  // stay out of the count.
  await page.getByRole('button', { name: '定位到坐标' }).click();
  const locate = page.getByRole('dialog', { name: '定位到坐标' });
  await locate.getByLabel('X（北）, Y（东）').fill('4869273.36, 28539489.29');
  await locate.getByRole('button', { name: '定位' }).click();
  await expect(locate).toBeHidden();
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 3; i++) {
    await page.mouse.wheel(0, -120);
    await page.waitForTimeout(400);
  }
  const everywhere: Pixel[] = [];
  for (let x = 1; x < box.width; x += 3) for (let y = 1; y < box.height; y += 3) everywhere.push([x, y]);
  const orangeRed = async () =>
    (await mapColours(page, everywhere)).filter(([r, g, b]) => r > 200 && g < 120 && b < 80).length;
  const farmland = layers.getByRole('checkbox', { name: '显示 reference-farmland' });
  await referenceTilesDrawn(page);
  const highlighted = await orangeRed();
  await farmland.uncheck();
  // Its outline, 2.5 px round a parcel some 640 × 600 px wide here, is some 700 of the sampled pixels.
  await expect.poll(orangeRed, { message: `highlighted: ${highlighted}` }).toBeLessThan(highlighted - 300);
  await farmland.check();

  await layers.getByRole('button', { name: '移除 reference-farmland' }).click();
  await layers.getByRole('button', { name: '确认移除 reference-farmland' }).click();
  await expect(references.getByText('尚无参考图层')).toBeVisible();
});

test('drawing snaps to a reference layer vertex', async ({ page }) => {
  await openWorkbench(page);
  await newProjectWithObject(page, '烽燧');
  const [a, b] = [await lonLatAt(page, [500, 300]), await lonLatAt(page, [640, 420])];
  const square = [a, [b[0], a[1]], b, [a[0], b[1]], a];
  const geojson = {
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [square] } }],
  };
  const references = page.getByRole('region', { name: '参考图层（三条控制线）' });
  const layers = page.getByRole('region', { name: '图层', exact: true });
  await references.getByLabel('参考图层类型').selectOption({ label: '生态保护红线' });
  const chooser = page.waitForEvent('filechooser');
  await references.getByRole('button', { name: '添加参考图层…' }).click();
  await (
    await chooser
  ).setFiles({
    name: 'red-line.geojson',
    mimeType: 'application/geo+json',
    buffer: Buffer.from(JSON.stringify(geojson)),
  });
  await expect(layers.getByRole('checkbox', { name: '显示 red-line' })).toBeVisible();
  // The notice bar pushes the map down: close it so the pixels read above mean the same places.
  await page.getByRole('button', { name: '关闭提示' }).click();
  await expect(page.getByRole('button', { name: '关闭提示' })).toHaveCount(0);

  // The layer is on the map: its outline in the red line's green, its inside tinted green, and
  // hiding it through the panel takes both away.
  const probe: Pixel[] = [
    [570, 360],
    [500, 360],
    [470, 360],
  ];
  await referenceTilesDrawn(page);
  const [inside, edge, outside] = await mapColours(page, probe);
  const greenness = ([r, g, b]: number[]) => g! - (r! + b!) / 2;
  expect(greenness(edge!), JSON.stringify({ edge, outside })).toBeGreaterThan(greenness(outside!) + 30);
  expect(greenness(inside!), JSON.stringify({ inside, outside })).toBeGreaterThan(greenness(outside!) + 8);
  const shown = layers.getByRole('checkbox', { name: '显示 red-line' });
  await shown.uncheck();
  await expect(shown).not.toBeChecked();
  await expect
    .poll(async () => greenness((await mapColours(page, probe))[1]!))
    .toBeLessThan(greenness(outside!) + 5);
  await shown.check();
  await referenceTilesDrawn(page);

  // The first vertex is clicked 6 px off the reference corner: snapping puts it exactly there.
  await drawTyped(page, '保护范围', [
    [506, 306],
    [720, 306],
    [720, 480],
    [506, 480],
  ]);
  const [zone] = await readTable<StoredZone>(page, 'zones').then((zones) =>
    zones.filter((z) => !z.id.startsWith('sample-')),
  );
  // Corner 1 snaps to the reference vertex, corner 4 to the reference layer's west edge.
  const ring = zone!.geometry.coordinates[0]!;
  const near = (p: number[], q: number[]) => Math.abs(p[0]! - q[0]!) < 1e-8 && Math.abs(p[1]! - q[1]!) < 1e-8;
  expect(
    ring.some((p) => near(p, a)),
    JSON.stringify({ ring, a, b }),
  ).toBe(true);
  expect(ring.filter((p) => Math.abs(p[0]! - a[0]) < 1e-8).length).toBeGreaterThanOrEqual(2);
});

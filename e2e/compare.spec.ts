import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, openWorkbench, test } from './fixtures/test';
import { ogr, rows } from './fixtures/exportDialog';
import { clickMap, dragOnMap } from './fixtures/mapInput';
import { saveProject } from './fixtures/projectFiles';
import { drawZone, newProjectWithObject, tagVersion } from './fixtures/workflow';

const WEST: [number, number][] = [
  [400, 300],
  [550, 300],
  [550, 450],
  [400, 450],
];
const EAST: [number, number][] = [
  [600, 300],
  [750, 300],
  [750, 450],
  [600, 450],
];

/** Ellipsoidal area of each zone in a saved project file, as GDAL (SpatiaLite) measures it. */
function gdalZoneAreas(file: string): number[] {
  const sql = 'SELECT ST_Area(geom, 1) AS a, ST_MinX(geom) AS x FROM zones ORDER BY x';
  return rows(ogr(['-q', '-dialect', 'sqlite', '-sql', sql, file])).map((r) => Number(r.a));
}

const relative = (a: number, b: number) => Math.abs(a - b) / b;

test('compare the current state with a project file saved before an edit, and export the WHLX layer', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openWorkbench(page);
  await newProjectWithObject(page, '城墙');
  // Zones of a few hundred metres, as drawn at a planning scale (150 px ≈ 400 m).
  for (let i = 0; i < 5; i++) {
    await page.getByRole('button', { name: '放大' }).click();
    await page.waitForTimeout(250);
  }
  await drawZone(page, WEST);
  await drawZone(page, EAST);
  await expect(page.getByTestId('map')).toHaveAttribute('data-zones', '2');
  const before = await saveProject(page);
  // The same state as a named version (A's version store).
  await tagVersion(page, '送审稿');

  // The west zone's north-west corner moves out (land gained); the east zone is deleted (lost).
  await page.getByRole('button', { name: '选择' }).click();
  await clickMap(page, [475, 375]);
  await page.getByRole('button', { name: '编辑节点' }).click();
  await dragOnMap(page, [400, 300], [370, 270]);
  await page.getByRole('button', { name: '选择' }).click();
  await clickMap(page, [675, 375]);
  await page.getByRole('button', { name: '删除', exact: true }).click();
  await expect(page.getByTestId('map')).toHaveAttribute('data-zones', '1');
  const after = await saveProject(page);

  await page.getByRole('button', { name: '比较版本' }).click();
  const dialog = page.getByRole('dialog', { name: '比较版本' });
  // First against the named version (offered as A by default), then against the saved file.
  await expect(dialog.getByLabel('基准（A）').locator('option:checked')).toHaveText('送审稿');
  await dialog.getByRole('button', { name: '比较', exact: true }).click();
  const unit = dialog.getByTestId('compare-unit');
  await expect(unit).toHaveCount(1);
  const shown = async (id: string) => Number(await unit.getByTestId(id).getAttribute('data-value'));
  const fromVersion = [await shown('compare-unit-gained'), await shown('compare-unit-lost')];
  await dialog.getByRole('button', { name: '清除对比' }).click();
  await expect(unit).toHaveCount(0);
  await expect(page.getByTestId('map')).toHaveAttribute('data-compare-parts', '0');
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: '项目文件…' }).first().click();
  await (await chooser).setFiles(before);
  await expect(dialog.getByLabel('基准（A）')).toHaveValue('file');
  await dialog.getByRole('button', { name: '比较', exact: true }).click();

  // Per zone: one boundary change, one removal; per unit (城墙, 保护范围): the gain and the loss.
  await expect(dialog.getByTestId('compare-zone')).toHaveCount(2);
  await expect(dialog.locator('[data-testid=compare-zone][data-kind=geometry]')).toContainText('城墙');
  await expect(dialog.locator('[data-testid=compare-zone][data-kind=removed]')).toHaveCount(1);
  await expect(unit).toHaveCount(1);
  // The version reconstructs exactly the state the file holds.
  expect([await shown('compare-unit-gained'), await shown('compare-unit-lost')]).toEqual(fromVersion);
  const [west0, east0] = gdalZoneAreas(before);
  const [west1] = gdalZoneAreas(after);
  // Independent of our code: GDAL's geodesic areas of the saved zones.
  expect(relative(await shown('compare-unit-lost'), east0!)).toBeLessThan(1e-4);
  expect(relative(await shown('compare-unit-gained'), west1! - west0!)).toBeLessThan(1e-4);
  await expect(page.getByTestId('map')).toHaveAttribute('data-compare-parts', '2');

  // The swipe shows A on the left of a movable divider.
  await dialog.getByLabel('卷帘对比').check();
  await expect(page.locator('.ol-swipe')).toHaveCount(1);
  await dialog.getByLabel('卷帘对比').uncheck();
  await expect(page.locator('.ol-swipe')).toHaveCount(0);

  // The change layer: Shapefile (GBK, zipped), read back by GDAL.
  await dialog.getByRole('button', { name: '导出变化图层（WHLX）…' }).click();
  await expect(dialog.getByTestId('whlx-row')).toHaveCount(2);
  await dialog
    .getByTestId('whlx-row')
    .filter({ hasText: '调出' })
    .getByRole('textbox')
    .fill('审查意见：删除东侧范围');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '导出', exact: true }).click();
  const file = await download;
  const zip = join(mkdtempSync(join(tmpdir(), 'hzw-whlx-')), file.suggestedFilename());
  await file.saveAs(zip);
  const summary = ogr(['-so', '-al', `/vsizip/${zip}`]);
  for (const field of [
    'WHLX: String (1.0)',
    'WHLY: String (254.0)',
    'WHBH: String (30.0)',
    'MJ: Real (18.2)',
  ])
    expect(summary).toContain(`\n${field}\n`);
  const features = rows(
    ogr([
      '-q',
      '-dialect',
      'sqlite',
      '-sql',
      'SELECT WHLX, WHLY, MJ, ST_Area(geometry, 1) AS a FROM LSWHBHXBG ORDER BY WHLX',
      `/vsizip/${zip}`,
    ]),
  );
  expect(features.map((f) => [f.WHLX, f.WHLY])).toEqual([
    ['1', '边界调整（调入）'],
    ['3', '审查意见：删除东侧范围'],
  ]);
  expect(relative(Number(features[1]!.MJ), east0!)).toBeLessThan(1e-4);
  // MJ is what GDAL measures on the written feature (as the LSWHBHX export spec checks it).
  for (const f of features) expect(relative(Number(f.MJ), Number(f.a))).toBeLessThan(1e-4);
  expect(relative(Number(features[0]!.MJ), west1! - west0!)).toBeLessThan(1e-4);

  // Closed and opened again, the dialog still holds the comparison; a click on a row closes it
  // and shows the change on the map.
  await dialog.getByRole('button', { name: '关闭' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('map')).toHaveAttribute('data-compare-parts', '2');
  await page.getByRole('button', { name: '比较版本' }).click();
  await dialog.getByTestId('compare-unit').click();
  await expect(dialog).toBeHidden();
});

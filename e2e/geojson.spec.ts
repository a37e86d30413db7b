import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, openWorkbench, test } from './fixtures/test';
import { readTable, type StoredZone } from './fixtures/indexedDb';

function ogr(args: string[]): string {
  return execFileSync('ogrinfo', ['-ro', ...args], { encoding: 'utf8' });
}

test('export GeoJSON: GDAL reads the same zones with the areas the UI shows', async ({ page }) => {
  await openWorkbench(page);
  const zones = await readTable<StoredZone>(page, 'zones');
  const projects = await readTable<{ id: string; settings: { name: string } }>(page, 'projects');
  const wusu = projects.find((p) => p.settings.name.startsWith('乌苏'))!;
  const expected = zones.filter((z) => z.projectId === wusu.id);

  await page.getByRole('button', { name: '导出', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '导出' });
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: /^导出 \(/ }).click();
  const file = join(mkdtempSync(join(tmpdir(), 'hzw-export-')), 'export.geojson');
  await (await download).saveAs(file);

  const summary = ogr(['-al', '-so', file]);
  expect(summary).toContain(`Feature Count: ${expected.length}`);
  const sql =
    'SELECT zone_id, object_name, zone_type, area_m2, ST_Area(geometry, 1) AS gdal_area FROM "乌苏市文物保护区划（示意）"';
  const rows = ogr(['-dialect', 'sqlite', '-sql', sql, '-q', file]).split('OGRFeature').slice(1);
  expect(rows).toHaveLength(expected.length);
  const gdalArea = new Map<string, number>();
  for (const row of rows) {
    const id = /zone_id \(String\) = (.+)/.exec(row)![1]!.trim();
    const area = Number(/gdal_area \(Real\) = (.+)/.exec(row)![1]);
    const written = Number(/area_m2 \(Real\) = (.+)/.exec(row)![1]);
    gdalArea.set(id, area);
    expect(Math.abs(area - written) / area, `zone ${id}`).toBeLessThan(0.001);
  }
  expect([...gdalArea.keys()].sort()).toEqual(expected.map((z) => z.id).sort());

  // The UI's area for three zones, read from the attribute panel, matches GDAL within 0.1 %.
  for (const name of [
    '巴音沟承化寺 保护范围',
    '清代乌苏古城墙 建设控制地带',
    '白杨沟镇安集海村 核心保护范围',
  ]) {
    const item = page.getByRole('treeitem', { name });
    await item.locator('.tree-row').click();
    await expect(item).toHaveAttribute('aria-selected', 'true');
    const id = (await item.getAttribute('data-zone-id'))!;
    const shown = Number(await page.getByTestId('area-ellipsoidal-m2').getAttribute('data-value'));
    const reference = gdalArea.get(id)!;
    expect(Math.abs(shown - reference) / reference, name).toBeLessThan(0.001);
  }
});

test('import GeoJSON with 3 good and 2 bad features: the 2 reasons are listed, the 3 are imported', async ({
  page,
}) => {
  await openWorkbench(page);
  const before = await readTable<StoredZone>(page, 'zones');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '导入', exact: true }).click();
  await (await chooser).setFiles('e2e/fixtures/three-good-two-bad.geojson');

  const review = page.getByRole('dialog', { name: '导入预览' });
  await expect(review).toContainText('共 5 个要素，3 个可导入，2 个被拒绝');
  const reasons = review.getByRole('list', { name: '被拒绝的要素' }).getByRole('listitem');
  await expect(reasons).toHaveCount(2);
  await expect(reasons.nth(0)).toContainText('要素 #1');
  await expect(reasons.nth(0)).toContainText('自相交');
  await expect(reasons.nth(1)).toContainText('要素 #3');
  await expect(reasons.nth(1)).toContainText('zone_type');
  expect(await readTable(page, 'zones')).toHaveLength(before.length);

  await review.getByRole('button', { name: '导入 3 个区划' }).click();
  await expect(page.getByRole('treeitem', { name: '导入测试寺', exact: true })).toBeVisible();
  await expect(page.getByRole('treeitem', { name: '导入测试村', exact: true })).toBeVisible();
  const after = await readTable<StoredZone>(page, 'zones');
  expect(after).toHaveLength(before.length + 3);
  const imported = after.filter((z) => !before.some((b) => b.id === z.id));
  expect(imported.map((z) => z.attributes.zoneType).sort()).toEqual([
    'body',
    'core_protection_range',
    'protection_range',
  ]);
  expect(imported.find((z) => z.attributes.zoneType === 'protection_range')!.attributes.heightLimitM).toBe(6);

  // One undo step takes the whole import back.
  await page.getByRole('button', { name: '撤销', exact: true }).click();
  await expect.poll(async () => (await readTable(page, 'zones')).length).toBe(before.length);
});

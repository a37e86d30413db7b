import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openWorkbench, test } from './fixtures/test';
import { readTable, type StoredZone } from './fixtures/indexedDb';
import { importZones, zonesFile } from './fixtures/zonesFile';

interface StoredObject {
  id: string;
  projectId: string;
  attributes: { name: string; level: string | null };
}

const table = (page: Page) => page.getByRole('region', { name: '属性表' });
const grid = (page: Page) => table(page).getByRole('grid', { name: '区划属性表' });
const bodyRows = (page: Page) => grid(page).locator('.table-body [role="row"]');

async function openTable(page: Page): Promise<void> {
  await page.getByRole('button', { name: '属性表' }).click();
  await expect(grid(page)).toBeVisible();
  // Areas come from the job worker; wait until every row has one.
  await expect(table(page).getByRole('status')).not.toContainText('正在计算面积', { timeout: 30_000 });
}

/** The text of one column in the rendered rows, in order. */
async function columnTexts(page: Page, colIndex: number): Promise<string[]> {
  return bodyRows(page).locator(`[role="gridcell"][aria-colindex="${colIndex}"]`).allTextContents();
}

/** The length the map's scale bar stands for, in metres. */
async function scaleMetres(page: Page): Promise<number> {
  const text = (await page.locator('.ol-scale-line-inner').textContent()) ?? '';
  const m = /([\d.]+)\s*(km|m)/.exec(text);
  return m ? Number(m[1]) * (m[2] === 'km' ? 1000 : 1) : NaN;
}

async function colIndexOf(page: Page, label: string): Promise<number> {
  const header = grid(page)
    .getByRole('columnheader')
    .filter({ has: page.getByRole('button', { name: `排序：${label}`, exact: true }) });
  return Number(await header.getAttribute('aria-colindex'));
}

test('set the protection level of 20 selected rows at once, undo it in one step; sort, filter, export CSV', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openWorkbench(page);
  await importZones(page, zonesFile(24, 1, '表格测试对象'), 24);
  const projects = await readTable<{ id: string; settings: { name: string } }>(page, 'projects');
  const wusu = projects.find((p) => p.settings.name.startsWith('乌苏'))!;
  const zonesOfWusu = (await readTable<StoredZone>(page, 'zones')).filter((z) => z.projectId === wusu.id);
  await openTable(page);
  await expect(table(page).getByRole('status')).toContainText(
    `显示 ${zonesOfWusu.length} / ${zonesOfWusu.length} 行`,
  );

  // Filter to the 24 imported rows, sort by name, select the first 20 with Shift+↓.
  await table(page).getByRole('searchbox', { name: '在表中搜索' }).fill('表格测试对象');
  await expect(table(page).getByRole('status')).toContainText(`显示 24 / ${zonesOfWusu.length} 行`);
  await grid(page).getByRole('button', { name: '排序：名称', exact: true }).click();
  const nameCol = await colIndexOf(page, '名称');
  await bodyRows(page).first().locator(`[aria-colindex="${nameCol}"]`).click();
  for (let i = 0; i < 19; i++) await page.keyboard.press('Shift+ArrowDown');
  await expect(table(page).getByRole('status')).toContainText('已选 20 行');
  const historyBefore = (await readTable(page, 'history')).length;

  // Zoom to the 20 selected rows, then (double-click on a read-only cell) to one: the scale bar shrinks.
  const sampleScale = await scaleMetres(page);
  await table(page).getByRole('button', { name: '缩放至选中行' }).click();
  await expect.poll(() => scaleMetres(page)).toBeLessThan(sampleScale);
  const twentyScale = await scaleMetres(page);
  const areaCell = bodyRows(page)
    .first()
    .locator(`[aria-colindex="${await colIndexOf(page, '椭球面积（m²）')}"]`);
  await areaCell.dblclick();
  await expect.poll(() => scaleMetres(page)).toBeLessThan(twentyScale);
  await expect(table(page).getByRole('status')).toContainText('已选 1 行');
  await bodyRows(page).first().locator(`[aria-colindex="${nameCol}"]`).click();
  for (let i = 0; i < 19; i++) await page.keyboard.press('Shift+ArrowDown');
  await expect(table(page).getByRole('status')).toContainText('已选 20 行');

  const bulk = table(page).getByRole('group', { name: '批量修改选中行' });
  await bulk.getByRole('combobox', { name: '要修改的列' }).selectOption({ label: '保护级别' });
  await bulk.getByRole('combobox', { name: '新值' }).selectOption('national');
  await bulk.getByRole('button', { name: '应用到 20 个选中行' }).click();

  const levels = async () => {
    const objects = (await readTable<StoredObject>(page, 'objects')).filter((o) =>
      o.attributes.name.startsWith('表格测试对象'),
    );
    return objects
      .sort((a, b) => a.attributes.name.localeCompare(b.attributes.name))
      .map((o) => o.attributes.level);
  };
  await expect.poll(levels).toEqual([...Array(20).fill('national'), null, null, null, null]);
  expect((await readTable(page, 'history')).length).toBe(historyBefore + 1);
  // The table shows it: the level column of the selected rows.
  const levelCol = await colIndexOf(page, '保护级别');
  await expect(bodyRows(page).first().locator(`[aria-colindex="${levelCol}"]`)).toHaveText(
    '全国重点文物保护单位',
  );

  await page.getByRole('button', { name: '撤销', exact: true }).click();
  await expect.poll(levels).toEqual(Array(24).fill(null));

  // Keyboard: → to the height limit, Enter edits, Enter applies; Esc cancels the next edit.
  const heightCol = await colIndexOf(page, '限高（米）');
  await bodyRows(page).first().locator(`[aria-colindex="${nameCol}"]`).click();
  for (let c = nameCol; c < heightCol; c++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await page.keyboard.type('9');
  await page.keyboard.press('Enter');
  const firstId = (await bodyRows(page).first().getAttribute('data-zone-id'))!;
  const heightOf = async (id: string) =>
    (await readTable<StoredZone>(page, 'zones')).find((z) => z.id === id)!.attributes.heightLimitM;
  await expect.poll(() => heightOf(firstId)).toBe(9);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('12');
  await page.keyboard.press('Escape');
  await expect(bodyRows(page).first().locator(`[aria-colindex="${heightCol}"]`)).toHaveText('9');
  expect(await heightOf(firstId)).toBe(9);
  // Arrows move the selection with the active row.
  await page.keyboard.press('ArrowDown');
  await expect(bodyRows(page).nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(bodyRows(page).first()).toHaveAttribute('aria-selected', 'false');

  // Sort by area, both ways: the numbers are in order.
  await table(page).getByRole('button', { name: '清除筛选' }).click();
  const areaCol = await colIndexOf(page, '椭球面积（m²）');
  const areaButton = grid(page).getByRole('button', { name: '排序：椭球面积（m²）' });
  await areaButton.click();
  await expect(
    grid(page)
      .getByRole('columnheader')
      .nth(areaCol - 1),
  ).toHaveAttribute('aria-sort', 'ascending');
  const up = (await columnTexts(page, areaCol)).map(Number);
  expect(up.length).toBeGreaterThan(5);
  expect(up).toEqual([...up].sort((a, b) => a - b));
  await areaButton.click();
  const down = (await columnTexts(page, areaCol)).map(Number);
  expect(down).toEqual([...down].sort((a, b) => b - a));
  expect(down[0]).toBeGreaterThan(up[0]!);

  // Free text finds one village's zones; the CSV holds exactly the shown rows.
  await table(page).getByRole('searchbox', { name: '在表中搜索' }).fill('克孜加尔');
  const objects = await readTable<StoredObject>(page, 'objects');
  const villageId = objects.find((o) => o.attributes.name === '古尔图镇克孜加尔村')!.id;
  const village = zonesOfWusu.filter((z) => z.objectId === villageId);
  expect(village.length).toBeGreaterThan(0);
  await expect(table(page).getByRole('status')).toContainText(`显示 ${village.length} / `);
  const names = await columnTexts(page, nameCol);
  expect(names).toHaveLength(village.length);
  expect(names.every((n) => n === '古尔图镇克孜加尔村')).toBe(true);

  const download = page.waitForEvent('download');
  await table(page).getByRole('button', { name: '导出 CSV' }).click();
  const file = join(mkdtempSync(join(tmpdir(), 'hzw-table-csv-')), 'view.csv');
  await (await download).saveAs(file);
  const bytes = readFileSync(file);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
  expect(lines[0]!.split(',').slice(0, 3)).toEqual(['名称', '对象类型', '区划类型']);
  expect(lines).toHaveLength(names.length + 1);
  const ids = await bodyRows(page).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-zone-id')!));
  const stored = (await readTable<StoredZone>(page, 'zones')).filter((z) => ids.includes(z.id));
  // Each exported area is GDAL's geodesic area of the stored geometry, within 0.1 %.
  const header = lines[0]!.split(',');
  const areaAt = header.indexOf('椭球面积（m²）');
  const exported = lines.slice(1).map((l) => Number(l.split(',')[areaAt]));
  const geojson = join(mkdtempSync(join(tmpdir(), 'hzw-table-gdal-')), 'zones.geojson');
  const ordered = ids.map((id) => stored.find((z) => z.id === id)!);
  writeFileSync(
    geojson,
    JSON.stringify({
      type: 'FeatureCollection',
      features: ordered.map((z, i) => ({ type: 'Feature', properties: { n: i }, geometry: z.geometry })),
    }),
  );
  const gdal = execFileSync(
    'ogrinfo',
    [
      '-ro',
      '-q',
      '-dialect',
      'sqlite',
      '-sql',
      'SELECT n, ST_Area(geometry, 1) AS a FROM zones ORDER BY n',
      geojson,
    ],
    { encoding: 'utf8' },
  );
  const reference = [...gdal.matchAll(/a \(Real\) = ([\d.]+)/g)].map((m) => Number(m[1]));
  expect(reference).toHaveLength(exported.length);
  exported.forEach((a, i) => expect(Math.abs(a - reference[i]!) / reference[i]!).toBeLessThan(0.001));
  for (const line of lines.slice(1)) expect(line.startsWith('古尔图镇克孜加尔村,')).toBe(true);

  // Copy puts the same rows on the clipboard, tab-separated for pasting into a spreadsheet.
  await table(page).getByRole('button', { name: '复制表格（制表符分隔）' }).click();
  const copied = (await page.evaluate(() => navigator.clipboard.readText())).trim().split('\r\n');
  expect(copied).toHaveLength(lines.length);
  expect(copied[0]!.split('\t')).toEqual(header);
  expect(copied.slice(1).map((l) => Number(l.split('\t')[areaAt]))).toEqual(exported);
});

test('3 000 zones: the table and the object tree keep only the rows in view in the DOM', async ({ page }) => {
  test.setTimeout(180_000);
  await openWorkbench(page);
  await importZones(page, zonesFile(3000, 100, '大批量对象'), 3000);
  await openTable(page);
  // The table lists the import once the live read has caught up with the commit.
  const shownRows = async () =>
    Number(/显示 (\d+)/.exec((await table(page).getByRole('status').textContent()) ?? '')?.[1] ?? 0);
  await expect.poll(shownRows).toBeGreaterThanOrEqual(3000);
  const total = await shownRows();
  expect(await grid(page).getAttribute('aria-rowcount')).toBe(String(total + 1));
  expect(await bodyRows(page).count()).toBeLessThan(60);

  // Scrolled to the end: the last row is there, the count still bounded.
  await grid(page).evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(bodyRows(page).last()).toHaveAttribute('aria-rowindex', String(total + 1));
  expect(await bodyRows(page).count()).toBeLessThan(60);

  // Ctrl+End from the keyboard lands on the last row and selects it.
  await grid(page).evaluate((el) => (el.scrollTop = 0));
  await bodyRows(page).first().click();
  await page.keyboard.press('Control+End');
  await expect(bodyRows(page).filter({ has: page.locator('.active-cell') })).toHaveAttribute(
    'aria-rowindex',
    String(total + 1),
  );

  const tree = page.getByRole('tree', { name: '保护对象' });
  expect(await tree.locator('.tree-row').count()).toBeLessThan(100);
  // The live check finds every imported zone without 四至: the panel lists a page of them, not 3 000.
  const findings = page.getByRole('list', { name: '检查结果' }).getByRole('listitem');
  const more = page.getByRole('button', { name: /^再显示 100 条（共 \d+ 条）$/ });
  await expect(more).toBeVisible();
  expect(await findings.count()).toBe(100);
  await more.click();
  await expect(findings).toHaveCount(200);
  expect(await page.locator('*').count()).toBeLessThan(5000);
});

test('every control of the table is named in Chinese, and in English after the switch', async ({ page }) => {
  await openWorkbench(page);
  await openTable(page);
  const names = () =>
    table(page)
      .locator('button, select, input, [role="grid"]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
  const zh = await names();
  expect(zh.length).toBeGreaterThan(25);
  for (const name of zh) expect(name).toMatch(/[\u4e00-\u9fff]/);
  await page.getByRole('button', { name: '切换到英文' }).click();
  await expect(page.getByRole('region', { name: 'Attribute table' })).toBeVisible();
  const en = await page
    .getByRole('region', { name: 'Attribute table' })
    .locator('button, select, input, [role="grid"]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
  expect(en).toHaveLength(zh.length);
  for (const name of en) {
    expect(name).not.toBe('');
    expect(name).not.toMatch(/[\u4e00-\u9fff]/);
  }
  await page.getByRole('button', { name: 'Close the attribute table' }).click();
  await expect(page.getByRole('region', { name: 'Attribute table' })).toHaveCount(0);
});

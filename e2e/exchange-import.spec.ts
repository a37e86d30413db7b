import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openWorkbench, test } from './fixtures/test';
import { readTable, type StoredZone } from './fixtures/indexedDb';

/** A GBK shapefile (EPSG:4516, .cpg CP936) made by scripts/fixtures/exchange-fixtures.mjs. */
const GBK_ZIP = 'e2e/fixtures/exchange/gbk-zones.zip';
const NAMES = ['奎屯河古渡口遗址', '车排子烽燧'];

interface StoredObject {
  id: string;
  projectId: string;
  attributes: { name: string };
}

async function pickImport(page: Page, path: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '导入', exact: true }).click();
  await (await chooser).setFiles(path);
  return page.getByRole('dialog', { name: '导入预览' });
}

test('import a zipped GBK shapefile: Chinese names in the preview, a wrong encoding garbles them, accepting stores them', async ({
  page,
}) => {
  await openWorkbench(page);
  const zonesBefore = await readTable<StoredZone>(page, 'zones');
  const preview = await pickImport(page, GBK_ZIP);

  await expect(preview.getByTestId('import-summary')).toHaveText(
    'gbk-zones.zip：共 3 个要素，3 个可导入，0 个被拒绝',
  );
  await expect(preview.getByRole('list', { name: '图层' })).toContainText('3 个要素');
  // Encoding: GBK, chosen from the .cpg sidecar; CRS: EPSG:4516 from the .prj.
  const encoding = preview.getByRole('combobox', { name: '属性编码' });
  await expect(encoding).toHaveValue('gbk');
  await expect(preview.getByTestId('encoding-source')).toHaveText('.cpg 文件声明');
  const crs = preview.getByRole('combobox', { name: '坐标系' });
  await expect(crs).toHaveValue('4516');
  await expect(crs.locator('option:checked')).toHaveText(/EPSG:4516 .*第28带/);
  await expect(preview.getByTestId('crs-source')).toContainText('.prj');

  const table = preview.getByRole('table', { name: /属性预览/ });
  for (const name of NAMES) await expect(table).toContainText(name);
  await expect(table).toContainText('建设控制地带');

  // A wrong encoding re-reads in the worker: the names turn into mojibake before anything is stored.
  await encoding.selectOption('utf-8');
  await expect(encoding).toHaveValue('utf-8');
  await expect(table).not.toContainText(NAMES[0]!);
  await expect(table).toContainText('\uFFFD');
  await encoding.selectOption('windows-1252');
  await expect(table).not.toContainText(NAMES[1]!);
  await expect(table).toContainText(/[ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ]/);
  await expect(preview.getByTestId('encoding-source')).toHaveText('您的选择');
  expect(await readTable(page, 'zones')).toHaveLength(zonesBefore.length);

  await encoding.selectOption('gbk');
  for (const name of NAMES) await expect(table).toContainText(name);

  await preview.getByRole('button', { name: '导入 3 个区划' }).click();
  await expect(preview).toBeHidden();
  for (const name of NAMES) await expect(page.getByRole('treeitem', { name, exact: true })).toBeVisible();

  const zonesAfter = await readTable<StoredZone>(page, 'zones');
  const imported = zonesAfter.filter((z) => !zonesBefore.some((b) => b.id === z.id));
  expect(imported).toHaveLength(3);
  expect(imported.map((z) => z.attributes.zoneType).sort()).toEqual([
    'construction_control_zone',
    'protection_range',
    'protection_range',
  ]);
  expect(imported.map((z) => z.attributes.boundaryText).sort()).toEqual(
    ['东至河堤，西至古道', '以烽燧为中心五十米', '保护范围外扩一百米'].sort(),
  );
  const objects = await readTable<StoredObject>(page, 'objects');
  const owners = new Set(imported.map((z) => z.objectId));
  expect(
    objects
      .filter((o) => owners.has(o.id))
      .map((o) => o.attributes.name)
      .sort(),
  ).toEqual([...NAMES].sort());
  // Reprojected from zone 28 to lon/lat: the fixture's rectangle around 84.71°E 44.45°N.
  const ring = imported.find((z) => z.attributes.boundaryText === '东至河堤，西至古道')!.geometry
    .coordinates[0]!;
  const lons = ring.map((p) => p[0]!);
  const lats = ring.map((p) => p[1]!);
  expect(Math.min(...lons)).toBeCloseTo(84.708, 6);
  expect(Math.max(...lons)).toBeCloseTo(84.712, 6);
  expect(Math.min(...lats)).toBeCloseTo(44.4485, 6);
  expect(Math.max(...lats)).toBeCloseTo(44.4515, 6);

  // The whole import is one undo step.
  await page.getByRole('button', { name: '撤销', exact: true }).click();
  await expect.poll(async () => (await readTable(page, 'zones')).length).toBe(zonesBefore.length);
});

test('a dropped shapefile opens the same preview; Escape cancels and stores nothing', async ({ page }) => {
  await openWorkbench(page);
  const before = await readTable<StoredZone>(page, 'zones');
  const bytes = [...readFileSync(GBK_ZIP)];
  const dataTransfer = await page.evaluateHandle((data) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(data)], 'gbk-zones.zip', { type: 'application/zip' }));
    return transfer;
  }, bytes);
  await page.dispatchEvent('.app', 'dragover', { dataTransfer });
  await page.dispatchEvent('.app', 'drop', { dataTransfer });

  const preview = page.getByRole('dialog', { name: '导入预览' });
  await expect(preview.getByRole('table', { name: /属性预览/ })).toContainText(NAMES[0]!);
  await expect(preview.getByRole('combobox', { name: '坐标系' })).toHaveValue('4516');
  await expect(preview.getByRole('button', { name: '导入 3 个区划' })).toBeEnabled();
  await page.keyboard.press('Escape');
  await expect(preview).toBeHidden();
  expect(await readTable(page, 'zones')).toHaveLength(before.length);
  await expect(page.getByRole('treeitem', { name: NAMES[0], exact: true })).toHaveCount(0);
});

test('the import preview names every control in English too', async ({ page }) => {
  await openWorkbench(page, '/?lang=en');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await (await chooser).setFiles(GBK_ZIP);
  const preview = page.getByRole('dialog', { name: 'Import preview' });
  await expect(preview.getByRole('combobox', { name: 'Attribute encoding' })).toHaveValue('gbk');
  await expect(preview.getByRole('combobox', { name: 'Coordinate system' })).toHaveValue('4516');
  await expect(preview.getByRole('combobox', { name: 'Axis order' })).toHaveValue('');
  await expect(preview.getByRole('list', { name: 'Why this coordinate system' })).toContainText('.prj');
  await expect(preview.getByRole('textbox', { name: 'Object name for unnamed features' })).toBeVisible();
  await expect(preview.getByRole('combobox', { name: 'Zone type for untyped features' })).toBeVisible();
  await expect(preview.getByRole('button', { name: 'Import 3 zones' })).toBeVisible();
  await preview.getByRole('button', { name: 'Cancel' }).click();
  await expect(preview).toBeHidden();
});

test('loose .shp/.shx/.dbf without .prj or .cpg: GBK detected, the CRS guessed for the project zone and confirmable', async ({
  page,
}) => {
  await openWorkbench(page);
  const before = await readTable<StoredZone>(page, 'zones');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '导入', exact: true }).click();
  await (
    await chooser
  ).setFiles(['shp', 'shx', 'dbf'].map((ext) => `e2e/fixtures/exchange/bare-zones.${ext}`));
  const preview = page.getByRole('dialog', { name: '导入预览' });

  await expect(preview.getByRole('combobox', { name: '属性编码' })).toHaveValue('gbk');
  await expect(preview.getByTestId('encoding-source')).toHaveText('按内容识别');
  await expect(preview.getByRole('table', { name: /属性预览/ })).toContainText(NAMES[1]!);
  // 6-digit eastings, no .prj: a guess from the numbers, the project's zone 28 without prefix
  // (EPSG:4537), and a visible request to confirm it.
  const crs = preview.getByRole('combobox', { name: '坐标系' });
  // The picker shows the EPSG the mapping used (not "unknown, choose"), with how it was told.
  await expect(crs).toHaveValue('4537');
  await expect(crs.locator('option[value=""]')).toHaveCount(0);
  await expect(preview.getByTestId('crs-source')).toContainText('按坐标数值推断');
  const warnings = preview.getByRole('alert', { name: '导入前请注意' });
  await expect(warnings).toContainText('未声明坐标系');
  await expect(warnings).toContainText('EPSG:4537');
  // The planner confirms it; the preview reads again with the choice and the warnings go.
  await crs.selectOption('4537');
  await expect(crs).toHaveValue('4537');
  await expect(preview.getByTestId('crs-source')).toHaveText('您的选择');
  await expect(warnings).toBeHidden();
  await expect(preview.getByRole('button', { name: '导入 3 个区划' })).toBeEnabled();
  await preview.getByRole('button', { name: '导入 3 个区划' }).click();
  await expect(page.getByRole('treeitem', { name: NAMES[1], exact: true })).toBeVisible();

  const imported = (await readTable<StoredZone>(page, 'zones')).filter(
    (z) => !before.some((b) => b.id === z.id),
  );
  expect(imported).toHaveLength(3);
  const ring = imported.find((z) => z.attributes.boundaryText === '以烽燧为中心五十米')!.geometry
    .coordinates[0]!;
  expect(Math.min(...ring.map((p) => p[0]!))).toBeCloseTo(84.6392, 6);
  expect(Math.max(...ring.map((p) => p[1]!))).toBeCloseTo(44.4106, 6);
});

test('a CAD drawing: CAD layers map to zone types (prefilled from their names), the open line is refused, planar areas survive', async ({
  page,
}) => {
  await openWorkbench(page);
  const before = await readTable<StoredZone>(page, 'zones');
  const preview = await pickImport(page, 'e2e/fixtures/exchange/cad-zones.dxf');

  await expect(preview.getByRole('combobox', { name: '属性编码' })).toHaveValue('gbk');
  await expect(preview.getByTestId('encoding-source')).toHaveText('文件头声明');
  await expect(preview.getByRole('combobox', { name: '坐标系' })).toHaveValue('4516');
  const mapping = preview.getByRole('table', { name: 'CAD 图层对应的区划类型' });
  await expect(mapping.getByRole('combobox', { name: 'CAD 图层 保护范围线' })).toHaveValue(
    'protection_range',
  );
  await expect(mapping.getByRole('combobox', { name: 'CAD 图层 建设控制地带' })).toHaveValue(
    'construction_control_zone',
  );
  await expect(mapping.getByRole('combobox', { name: 'CAD 图层 DIM' })).toHaveValue('');
  // The title TEXT is read as a label point now: reference, refused as a zone like the open line.
  await expect(preview.getByTestId('import-summary')).toHaveText(
    'cad-zones.dxf：共 4 个要素，2 个可导入，2 个被拒绝',
  );
  const refused = preview.getByRole('list', { name: '被拒绝的要素' }).getByRole('listitem');
  await expect(refused).toHaveCount(2);
  await expect(refused.first()).toContainText('要素 #2');
  await expect(refused.first()).toContainText('LineString');
  await expect(refused.nth(1)).toContainText('Point');
  await expect(preview.getByRole('alert', { name: '导入前请注意' })).toContainText('未闭合');

  // The planner names the object and re-maps a layer; each change reads the drawing again.
  const objectName = preview.getByRole('textbox', { name: '无名称要素的保护对象名称' });
  await expect(objectName).toHaveValue('cad-zones');
  await objectName.fill('古渡口（CAD）');
  await objectName.press('Enter');
  await mapping.getByRole('combobox', { name: 'CAD 图层 保护范围线' }).selectOption('core_protection_range');
  await expect(preview.getByRole('button', { name: '导入 2 个区划' })).toBeEnabled();
  await preview.getByRole('button', { name: '导入 2 个区划' }).click();

  const core = page.getByRole('treeitem', { name: '古渡口（CAD） 核心保护范围' });
  await expect(core).toBeVisible();
  const imported = (await readTable<StoredZone>(page, 'zones')).filter(
    (z) => !before.some((b) => b.id === z.id),
  );
  expect(imported.map((z) => z.attributes.zoneType).sort()).toEqual([
    'construction_control_zone',
    'core_protection_range',
  ]);
  // 200 m × 150 m in Gauss-Krüger zone 28: the attribute panel's planar area is 30 000 m².
  await core.locator('.tree-row').click();
  const planar = Number((await page.getByTestId('area-planar-m2').textContent())!.replace(/[^\d.]/g, ''));
  expect(Math.abs(planar - 30_000) / 30_000).toBeLessThan(0.0001);
});

test('hostile files picked for import are refused with their specific message, IndexedDB unchanged', async ({
  page,
}) => {
  await openWorkbench(page);
  const tables = ['projects', 'objects', 'zones'] as const;
  const snapshot = async () =>
    Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await readTable(page, t)] as const)));
  const before = await snapshot();
  const dir = mkdtempSync(join(tmpdir(), 'hzw-hostile-'));
  // Billion laughs: ten levels of entities, refused before any XML parser sees them.
  const laughs = join(dir, 'laughs.kml');
  const entities = Array.from(
    { length: 9 },
    (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`,
  ).join('');
  writeFileSync(
    laughs,
    `<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY lol "lol">${entities}]><kml><Document><name>&lol9;</name></Document></kml>`,
  );
  // A zipped shapefile whose .shp stops in the middle of the header.
  writeFileSync(join(dir, 'cut.shp'), readFileSync('e2e/fixtures/exchange/bare-zones.shp').subarray(0, 60));
  writeFileSync(join(dir, 'cut.dbf'), readFileSync('e2e/fixtures/exchange/bare-zones.dbf'));
  const truncated = join(dir, 'truncated.zip');
  execFileSync('python3', [
    '-c',
    `import zipfile,sys;z=zipfile.ZipFile(sys.argv[1],'w',zipfile.ZIP_DEFLATED);[z.write(sys.argv[2]+'/'+n,n) for n in ('cut.shp','cut.dbf')];z.close()`,
    truncated,
    dir,
  ]);
  for (const [file, message] of [
    [laughs, 'laughs.kml'],
    [truncated, 'cut.shp'],
  ] as const) {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '导入', exact: true }).click();
    await (await chooser).setFiles(file);
    const alert = page.getByRole('alert').filter({ hasText: message });
    await expect(alert).toBeVisible();
    await expect(page.getByRole('dialog', { name: '导入预览' })).toBeHidden();
    if (file === laughs) await expect(alert).toContainText('DOCTYPE/ENTITY');
    else await expect(alert).toContainText('文件太短，不是 Shapefile');
    await page.getByRole('button', { name: '关闭提示' }).click();
  }
  expect(await snapshot()).toEqual(before);
});

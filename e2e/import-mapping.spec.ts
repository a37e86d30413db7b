import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openWorkbench, test } from './fixtures/test';
import { readTable, type StoredZone } from './fixtures/indexedDb';

/** A county's zone table: GBK shapefile, Chinese field names and values (scripts/fixtures/exchange-fixtures.mjs). */
const COUNTY_TABLE = 'e2e/fixtures/exchange/county-table.zip';
const PRESET = '乌苏文物局区划表';

interface StoredObject {
  id: string;
  attributes: { name: string; level: string | null };
}
interface ExportedFeature {
  properties: Record<string, unknown>;
  geometry: { coordinates: number[][][] };
}

async function pickImport(page: Page, path: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '导入', exact: true }).click();
  await (await chooser).setFiles(path);
  return page.getByRole('dialog', { name: '导入预览' });
}

async function exportGeoJson(page: Page): Promise<string> {
  await page.getByRole('button', { name: '导出', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '导出' });
  await dialog.getByRole('combobox', { name: '格式' }).selectOption('geojson');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: /^导出 \(\d+\)$/ }).click();
  const file = await download;
  const path = join(mkdtempSync(join(tmpdir(), 'hzw-mapping-')), file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

test('a county table with Chinese fields: map a field and a value by hand, save the preset, import; re-import the edited export updates two zones in one undo step', async ({
  page,
}) => {
  await openWorkbench(page);
  const zonesBefore = await readTable<StoredZone>(page, 'zones');
  const preview = await pickImport(page, COUNTY_TABLE);

  // Matched by name: 名称, 类型, 级别, 四至, 批准文号; 外围控制带 is no zone type the tables know.
  await expect(preview.getByTestId('import-summary')).toHaveText(
    'county-table.zip：共 5 个要素，4 个可导入，1 个被拒绝',
  );
  await expect(preview.getByRole('list', { name: '被拒绝的要素' })).toContainText('「外围控制带」');
  await expect(preview.getByRole('combobox', { name: '区划类型 的来源字段' })).toHaveValue('类型');
  await expect(preview.getByRole('combobox', { name: '四至（原文） 的来源字段' })).toHaveValue('四至');
  await expect(preview.getByRole('combobox', { name: '保护级别 的来源字段' })).toHaveValue('级别');
  await expect(preview.getByRole('combobox', { name: '区划类型：一类建控' })).toHaveValue(
    'construction_control_zone:1',
  );
  await expect(preview.getByRole('combobox', { name: '保护级别：省保' })).toHaveValue('provincial');

  // 说明 holds the management rules: nothing matches it by name, the planner maps it.
  const rules = preview.getByRole('combobox', { name: '管控要求 的来源字段' });
  await expect(rules).toHaveValue('');
  await rules.selectOption('说明');
  await expect(rules).toHaveValue('说明');
  const fields = preview.getByRole('table', { name: '字段与取值对应' });
  await expect(fields.getByRole('row', { name: /管控要求/ })).toContainText('不得新建建筑');

  await preview
    .getByRole('combobox', { name: '区划类型：外围控制带' })
    .selectOption('environment_coordination_zone');
  await expect(preview.getByTestId('import-summary')).toHaveText(
    'county-table.zip：共 5 个要素，5 个可导入，0 个被拒绝',
  );
  await expect(preview.getByTestId('import-plan')).toContainText('区划：新增 5 个，更新 0 个，未变 0 个');

  await preview.getByRole('textbox', { name: '方案名称' }).fill(PRESET);
  await preview.getByRole('button', { name: '保存为方案' }).click();
  await expect(preview.getByRole('combobox', { name: '字段对应方案' })).toHaveValue(PRESET);
  await preview.getByRole('button', { name: '导入 5 个区划' }).click();
  await expect(preview).toBeHidden();

  const imported = (await readTable<StoredZone>(page, 'zones')).filter(
    (z) => !zonesBefore.some((b) => b.id === z.id),
  );
  const byRules = Object.fromEntries(imported.map((z) => [z.attributes.rules as string, z.attributes]));
  expect(imported).toHaveLength(5);
  expect(byRules['不得新建建筑']).toMatchObject({ zoneType: 'protection_range', cczClass: null });
  expect(byRules['限高九米']).toMatchObject({ zoneType: 'construction_control_zone', cczClass: null });
  expect(byRules['限高六米']).toMatchObject({ zoneType: 'construction_control_zone', cczClass: 1 });
  expect(byRules['风貌协调']).toMatchObject({ zoneType: 'environment_coordination_zone' });
  expect(byRules['不得取土']).toMatchObject({
    zoneType: 'protection_range',
    boundaryText: '以烽燧为中心五十米',
    approval: { documentNo: '新政函〔2019〕12号' },
  });
  const objects = await readTable<StoredObject>(page, 'objects');
  const levels = Object.fromEntries(
    objects
      .filter((o) => imported.some((z) => z.objectId === o.id))
      .map((o) => [o.attributes.name, o.attributes.level]),
  );
  expect(levels).toEqual({ 奎屯河古渡口遗址: 'provincial', 车排子烽燧: 'county' });

  // The same kind of file again: the preset made for exactly these fields applies by itself.
  const again = await pickImport(page, COUNTY_TABLE);
  await expect(again.getByRole('combobox', { name: '字段对应方案' })).toHaveValue(PRESET);
  await expect(again.getByTestId('preset-fits')).toBeVisible();
  await expect(again.getByTestId('import-summary')).toHaveText(
    'county-table.zip：共 5 个要素，5 个可导入，0 个被拒绝',
  );
  await again.getByRole('button', { name: '取消' }).click();
  await expect(again).toBeHidden();

  // Export, edit one zone's 四至 and move one vertex of another, import the file again.
  const exported = JSON.parse(readFileSync(await exportGeoJson(page), 'utf8')) as {
    features: ExportedFeature[];
  };
  const all = await readTable<StoredZone>(page, 'zones');
  const projectZones = all.filter((z) => z.projectId === imported[0]!.projectId);
  expect(exported.features).toHaveLength(projectZones.length);
  const feature = (rule: string) => exported.features.find((f) => f.properties.rules === rule)!;
  feature('不得取土').properties.boundary_text = '以烽燧为中心六十米（2024年修订）';
  feature('限高九米').geometry.coordinates[0]![1]![0]! += 0.0005;
  const edited = join(mkdtempSync(join(tmpdir(), 'hzw-mapping-')), '区划-修订.geojson');
  writeFileSync(edited, JSON.stringify(exported));

  const reimport = await pickImport(page, edited);
  await expect(reimport.getByTestId('import-plan')).toContainText(
    `区划：新增 0 个，更新 2 个，未变 ${projectZones.length - 2} 个`,
  );
  await reimport.getByRole('button', { name: `导入 ${projectZones.length} 个区划` }).click();
  await expect(reimport).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: '已导入' })).toContainText('更新 2 个');

  const after = await readTable<StoredZone>(page, 'zones');
  expect(after).toHaveLength(all.length);
  const zone = (rule: string) => after.find((z) => z.attributes.rules === rule)!;
  expect(zone('不得取土').attributes.boundaryText).toBe('以烽燧为中心六十米（2024年修订）');
  const moved = zone('限高九米').geometry.coordinates[0]![1]![0]!;
  const was = all.find((z) => z.id === zone('限高九米').id)!.geometry.coordinates[0]![1]![0]!;
  expect(moved - was).toBeCloseTo(0.0005, 6);

  // One undo step restores both zones as they were.
  await page.getByRole('button', { name: '撤销', exact: true }).click();
  await expect
    .poll(
      async () =>
        (await readTable<StoredZone>(page, 'zones')).find((z) => z.id === zone('不得取土').id)?.attributes
          .boundaryText,
    )
    .toBe('以烽燧为中心五十米');
  const undone = await readTable<StoredZone>(page, 'zones');
  const sorted = (zones: StoredZone[]) => [...zones].sort((a, b) => a.id.localeCompare(b.id));
  expect(sorted(undone)).toEqual(sorted(all));
});

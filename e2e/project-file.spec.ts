import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, openWorkbench, test } from './fixtures/test';
import { readTable } from './fixtures/indexedDb';

test('save the project with Ctrl+S and open the file again as a new project', async ({ page }) => {
  await openWorkbench(page);
  const download = page.waitForEvent('download');
  await page.getByTestId('map').focus();
  await page.keyboard.press('Control+s');
  const file = join(mkdtempSync(join(tmpdir(), 'hzw-save-')), (await download).suggestedFilename());
  expect(file).toMatch(/乌苏市文物保护区划（示意）\.hzw$/);
  await (await download).saveAs(file);
  type Row = { id: string; projectId: string; geometry: unknown };
  const zonesBefore = await readTable<Row>(page, 'zones');
  const saved = zonesBefore.find((z) => z.id === 'sample-chenghuasi-body')!;
  const savedCount = zonesBefore.filter((z) => z.projectId === saved.projectId).length;

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '打开项目' }).click();
  await (await chooser).setFiles(file);
  // Opened as a third project holding its own copy of every zone of the saved one.
  await expect.poll(async () => (await readTable(page, 'projects')).length).toBe(3);
  const zonesAfter = await readTable<Row>(page, 'zones');
  expect(zonesAfter.length).toBe(zonesBefore.length + savedCount);
  const copies = zonesAfter.filter((z) => !zonesBefore.some((b) => b.id === z.id));
  expect(copies.map((z) => z.geometry)).toContainEqual(saved.geometry);
  await expect(page.getByRole('treeitem', { name: '巴音沟承化寺', exact: true })).toBeVisible();
});

test('a damaged or newer project file is refused with a message and nothing changes', async ({ page }) => {
  await openWorkbench(page);
  const dir = mkdtempSync(join(tmpdir(), 'hzw-bad-'));
  const newer = join(dir, 'newer.hzw');
  writeFileSync(
    newer,
    JSON.stringify({ format: 'heritage-zone-workbench-project', version: 99, objects: [], zones: [] }),
  );
  const broken = join(dir, 'broken.hzw');
  writeFileSync(broken, '{"format": "heritage-zone-workbench-project", "version": 1, "zones": [');
  const before = { projects: await readTable(page, 'projects'), zones: await readTable(page, 'zones') };

  for (const [file, message] of [
    [newer, '版本 99 比本程序支持的版本 3 新'],
    [broken, '不是有效的 JSON'],
  ] as const) {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '打开项目' }).click();
    await (await chooser).setFiles(file);
    await expect(page.getByRole('alert')).toContainText(message);
    await page.getByRole('button', { name: '关闭提示' }).click();
  }
  expect({ projects: await readTable(page, 'projects'), zones: await readTable(page, 'zones') }).toEqual(
    before,
  );
});

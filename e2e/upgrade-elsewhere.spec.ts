import { expect, openWorkbench, test } from './fixtures/test';
import { readTable, type StoredZone } from './fixtures/indexedDb';
import { drawZone, newProjectWithObject } from './fixtures/workflow';

/**
 * Another tab runs a newer version of the app: it opens the database at a higher schema version
 * (Dexie stores version n as 10 n on disk; the newer app brings the next one). This window lets
 * go, keeps what it shows and offers a reload; an edit tried meanwhile is refused with the reason,
 * not lost silently.
 */
test('another tab upgrading the database brings a reload prompt; nothing saved is lost', async ({ page }) => {
  await openWorkbench(page);
  await newProjectWithObject(page, '升级测试');
  await drawZone(page, [
    [450, 300],
    [600, 300],
    [600, 420],
    [450, 420],
  ]);
  await expect(page.getByRole('treeitem', { name: '升级测试 保护范围' })).toBeVisible();
  const saved = (await readTable<StoredZone>(page, 'zones')).map((z) => z.id);

  // The newer version's connection, opened on the same origin (here from this page's context).
  const after = await page.evaluate(async () => {
    // Dexie stores version n as 10 n: the newer app brings the next one, whatever ours is now.
    const name = 'heritage-zone-workbench';
    const current = (await indexedDB.databases()).find((d) => d.name === name)?.version ?? 0;
    return new Promise<string[]>((resolve, reject) => {
      const request = indexedDB.open(name, current + 10);
      request.onupgradeneeded = () => request.result.createObjectStore('newerTable');
      request.onsuccess = () => {
        const keys = request.result.transaction('zones').objectStore('zones').getAllKeys();
        keys.onsuccess = () => resolve(keys.result as string[]);
      };
      request.onerror = () => reject(request.error);
    });
  });
  expect(after).toEqual(expect.arrayContaining(saved));

  const banner = page.getByTestId('reload-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('请重新加载此窗口后继续');
  await expect(banner.getByRole('button', { name: '重新加载' })).toBeVisible();
  // The tree still shows the project: nothing of the window was reset.
  await expect(page.getByRole('treeitem', { name: '升级测试 保护范围' })).toBeVisible();

  // An edit tried now is refused with the reason; the typed value stays in the field.
  const panel = page.getByRole('region', { name: '区划属性' });
  await panel.getByLabel('管控要求').fill('升级后输入');
  await panel.getByLabel('限高（米）').click();
  await expect(page.getByRole('alert').filter({ hasText: '数据库已被新版本升级' })).toBeVisible();
  await expect(panel.getByLabel('管控要求')).toHaveValue('升级后输入');
});

import { execFileSync } from 'node:child_process';
import type { Locator, Page } from '@playwright/test';
import { expect, openWorkbench, test } from './fixtures/test';
import { readTable, type StoredZone } from './fixtures/indexedDb';
import { clickMap, dragOnMap, type Pixel } from './fixtures/mapInput';
import { openFile, reviewerPage, saveProject } from './fixtures/projectFiles';
import { drawZone, newProjectWithObject } from './fixtures/workflow';

/*
 * The review loop end to end (issue 13, first "Done when"), in two browser profiles: the planner
 * saves; the reviewer opens the file in a fresh profile, comments on a zone and on a map position,
 * gives verdicts, signs and saves; the planner merges the returned file, sees the pins and the
 * verdicts, answers and resolves (undo/redo in the panel), moves a vertex — the sign-off is then
 * superseded — and merging the same file again adds nothing.
 */

const SQUARE: Pixel[] = [
  [450, 300],
  [600, 300],
  [600, 450],
  [450, 450],
];

type PixelOf = { __hzwBench: { map: { pixelOf(p: number[]): [number, number] | null } } };
const pixelOf = (page: Page, lonLat: number[]) =>
  page.evaluate((p) => (window as unknown as PixelOf).__hzwBench.map.pixelOf(p)!, lonLat);

/** The benches' map handle (App.tsx) gives the pixel of a stored lon/lat in either profile. */
const withMapHandle = (page: Page) =>
  page.addInitScript(() => ((window as unknown as { __hzwBench: object }).__hzwBench = {}));

async function reviewCounts(page: Page) {
  const [comments, decisions, signoffs] = await Promise.all(
    ['comments', 'decisions', 'signoffs'].map((t) => readTable(page, t)),
  );
  return { comments: comments!.length, decisions: decisions!.length, signoffs: signoffs!.length };
}

const panelOf = (page: Page) => page.getByRole('region', { name: '审查', exact: true });

async function writeComment(page: Page, text: string): Promise<void> {
  const composer = page.getByRole('region', { name: '新意见' });
  await expect(composer).toBeVisible();
  await composer.getByLabel('意见内容').fill(text);
  await composer.getByRole('button', { name: '发送' }).click();
}

async function mergeReview(page: Page, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('toolbar', { name: '工具栏' }).getByRole('button', { name: '合并审查意见' }).click();
  await (await chooser).setFiles(file);
}

const signoffState = (panel: Locator) =>
  panel.getByRole('list', { name: '签署状态' }).locator('.signoff-state');

test('a review goes out and comes back: comments, verdicts and sign-off merge without touching geometry', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  // ── Planner: one object, one zone, saved.
  await withMapHandle(page);
  await openWorkbench(page);
  await newProjectWithObject(page, '城墙');
  await drawZone(page, SQUARE);
  const file = await saveProject(page);
  const [planned] = (await readTable<StoredZone>(page, 'zones')).filter((z) => !z.id.startsWith('sample-'));
  const ring = planned!.geometry.coordinates[0]!;
  const centre = [0, 1].map((k) => ring.slice(0, 4).reduce((s, p) => s + p[k]!, 0) / 4);

  // ── Reviewer: a fresh profile opens the file as a review copy.
  const { page: reviewer, errors } = await reviewerPage(browser, baseURL);
  await withMapHandle(reviewer);
  await reviewer.reload();
  await expect(reviewer.getByTestId('map')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await openFile(reviewer, file);
  const banner = reviewer.getByRole('region', { name: '审阅模式：只读' });
  await expect(banner).toContainText('几何只读，可添加审阅意见');
  await expect(reviewer.getByRole('button', { name: '编辑节点' })).toBeDisabled();

  // Comment tool by its key; a click inside the zone comments on the zone. The first comment asks
  // who the reviewer is.
  await reviewer.getByTestId('map').focus();
  await reviewer.keyboard.press('n');
  await expect(reviewer.getByRole('button', { name: '批注', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect.poll(() => reviewer.getByTestId('map').getAttribute('data-zones')).toBe('1');
  const inside = await pixelOf(reviewer, centre);
  await clickMap(reviewer, inside);
  const panel = panelOf(reviewer);
  await expect(panel.getByRole('region', { name: '新意见' })).toContainText('城墙');
  await writeComment(reviewer, '东侧边界应沿现状道路外扩\n第二行');
  const identity = reviewer.getByRole('dialog', { name: '审阅人信息' });
  await identity.getByLabel('姓名').fill('李审');
  await identity.getByLabel('单位').fill('乌苏市文物局');
  await identity.getByRole('button', { name: '确定' }).click();
  const list = panel.getByRole('list', { name: '审阅意见' });
  await expect(list.getByRole('listitem')).toHaveCount(1);

  // A click on an empty map position (east of the zone, zoomed out to make room) comments on that place.
  await reviewer.getByRole('toolbar', { name: '工具栏' }).getByRole('button', { name: '缩小' }).click();
  await reviewer.getByRole('toolbar', { name: '工具栏' }).getByRole('button', { name: '缩小' }).click();
  await reviewer.waitForTimeout(400);
  const width = ring[1]![0]! - ring[0]![0]!;
  const east = await pixelOf(reviewer, [centre[0]! + 1.5 * width, centre[1]!]);
  await clickMap(reviewer, east);
  await expect(panel.getByRole('region', { name: '新意见' })).toContainText('地图位置');
  await writeComment(reviewer, '此处有未登记的古井，请核实');
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(reviewer.getByTestId('map')).toHaveAttribute('data-comment-pins', '2');

  // Verdicts: the zone (selected by the first comment) with changes, its object approved.
  const zoneName = panel.getByRole('group', { name: /^结论：城墙 · / });
  await zoneName.getByRole('combobox').selectOption({ label: '修改后同意' });
  await zoneName.getByRole('textbox').fill('东侧外扩后同意');
  await zoneName.getByRole('button', { name: /提交结论/ }).click();
  const objectName = panel.getByRole('group', { name: '结论：城墙', exact: true });
  await objectName.getByRole('combobox').selectOption({ label: '同意' });
  await objectName.getByRole('button', { name: /提交结论/ }).click();
  const verdicts = panel.getByRole('region', { name: '审查结论' });
  await expect(verdicts).toContainText('修改后同意');
  await expect(verdicts.locator('.all-verdicts li')).toHaveCount(2);

  // Sign the whole file; it is valid for the content it was signed on.
  await panel.getByRole('button', { name: '签署', exact: true }).click();
  const signDialog = reviewer.getByRole('dialog', { name: '签署审查意见' });
  await signDialog.getByLabel('结论').selectOption({ label: '修改后同意' });
  await signDialog.getByLabel('审查意见（总体）').fill('同意按意见修改后报批');
  await signDialog.getByRole('button', { name: '签署', exact: true }).click();
  await expect(signoffState(panel)).toHaveText('有效');
  const returned = await saveProject(reviewer);

  // GDAL reads the review tables of the returned file.
  const layers = execFileSync('ogrinfo', ['-ro', '-q', returned], { encoding: 'utf8' });
  expect(layers).toMatch(/\d+: review_comments \(Point\)/);
  // GDAL 3.6 lists an attribute table as "(None)".
  expect(layers).toMatch(/^\d+: review_decisions( \(None\))?$/m);
  const featureCount = (layer: string) =>
    execFileSync('ogrinfo', ['-ro', '-so', returned, layer], { encoding: 'utf8' }).match(
      /Feature Count: (\d+)/,
    )?.[1];
  expect(featureCount('review_comments')).toBe('2');
  expect(featureCount('review_decisions')).toBe('2');
  expect(errors, 'reviewer page errors').toEqual([]);
  await reviewer.context().close();

  // ── Planner: merge the returned file. Geometry and edits stay; comments, verdicts, sign-off come in.
  const zonesBefore = await readTable<StoredZone>(page, 'zones');
  const countsBefore = await reviewCounts(page);
  await mergeReview(page, returned);
  await expect(page.locator('.notice')).toContainText('新增意见 2');
  await expect(page.getByTestId('map')).toHaveAttribute('data-comment-pins', '2');
  expect(await readTable<StoredZone>(page, 'zones')).toEqual(zonesBefore);
  expect(await reviewCounts(page)).toEqual({
    comments: countsBefore.comments + 2,
    decisions: countsBefore.decisions + 2,
    signoffs: countsBefore.signoffs + 1,
  });
  const planner = panelOf(page);
  await expect(planner.getByRole('region', { name: '审查结论' })).toContainText('修改后同意');
  await expect(planner.getByRole('region', { name: '审查结论' })).toContainText('乌苏市文物局');
  await expect(signoffState(planner)).toHaveText('有效');

  // Answer the zone's comment (adopted) and resolve it.
  await planner
    .getByRole('list', { name: '审阅意见' })
    .getByRole('button', { name: /东侧边界/ })
    .click();
  const thread = planner.getByRole('region', { name: '意见详情 1' });
  await expect(thread.locator('.comment-text').first()).toHaveText('东侧边界应沿现状道路外扩\n第二行');
  await thread.getByLabel('回复内容').fill('已按意见调整');
  await thread.getByLabel('采纳情况').selectOption({ label: '采纳' });
  await thread.getByRole('button', { name: '回复' }).click();
  // The planner answers under their own name, asked for once as well.
  const plannerIdentity = page.getByRole('dialog', { name: '审阅人信息' });
  await plannerIdentity.getByLabel('姓名').fill('王规划');
  await plannerIdentity.getByLabel('单位').fill('县规划设计院');
  await plannerIdentity.getByRole('button', { name: '确定' }).click();
  await expect(thread).toContainText('已按意见调整');
  await thread.getByRole('button', { name: '标为已解决' }).click();
  await expect(thread.getByRole('heading')).toContainText('已解决');
  const afterResolve = await reviewCounts(page);

  // Ctrl+Z in the panel takes back only the resolve (a review step), redo brings it back.
  await thread.getByRole('heading').click();
  await page.keyboard.press('Control+z');
  await expect(thread.getByRole('heading')).toContainText('未解决');
  await expect(thread).toContainText('已按意见调整');
  expect((await reviewCounts(page)).comments).toBe(afterResolve.comments - 1);
  expect(await readTable<StoredZone>(page, 'zones')).toEqual(zonesBefore);
  await page.keyboard.press('Control+Shift+Z');
  await expect(thread.getByRole('heading')).toContainText('已解决');

  // Move a vertex: the sign-off no longer matches the content.
  const corner = await pixelOf(page, ring[1]!);
  await page.getByRole('button', { name: '编辑节点' }).click();
  await dragOnMap(page, corner, [corner[0] + 25, corner[1] - 15]);
  await expect.poll(async () => await readTable<StoredZone>(page, 'zones')).not.toEqual(zonesBefore);
  await expect(signoffState(planner)).toContainText('已失效');
  await planner.getByRole('button', { name: '查看变化' }).click();
  const changes = planner.getByRole('region', { name: '签署后的变化' });
  await expect(changes).toContainText('区划 1 个');
  await expect(changes.getByRole('listitem')).toHaveCount(1);
  await expect(changes.getByRole('listitem')).toContainText('几何');

  // The same file again adds nothing.
  const countsNow = await reviewCounts(page);
  await mergeReview(page, returned);
  await expect(page.locator('.notice')).toContainText('没有新的审查内容');
  expect(await reviewCounts(page)).toEqual(countsNow);
});

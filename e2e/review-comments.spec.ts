import { expect, openWorkbench, test } from './fixtures/test';
import { readTable, type StoredZone } from './fixtures/indexedDb';
import { clickMap, type Pixel } from './fixtures/mapInput';
import { drawZone, newProjectWithObject } from './fixtures/workflow';

/*
 * The comment tool on a real map: what a click lands on (vertex within 8 px, edge within 6 px,
 * the zone, or — with Alt — the position), comment text shown as plain text, pins by count, the
 * list's status filter, and a click on a pin opening its thread.
 */

const SQUARE: Pixel[] = [
  [450, 300],
  [600, 300],
  [600, 450],
  [450, 450],
];
const HOSTILE = '<img src=x onerror=alert(1)>&amp;';

type PixelOf = { __hzwBench: { map: { pixelOf(p: number[]): [number, number] | null } } };

interface StoredComment {
  text: string;
  anchor?: { kind: string; zoneId?: string; index?: number; t?: number; at: number[] | null };
}

test('the comment tool anchors to a vertex, an edge, a zone or (Alt) a position, and shows text as text', async ({
  page,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.addInitScript(() => ((window as unknown as { __hzwBench: object }).__hzwBench = {}));
  await openWorkbench(page);
  await newProjectWithObject(page, '城墙');
  await drawZone(page, SQUARE);
  const [zone] = (await readTable<StoredZone>(page, 'zones')).filter((z) => !z.id.startsWith('sample-'));
  const ring = zone!.geometry.coordinates[0]!;
  const pixelOf = (p: number[]) =>
    page.evaluate((q) => (window as unknown as PixelOf).__hzwBench.map.pixelOf(q)!, p);
  const [v0, v1] = [await pixelOf(ring[0]!), await pixelOf(ring[1]!)];
  const centre = await pixelOf([0, 1].map((k) => ring.slice(0, 4).reduce((s, p) => s + p[k]!, 0) / 4));

  await page
    .getByRole('toolbar', { name: '工具栏' })
    .getByRole('button', { name: '批注', exact: true })
    .click();
  const composer = page.getByRole('region', { name: '新意见' });
  const send = async (text: string) => {
    await composer.getByLabel('意见内容').fill(text);
    await composer.getByRole('button', { name: '发送' }).click();
    await expect(composer).toBeHidden();
  };

  // 5 px off the second vertex (within 8 px): that vertex.
  await clickMap(page, [v1[0] + 3, v1[1] + 4]);
  await expect(composer).toContainText('城墙 · 保护范围 · 节点 2');
  await composer.getByLabel('意见内容').fill(HOSTILE);
  await composer.getByRole('button', { name: '发送' }).click();
  const identity = page.getByRole('dialog', { name: '审阅人信息' });
  await identity.getByLabel('姓名').fill('李审');
  await identity.getByRole('button', { name: '确定' }).click();
  await expect(composer).toBeHidden();

  // 4 px off the middle of the first edge (within 6 px, far from its ends): that edge.
  const mid: Pixel = [(v0[0] + v1[0]) / 2, (v0[1] + v1[1]) / 2 + 4];
  await clickMap(page, mid);
  await expect(composer).toContainText('城墙 · 保护范围 · 边 1');
  await send('北边线应取围墙外皮');

  // Inside the zone: the zone; with Alt: the position itself.
  await clickMap(page, centre);
  await expect(composer).toContainText('城墙 · 保护范围');
  await expect(composer).not.toContainText('节点');
  await composer.getByRole('button', { name: '取消' }).click();
  await page.keyboard.down('Alt');
  await clickMap(page, centre);
  await page.keyboard.up('Alt');
  await expect(composer).toContainText('地图位置');
  await send('此处为古井');

  const stored = await readTable<StoredComment>(page, 'comments');
  const anchorOf = (text: string) => stored.find((c) => c.text === text)!.anchor!;
  expect(anchorOf(HOSTILE)).toMatchObject({ kind: 'vertex', zoneId: zone!.id, index: 1, at: ring[1] });
  const edge = anchorOf('北边线应取围墙外皮');
  expect(edge).toMatchObject({ kind: 'edge', zoneId: zone!.id, index: 0 });
  expect(Math.abs(edge.t! - 0.5)).toBeLessThan(0.05);
  expect(anchorOf('此处为古井').kind).toBe('position');
  await expect(page.getByTestId('map')).toHaveAttribute('data-comment-pins', '3');

  // The hostile text is shown literally, never as markup.
  const panel = page.getByRole('region', { name: '审查', exact: true });
  await expect(panel.getByText(HOSTILE, { exact: true }).first()).toBeVisible();
  await expect(page.locator('img')).toHaveCount(0);

  // A click on a pin (with the comment tool) opens that thread instead of starting a new one.
  await clickMap(page, await pixelOf(anchorOf('此处为古井').at!));
  const thread = panel.getByRole('region', { name: '意见详情 3' });
  await expect(thread).toContainText('此处为古井');
  await expect(composer).toBeHidden();
  await thread.getByRole('button', { name: '标为已解决' }).click();
  await expect(thread.getByRole('heading')).toContainText('已解决');

  // The status filter: only the resolved thread, then all three again.
  const list = panel.getByRole('list', { name: '审阅意见' });
  await panel.getByLabel('按状态筛选').selectOption({ label: '已解决' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText('此处为古井');
  await panel.getByLabel('按状态筛选').selectOption({ label: '全部' });
  await expect(list.getByRole('listitem')).toHaveCount(3);
  expect(dialogs).toEqual([]);
});

import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { expect, openWorkbench, test } from './fixtures/test';
import { readTable, type StoredZone } from './fixtures/indexedDb';
import { mapColours } from './fixtures/mapPixels';
import { importZones, zonesFile } from './fixtures/zonesFile';

/**
 * Typed coordinates (界址点坐标表): a zone typed as survey coordinates in Gauss-Krüger zone 28
 * (X = north first, Y with the zone number) is stored where PROJ puts those numbers; a cell edit,
 * an undo and a pasted TSV land the same way; an edit that would make the boundary cross itself is
 * refused with a message naming the point. PROJ's cs2cs is the reference: EPSG:4516 is CGCS2000
 * 3-degree Gauss-Kruger zone 28 (false easting 28 500 000, axes northing, easting), EPSG:4490 its
 * geographic system (axes latitude, longitude).
 */
const WUSU = '乌苏市文物保护区划（示意）';

/** Survey X (north), Y (east, zone-prefixed) → [lon, lat] by cs2cs. */
function cs2cs(rows: readonly (readonly [number, number])[]): [number, number][] {
  const out = execFileSync('cs2cs', ['-f', '%.12f', 'EPSG:4516', 'EPSG:4490'], {
    input: rows.map((r) => r.join(' ')).join('\n'),
    encoding: 'utf8',
  });
  return out
    .trim()
    .split('\n')
    .map((l) => {
      const [lat, lon] = l.split(/\s+/).map(Number);
      return [lon!, lat!];
    });
}

/** 1e-8 degrees is about 1.1 mm of latitude and 0.8 mm of longitude at 44° N. */
function expectWithinMm(actual: number[][], expected: number[][]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((p, i) => {
    expect(Math.abs(p[0]! - expected[i]![0]!), `vertex ${i + 1} longitude`).toBeLessThan(1e-8);
    expect(Math.abs(p[1]! - expected[i]![1]!), `vertex ${i + 1} latitude`).toBeLessThan(1e-8);
  });
}

// A 120 m × 90 m parcel south of the sample's zones, clockwise from the north-west as surveyed.
const SQUARE = [
  [4_921_090.25, 28_554_000.456],
  [4_921_090.25, 28_554_120.5],
  [4_921_000.123, 28_554_120.5],
  [4_921_000.123, 28_554_000.456],
] as const;

async function typedZones(page: Page): Promise<StoredZone[]> {
  return (await readTable<StoredZone>(page, 'zones')).filter((z) => !z.id.startsWith('sample-'));
}

const outerRing = (zone: StoredZone) => zone.geometry.coordinates[0] as unknown as number[][];

async function typeZone(page: Page): Promise<StoredZone> {
  await openWorkbench(page);
  await page.getByRole('combobox', { name: '当前项目' }).selectOption({ label: WUSU });
  const projects = await readTable<{ settings: { name: string; gkZone: number } }>(page, 'projects');
  expect(projects.find((p) => p.settings.name === WUSU)?.settings.gkZone).toBe(28);

  await page.getByRole('button', { name: '按坐标新建区划' }).click();
  const dialog = page.getByRole('dialog', { name: '按坐标新建区划' });
  await dialog.getByLabel('保护对象').selectOption({ label: '巴音沟承化寺' });
  await dialog.getByLabel('区划类型').selectOption({ label: '保护范围' });
  await expect(dialog.getByLabel('坐标形式')).toHaveValue('gk-prefixed');
  const rows = SQUARE.map(([x, y], i) => `J${i + 1}\t${x}\t${y}`).join('\n');
  await dialog.getByLabel(/^界址点/).fill(rows);
  await expect(dialog.getByText('读到 4 个点，1 个环')).toBeVisible();
  await expect(dialog.getByText('东坐标带带号前缀 28（3度带）')).toBeVisible();
  await dialog.getByRole('button', { name: '创建' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(async () => (await typedZones(page)).length).toBe(1);
  return (await typedZones(page))[0]!;
}

test('a zone typed in GK zone 28 is stored exactly where PROJ puts those coordinates', async ({ page }) => {
  const zone = await typeZone(page);
  expect(zone.attributes.zoneType).toBe('protection_range');
  const ring = outerRing(zone);
  expect(ring.at(-1)).toEqual(ring[0]);
  expectWithinMm(ring.slice(0, -1), cs2cs(SQUARE));
  // The table shows the same numbers back, to the millimetre, X first.
  await page.getByRole('button', { name: '界址点坐标表' }).click();
  const table = page.getByRole('region', { name: /^界址点坐标表/ });
  await expect(table.getByLabel('J2 X（北）')).toHaveValue('4921090.250');
  await expect(table.getByLabel('J2 Y（东）')).toHaveValue('28554120.500');
});

test('edit one vertex in the table as one undo step; undo restores it', async ({ page }) => {
  const before = await typeZone(page);
  const history = (await readTable(page, 'history')).length;
  await page.getByRole('button', { name: '界址点坐标表' }).click();
  const table = page.getByRole('region', { name: /^界址点坐标表/ });
  const x = table.getByLabel('J2 X（北）');
  await x.fill('4921100.5');
  await x.press('Enter');
  await expect.poll(async () => outerRing((await typedZones(page))[0]!)[1]).not.toEqual(outerRing(before)[1]);
  const moved = outerRing((await typedZones(page))[0]!);
  expectWithinMm([moved[1]!], cs2cs([[4_921_100.5, 28_554_120.5]]));
  expect(moved.filter((_, i) => i !== 1)).toEqual(outerRing(before).filter((_, i) => i !== 1));
  expect((await readTable(page, 'history')).length).toBe(history + 1);
  await expect(page.getByRole('button', { name: '撤销' })).toHaveAttribute('title', /修改界址点 J2/);

  await page.getByRole('button', { name: '撤销' }).click();
  await expect.poll(async () => (await typedZones(page))[0]!.geometry).toEqual(before.geometry);
  await expect(table.getByLabel('J2 X（北）')).toHaveValue('4921090.250');
});

test('paste 5 rows from a spreadsheet (TSV with a header) to replace the outer ring', async ({ page }) => {
  await typeZone(page);
  await page.getByRole('button', { name: '界址点坐标表' }).click();
  const table = page.getByRole('region', { name: /^界址点坐标表/ });
  const pentagon = [
    [4_921_120, 28_554_050],
    [4_921_080, 28_554_150],
    [4_920_990, 28_554_130],
    [4_920_980, 28_554_010],
    [4_921_060, 28_553_980],
  ] as const;
  const tsv = ['点号\tX\tY', ...pentagon.map(([x, y], i) => `J${i + 1}\t${x}\t${y}`)].join('\r\n');
  await table.getByLabel(/^粘贴坐标行/).fill(tsv);
  await table.getByLabel('粘贴到').selectOption({ label: '替换外环' });
  await expect(table.getByText('读到 5 个点，1 个环')).toBeVisible();
  await table.getByRole('button', { name: '应用粘贴' }).click();
  await expect.poll(async () => outerRing((await typedZones(page))[0]!).length).toBe(6);
  expectWithinMm(outerRing((await typedZones(page))[0]!).slice(0, -1), cs2cs(pentagon));
  // Renumbered as the coordinate-table export numbers them: clockwise from the north-west vertex.
  await expect(table.getByLabel('J1 X（北）')).toHaveValue('4921060.000');
  await expect(table.getByLabel('J1 Y（东）')).toHaveValue('28553980.000');
  await expect(table.getByLabel('J2 Y（东）')).toHaveValue('28554050.000');

  // Insert after J1 (on the closing edge back to the first pasted point), then delete it again.
  // The new midpoint is nearer the north-west corner than the old J1, so, as in the export, the
  // table now starts at it: it is the new J1.
  const pasted = (await typedZones(page))[0]!.geometry;
  await table.getByRole('button', { name: '在 J1 后插入界址点' }).click();
  await expect(table.getByLabel('J6 X（北）')).toBeVisible();
  const x1 = Number(await table.getByLabel('J1 X（北）').inputValue());
  const y1 = Number(await table.getByLabel('J1 Y（东）').inputValue());
  expect(Math.abs(x1 - 4_921_090)).toBeLessThan(0.01);
  expect(Math.abs(y1 - 28_554_015)).toBeLessThan(0.01);
  await expect(table.getByLabel('J2 Y（东）')).toHaveValue('28554050.000');
  await table.getByRole('button', { name: '删除界址点 J1' }).click();
  await expect(table.getByLabel('J6 X（北）')).toBeHidden();
  await expect.poll(async () => (await typedZones(page))[0]!.geometry).toEqual(pasted);
});

test('an edit that would make the boundary cross itself is refused, naming the point', async ({ page }) => {
  const before = await typeZone(page);
  const history = (await readTable(page, 'history')).length;
  await page.getByRole('button', { name: '界址点坐标表' }).click();
  const table = page.getByRole('region', { name: /^界址点坐标表/ });
  // J2 (north-east corner) moved west of J1: edges J1–J2 and J3–J4 … the ring becomes a bow-tie.
  const y = table.getByLabel('J2 Y（东）');
  await y.fill('28553950');
  await y.press('Enter');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('修改界址点 J2：边界将无效，未保存');
  await expect(alert).toContainText('自相交');
  await page.waitForTimeout(300);
  expect((await typedZones(page))[0]!.geometry).toEqual(before.geometry);
  expect((await readTable(page, 'history')).length).toBe(history);
});

test('go to a typed coordinate: the map centres there', async ({ page }) => {
  await openWorkbench(page);
  await page.getByRole('combobox', { name: '当前项目' }).selectOption({ label: WUSU });
  await page.getByRole('button', { name: '定位到坐标' }).click();
  const dialog = page.getByRole('dialog', { name: '定位到坐标' });
  await dialog.getByLabel('X（北）, Y（东）').fill('4921045.5, 28554060.25');
  await dialog.getByRole('button', { name: '定位' }).click();
  await expect(dialog).toBeHidden();
  // The pointer over the map's centre reads the typed position back (within a pixel or two).
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
  // The status bar shows the pointer's last position within a moment (it updates a dozen times a second).
  const offBy = async () => {
    const text = (await page.getByTestId('pointer-coordinates').textContent()) ?? '';
    const gk = /X ([\d\s.,]+) Y ([\d\s.,]+)/.exec(text.replace(/\u00a0|\u202f/g, ' '));
    if (!gk) return text;
    const [x, y] = [gk[1]!, gk[2]!].map((v) => Number(v.replace(/[\s,]/g, '')));
    return Math.max(Math.abs(x! - 4_921_045.5), Math.abs(y! - 28_554_060.25));
  };
  await expect.poll(offBy).toBeLessThan(3);
  // …and a marker ring (magenta, radius 7 px) is drawn around it.
  const [cx, cy] = [box.width / 2, box.height / 2];
  const ring = await mapColours(page, [
    [cx + 7, cy],
    [cx - 7, cy],
    [cx, cy + 7],
    [cx, cy - 7],
  ]);
  const magenta = ring.filter(([r, g, b]) => r > 150 && g < 90 && b > 70);
  expect(magenta.length, JSON.stringify(ring)).toBeGreaterThanOrEqual(3);
});

test('the vertex table speaks English after the switch, lon/lat as an option', async ({ page }) => {
  await typeZone(page);
  await page.getByRole('button', { name: '切换到英文' }).click();
  await page.getByRole('button', { name: 'Vertex coordinates' }).click();
  const table = page.getByRole('region', { name: /^Vertex coordinates/ });
  await expect(table.getByRole('table', { name: 'outer ring' })).toBeVisible();
  await expect(table.getByLabel('J1 X (north)')).toHaveValue('4921090.250');
  await table.getByLabel('Coordinates as').selectOption({ label: 'Longitude/latitude (CGCS2000)' });
  const [lon, lat] = cs2cs([SQUARE[0]])[0]!;
  await expect(table.getByLabel('J1 Longitude')).toHaveValue(lon.toFixed(8));
  await expect(table.getByLabel('J1 Latitude')).toHaveValue(lat.toFixed(8));
  await expect(table.getByRole('button', { name: 'Insert a vertex after J1' })).toBeEnabled();
  await expect(table.getByRole('button', { name: 'Delete vertex J4' })).toBeEnabled();
});

test('a typed bow-tie is refused in the new-zone dialog, naming a point; nothing is stored', async ({
  page,
}) => {
  await openWorkbench(page);
  await page.getByRole('combobox', { name: '当前项目' }).selectOption({ label: WUSU });
  const before = await readTable(page, 'zones');
  await page.getByRole('button', { name: '按坐标新建区划' }).click();
  const dialog = page.getByRole('dialog', { name: '按坐标新建区划' });
  const [nw, ne, se, sw] = SQUARE;
  const rows = [nw, se, ne, sw].map(([x, y]) => `${x},${y}`).join('\n');
  await dialog.getByLabel(/^界址点/).fill(rows);
  await dialog.getByRole('button', { name: '创建' }).click();
  await expect(dialog.getByRole('alert')).toContainText('边界无效，未保存');
  await expect(dialog.getByRole('alert')).toContainText(/外环 J\d 附近自相交/);
  expect(await readTable(page, 'zones')).toEqual(before);
});

test('the new-zone dialog lists the objects only while open; what was typed stays for next time', async ({
  page,
}) => {
  await openWorkbench(page);
  await page.getByRole('combobox', { name: '当前项目' }).selectOption({ label: WUSU });
  // A closed dialog that listed every object rebuilt that list on each change to the objects: a
  // province's 10 000 of them cost a quarter of a second after each import.
  const listedInDialogs = page.locator('dialog option', { hasText: '巴音沟承化寺' });
  await expect(page.getByRole('button', { name: '按坐标新建区划' })).toBeEnabled();
  await expect(listedInDialogs).toHaveCount(0);
  await page.getByRole('button', { name: '按坐标新建区划' }).click();
  const dialog = page.getByRole('dialog', { name: '按坐标新建区划' });
  await expect(dialog.getByLabel('保护对象').locator('option', { hasText: '巴音沟承化寺' })).toHaveCount(1);
  await dialog.getByLabel(/^界址点/).fill('J1\t4921090.25\t28554000.456');
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toBeHidden();
  await expect(listedInDialogs).toHaveCount(0);
  await page.getByRole('button', { name: '按坐标新建区划' }).click();
  await expect(dialog.getByLabel(/^界址点/)).toHaveValue('J1\t4921090.25\t28554000.456');
});

test('among many objects, the new-zone dialog finds the owner by part of its name', async ({ page }) => {
  await openWorkbench(page);
  await page.getByRole('combobox', { name: '当前项目' }).selectOption({ label: WUSU });
  await importZones(page, zonesFile(30, 1, '遗址'), 30);
  const objects = await readTable<{ id: string; attributes: { name: string } }>(page, 'objects');
  const owner = objects.find((o) => o.attributes.name === '遗址0027')!;

  await page.getByRole('button', { name: '按坐标新建区划' }).click();
  const dialog = page.getByRole('dialog', { name: '按坐标新建区划' });
  const find = dialog.getByRole('searchbox', { name: '按名称查找保护对象' });
  await find.fill('没有这个名字');
  await expect(dialog.getByRole('status')).toHaveText('没有名称包含此文字的保护对象');
  // Narrowed to the 30 imported objects, listed by name.
  await find.fill('遗址00');
  const picked = dialog.getByLabel('保护对象', { exact: true });
  await expect(picked.locator('option')).toHaveText(
    Array.from({ length: 30 }, (_, i) => `遗址${String(i + 1).padStart(4, '0')}`),
  );
  await find.fill('0027');
  await expect(dialog.getByLabel('保护对象', { exact: true }).locator('option')).toHaveText(['遗址0027']);
  await expect(dialog.getByLabel('保护对象', { exact: true })).toHaveValue(owner.id);
  await dialog.getByLabel(/^界址点/).fill(SQUARE.map(([x, y], i) => `J${i + 1}\t${x}\t${y}`).join('\n'));
  await dialog.getByRole('button', { name: '创建' }).click();
  await expect(dialog).toBeHidden();
  await expect
    .poll(async () => (await typedZones(page)).filter((z) => z.objectId === owner.id).length)
    .toBe(2);
});

test('rows pasted onto a table row go in after it, as one undo step', async ({ page }) => {
  const before = await typeZone(page);
  await page.getByRole('button', { name: '界址点坐标表' }).click();
  const table = page.getByRole('region', { name: /^界址点坐标表/ });
  const cell = table.getByLabel('J2 X（北）');
  await cell.focus();
  // What a spreadsheet puts on the clipboard for two selected rows (X, Y).
  await cell.evaluate((element) => {
    const data = new DataTransfer();
    data.setData('text/plain', '4921060\t28554140\r\n4921030\t28554140\r\n');
    element.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  });
  await expect(table.getByLabel('J6 X（北）')).toBeVisible();
  await expect(table.getByLabel('J3 X（北）')).toHaveValue('4921060.000');
  await expect(table.getByLabel('J3 Y（东）')).toHaveValue('28554140.000');
  await expect(table.getByLabel('J4 X（北）')).toHaveValue('4921030.000');
  const ring = outerRing((await typedZones(page))[0]!);
  expectWithinMm(
    ring.slice(2, 4),
    cs2cs([
      [4_921_060, 28_554_140],
      [4_921_030, 28_554_140],
    ]),
  );
  await expect(page.getByRole('button', { name: '撤销' })).toHaveAttribute(
    'title',
    /在 J2 后插入 2 个界址点/,
  );
  await page.getByRole('button', { name: '撤销' }).click();
  await expect.poll(async () => (await typedZones(page))[0]!.geometry).toEqual(before.geometry);
});

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, openWorkbench, test } from './fixtures/test';
import { readTable, type StoredZone } from './fixtures/indexedDb';
import { CHECKED, WIDTHS, exportVia, ogr, rows, shownAreas, wusu } from './fixtures/exportDialog';

test('export Shapefile (GBK, LSWHBHX): GDAL reads every protection line with its Chinese names, the documented widths and the UI areas', async ({
  page,
}) => {
  await openWorkbench(page);
  const { zones, names } = await wusu(page);
  // LSWHBHX holds the protection lines: the bodies (本体) are left out, and the dialog says so.
  const delivered = zones.filter((z) => z.attributes.zoneType !== 'body');
  const deliveredNames = names.filter((_, i) => zones[i]!.attributes.zoneType !== 'body');
  const zip = await exportVia(
    page,
    { 格式: 'shapefile', 属性编码: 'gbk', 字段方案: 'lswhbhx' },
    {},
    (dialog) =>
      Promise.all([
        expect(dialog.getByTestId('export-lint-summary')).toHaveText('未发现数据库质检会拒绝的问题'),
        expect(dialog.getByTestId('export-lint-omitted')).toHaveText(
          `LSWHBHX 不含以下区划，已略去：本体 ${zones.length - delivered.length} 个`,
        ),
      ]),
  );
  expect(zip).toMatch(/\.zip$/);

  // GBK as declared: .cpg says so, and the .dbf bytes decode as GBK to the names. (unzip
  // patterns, not names: unzip does not decode the UTF-8 names of the entries.)
  const listing = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).trim().split('\n');
  expect(listing.sort()).toEqual(['LSWHBHX.cpg', 'LSWHBHX.dbf', 'LSWHBHX.prj', 'LSWHBHX.shp', 'LSWHBHX.shx']);
  const cpg = execFileSync('unzip', ['-p', zip, '*.cpg'], { encoding: 'utf8' }).trim();
  expect(cpg).toMatch(/^(GBK|CP936|936)$/i);
  const dbf = execFileSync('unzip', ['-p', zip, '*.dbf']);
  expect(new TextDecoder('gbk').decode(dbf)).toContain(names[0]!);
  expect(new TextDecoder('utf-8').decode(dbf)).not.toContain(names[0]!);

  const vsi = `/vsizip/${zip}`;
  const summary = ogr(['-al', '-so', vsi]);
  expect(summary).toContain(`Feature Count: ${delivered.length}`);
  expect(summary).toMatch(/^Layer name: LSWHBHX$/m);
  for (const field of WIDTHS) expect(summary).toMatch(new RegExp(`^${field.replace(/[()]/g, '\\$&')}$`, 'm'));

  const sql = `SELECT BSM, YSDM, XZQDM, XZQMC, BHDXMC, QHLX, BZ, MJ, ST_Area(geometry, 1) AS gdal_area FROM LSWHBHX`;
  const table = rows(ogr(['-dialect', 'sqlite', '-sql', sql, '-q', vsi]));
  expect(table).toHaveLength(delivered.length);
  expect(table.map((r) => r.BHDXMC).sort()).toEqual([...deliveredNames].sort());
  for (const row of table) {
    expect(row.YSDM).toBe('2090020227');
    expect(row.BSM).toMatch(/^6542020000\d{8}$/);
    expect(row.XZQDM).toBe('654202000000');
    expect(row.XZQMC).toBe('乌苏市');
    expect(row.QHLX).not.toBe('本体');
    expect(row.BZ).toBe(`${row.BHDXMC}${row.QHLX}`);
    const mj = Number(row.MJ);
    expect(Math.abs(mj - Number(row.gdal_area)) / mj, row.BZ).toBeLessThan(0.0001);
  }
  for (const name of CHECKED) {
    const [object, label] = name.split(' ');
    const row = table.find((r) => r.BHDXMC === object && r.QHLX === label)!;
    expect(row, name).toBeDefined();
    const { ellipsoidal } = await shownAreas(page, name);
    expect(Math.abs(Number(row.MJ) - ellipsoidal) / ellipsoidal, name).toBeLessThan(0.0001);
    expect(Math.abs(Number(row.gdal_area) - ellipsoidal) / ellipsoidal, name).toBeLessThan(0.0001);
  }
});

test('export DXF (zone prefix, vertex labels): GDAL reads closed polylines on Chinese layers with the UI planar areas', async ({
  page,
}) => {
  await openWorkbench(page);
  const { zones } = await wusu(page);
  const dxf = await exportVia(page, { 格式: 'dxf' }, { 东坐标加带号前缀: true, '标注界址点号 J1…': true });
  expect(dxf).toMatch(/\.dxf$/);
  expect(readFileSync(dxf, 'latin1')).toContain('LWPOLYLINE');

  const sql =
    'SELECT Layer, Text, ST_GeometryType(geometry) AS kind, ' +
    'ST_Area(MakePolygon(geometry)) AS area, ST_MinX(geometry) AS minx FROM entities';
  const entities = rows(ogr(['-dialect', 'sqlite', '-sql', sql, '-q', dxf]));
  const lines = entities.filter((e) => /LINESTRING/i.test(e.kind ?? ''));
  const labels = entities.filter((e) => /^J\d+$/.test(e.Text ?? ''));
  // Every zone has at least one closed ring; vertex labels J1… are there.
  expect(lines.length).toBeGreaterThanOrEqual(zones.length);
  expect(labels.length).toBeGreaterThan(0);
  // Zone-prefixed Gauss-Krüger zone 28 eastings: 28 5xx xxx m.
  for (const line of lines) expect(Math.floor(Number(line.minx) / 1e6)).toBe(28);
  // Layers are named after the zone types, in Chinese.
  const layers = new Set(lines.map((l) => l.Layer!));
  for (const name of CHECKED) expect([...layers].some((l) => l.includes(name.split(' ')[1]!))).toBe(true);

  for (const name of CHECKED) {
    const label = name.split(' ')[1]!;
    const { planar } = await shownAreas(page, name);
    const candidates = lines.filter((l) => l.Layer!.includes(label)).map((l) => Number(l.area));
    const nearest = Math.min(...candidates.map((a) => Math.abs(a - planar) / planar));
    expect(nearest, name).toBeLessThan(0.0001);
  }
});

/** Accessible names of the dialog's controls: aria-label, else the wrapping label's text. */
function controlNames(dialog: ReturnType<Page['getByRole']>) {
  return dialog
    .locator('select, input, button')
    .evaluateAll((els) =>
      els.map((el) =>
        (el.getAttribute('aria-label') ?? el.closest('label')?.textContent ?? el.textContent ?? '').trim(),
      ),
    );
}

test('every export option is named in Chinese and in English, for every format; Escape closes', async ({
  page,
}) => {
  const CJK = /[\u4e00-\u9fff]/;
  for (const lang of ['zh', 'en'] as const) {
    await openWorkbench(page, `/?lang=${lang}`);
    await page.getByRole('button', { name: lang === 'zh' ? '导出' : 'Export', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: lang === 'zh' ? '导出' : 'Export' });
    const format = dialog.getByRole('combobox', { name: lang === 'zh' ? '格式' : 'Format' });
    const values = await format
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(values).toEqual([
      'geojson',
      'geojson-projected',
      'shapefile',
      'geopackage',
      'kml',
      'kmz',
      'dxf',
      'table',
    ]);
    for (const value of values) {
      await format.selectOption(value);
      for (const name of await controlNames(dialog)) {
        expect(name, `${lang} ${value}`).not.toBe('');
        if (lang === 'en') expect(name, value).not.toMatch(CJK);
        else expect(name, value).toMatch(CJK);
      }
    }
    await expect(format.locator('option[value="geojson-projected"]')).toHaveText(
      lang === 'zh' ? /非标准/ : /non-standard/,
    );
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  }
});

test('export Shapefile with all fields (lossless): a 四至 text past 254 bytes is kept whole beside the .dbf, GDAL joins it, and import restores it', async ({
  page,
}) => {
  await openWorkbench(page);
  const long = `东至乌苏河西岸${'，沿古城墙遗址外侧三十米'.repeat(30)}。`;
  await page.getByRole('treeitem', { name: '巴音沟承化寺 保护范围' }).locator('.tree-row').click();
  const panel = page.getByRole('region', { name: '区划属性' });
  await panel.getByLabel('四至（原文）').fill(long);
  await panel.getByLabel('四至（原文）').press('Tab');
  await expect
    .poll(async () =>
      (await readTable<StoredZone>(page, 'zones')).some((z) => z.attributes.boundaryText === long),
    )
    .toBe(true);

  const zip = await exportVia(page, { 格式: 'shapefile', 属性编码: 'gbk', 字段方案: 'full' });
  const notice = page.getByRole('status').filter({ hasText: '已导出' });
  await expect(notice).toContainText('_long.csv');
  // GDAL reads the set and its sidecar inside the zip (unzip would not decode the UTF-8 entry
  // names), joins them on ZONE_ID and reads the whole text.
  const vsi = `/vsizip/${zip}`;
  const base = /^1: (.+?) \(/m.exec(ogr(['-q', vsi]))![1]!;
  const sidecar = `${vsi}/${base}_long.csv`;
  expect(ogr(['-so', sidecar])).toContain(`${base}_long`);
  const sql =
    `SELECT s.BNDRY_TEXT AS cut, l.BNDRY_TEXT AS whole FROM "${base}" s ` +
    `JOIN '${sidecar}'."${base}_long" l ON s.ZONE_ID = l.ZONE_ID`;
  // OGR SQL joins keep every row of the table: the one zone with a sidecar row has `whole`.
  const joined = rows(ogr(['-q', '-sql', sql, vsi])).filter((r) => r.whole !== undefined);
  expect(joined).toHaveLength(1);
  expect(joined[0]!.whole).toBe(long);
  expect(long.startsWith(joined[0]!.cut!)).toBe(true);
  expect(joined[0]!.cut!.length).toBeLessThan(long.length);

  // The planner shortens the text afterwards; re-importing the zip updates the same zone (matched by
  // its id) and brings the whole text back.
  await panel.getByLabel('四至（原文）').fill('临时改动');
  await panel.getByLabel('四至（原文）').press('Tab');
  await expect
    .poll(async () =>
      (await readTable<StoredZone>(page, 'zones')).some((z) => z.attributes.boundaryText === long),
    )
    .toBe(false);
  const count = (await readTable<StoredZone>(page, 'zones')).length;
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '导入', exact: true }).click();
  await (await chooser).setFiles(zip);
  const preview = page.getByRole('dialog', { name: '导入预览' });
  await preview.getByRole('button', { name: /^导入 \d+ 个区划$/ }).click();
  await expect
    .poll(
      async () =>
        (await readTable<StoredZone>(page, 'zones')).filter((z) => z.attributes.boundaryText === long).length,
    )
    .toBe(1);
  expect(await readTable<StoredZone>(page, 'zones')).toHaveLength(count);
});

test("export the selected object's zones as a coordinate table: J1… points, X north, Y with the zone prefix", async ({
  page,
}) => {
  await openWorkbench(page);
  const object = page.getByRole('treeitem', { name: '巴音沟承化寺', exact: true });
  await object.locator('.tree-row').first().click();
  await expect(object).toHaveAttribute('aria-selected', 'true');
  const zonesOfObject = await object.getByRole('treeitem').count();
  const txt = await exportVia(page, {
    格式: 'table',
    坐标表格式: 'coordinate-txt',
    导出范围: 'selectedObject',
  });
  const text = new TextDecoder('gbk').decode(readFileSync(txt));
  expect(text).toContain('[地块坐标]');
  expect(text).toContain('带号=28');
  const parcels = text.split('\n').filter((l) => l.trim().endsWith('@'));
  expect(parcels).toHaveLength(zonesOfObject);
  expect(parcels.every((l) => l.includes('巴音沟承化寺'))).toBe(true);
  const points = text.split('\n').filter((l) => /^J\d+,/.test(l));
  expect(points.length).toBeGreaterThan(zonesOfObject * 3);
  for (const line of points) {
    const [, , x, y] = line.trim().split(',');
    expect(Number(x)).toBeGreaterThan(4_800_000); // northing, ~44° N
    expect(Math.floor(Number(y) / 1e6)).toBe(28); // easting with zone 28 prefixed
    expect(y!.split('.')[1]).toHaveLength(3);
  }
});

test('export GeoPackage: GDAL reads every zone with its Chinese names, and the UI areas within 0.01 %', async ({
  page,
}) => {
  await openWorkbench(page);
  const { zones, names } = await wusu(page);
  const gpkg = await exportVia(page, { 格式: 'geopackage' });
  expect(gpkg).toMatch(/\.gpkg$/);
  const summary = ogr(['-al', '-so', gpkg]);
  expect(summary).toContain(`Feature Count: ${zones.length}`);
  const layer = /Layer name: (.+)/.exec(summary)![1]!.trim();
  const column = /Geometry Column = (\w+)/.exec(summary)![1]!;
  const sql = `SELECT object_name, zone_type_label, area_m2, ST_Area(${column}, 1) AS gdal_area FROM "${layer}"`;
  const table = rows(ogr(['-dialect', 'sqlite', '-sql', sql, '-q', gpkg]));
  expect(table).toHaveLength(zones.length);
  expect(table.map((r) => r.object_name).sort()).toEqual([...names].sort());
  for (const row of table)
    expect(Math.abs(Number(row.gdal_area) - Number(row.area_m2)) / Number(row.area_m2)).toBeLessThan(0.0001);
  for (const name of CHECKED) {
    const [object, label] = name.split(' ');
    const row = table.find((r) => r.object_name === object && r.zone_type_label === label)!;
    expect(row, name).toBeDefined();
    const { ellipsoidal } = await shownAreas(page, name);
    expect(Math.abs(Number(row.gdal_area) - ellipsoidal) / ellipsoidal, name).toBeLessThan(0.0001);
    expect(Math.abs(Number(row.area_m2) - ellipsoidal) / ellipsoidal, name).toBeLessThan(0.0001);
  }
});

test('export KMZ: GDAL reads the zipped doc.kml with every zone as a Chinese-named placemark in lon/lat', async ({
  page,
}) => {
  await openWorkbench(page);
  const { zones, names } = await wusu(page);
  const kmz = await exportVia(page, { 格式: 'kmz' });
  expect(kmz).toMatch(/\.kmz$/);
  const listing = execFileSync('unzip', ['-Z1', kmz], { encoding: 'utf8' }).trim().split('\n');
  expect(listing).toContain('doc.kml');
  const vsi = `/vsizip/${kmz}/doc.kml`;
  const info = ogr(['-al', vsi]);
  const count = [...info.matchAll(/Feature Count: (\d+)/g)].reduce((n, m) => n + Number(m[1]), 0);
  const features = [...info.matchAll(/OGRFeature\(/g)].length;
  expect(Math.max(count, features)).toBe(zones.length);
  for (const name of new Set(names)) expect(info).toContain(name);
  // lon/lat around Wusu (84–86° E, 44–45° N), never Gauss-Krüger metres.
  const lons = [...info.matchAll(/POLYGON \(\(([\d.]+) ([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
  expect(lons.length).toBeGreaterThan(0);
  for (const [lon, lat] of lons) {
    expect(lon).toBeGreaterThan(83);
    expect(lon).toBeLessThan(87);
    expect(lat).toBeGreaterThan(43);
    expect(lat).toBeLessThan(46);
  }
});

test('export the coordinate table as XLSX: GDAL reads the points sheet, X north and Y with the zone prefix', async ({
  page,
}) => {
  await openWorkbench(page);
  const xlsx = await exportVia(page, { 格式: 'table', 坐标表格式: 'xlsx' });
  expect(xlsx).toMatch(/\.xlsx$/);
  const summary = ogr(['-so', xlsx]);
  expect(summary).toContain('界址点坐标');
  expect(summary).toContain('地块');
  const points = ogr(['-oo', 'HEADERS=FORCE', xlsx, '界址点坐标']);
  const count = Number(
    /Feature Count: (\d+)/.exec(ogr(['-so', '-oo', 'HEADERS=FORCE', xlsx, '界址点坐标']))![1],
  );
  expect(count).toBeGreaterThan(3 * (await wusu(page)).zones.length);
  const values = [...points.matchAll(/^ {2}\S+ \(Real\) = ([\d.]+)$/gm)].map((m) => Number(m[1]));
  const northings = values.filter((v) => v > 4_800_000 && v < 5_100_000);
  const eastings = values.filter((v) => Math.floor(v / 1e6) === 28);
  expect(northings.length).toBeGreaterThanOrEqual(count);
  expect(eastings.length).toBeGreaterThanOrEqual(count);
});

/** A square ring near Wusu, counter-clockwise, `d` degrees wide. */

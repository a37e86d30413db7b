import type { Page } from '@playwright/test';
import { expect, openWorkbench, test } from './fixtures/test';
import { WIDTHS, chooseExport, download, ogr, rows, shownAreas } from './fixtures/exportDialog';

const square = (lon: number, lat: number, d: number) => [
  [lon, lat],
  [lon + d, lat],
  [lon + d, lat + d],
  [lon, lat + d],
  [lon, lat],
];

/** A relic unit (body, a range in two parts, a CCZ with a spike) and a historic district (core, purple line). */
const DELIVERY = {
  type: 'FeatureCollection',
  features: [
    [
      '巴音沟承化寺',
      'relic_unit',
      'body',
      { type: 'Polygon', coordinates: [square(84.672, 44.422, 0.0005)] },
    ],
    [
      '巴音沟承化寺',
      'relic_unit',
      'protection_range',
      {
        type: 'MultiPolygon',
        coordinates: [[square(84.6715, 44.4215, 0.0015)], [square(84.674, 44.424, 0.001)]],
      },
    ],
    [
      '巴音沟承化寺',
      'relic_unit',
      'construction_control_zone',
      {
        type: 'Polygon',
        coordinates: [
          [
            [84.67, 44.42],
            [84.676, 44.42],
            [84.676, 44.426],
            [84.67305, 44.426],
            [84.673, 44.429],
            [84.67295, 44.426],
            [84.67, 44.426],
            [84.67, 44.42],
          ],
        ],
      },
    ],
    [
      '乌苏老街',
      'historic_district',
      'core_protection_range',
      { type: 'Polygon', coordinates: [square(84.69, 44.42, 0.002)] },
    ],
    [
      '乌苏老街',
      'historic_district',
      'purple_line',
      { type: 'Polygon', coordinates: [square(84.6895, 44.4195, 0.003)] },
    ],
  ].map(([object_name, object_type, zone_type, geometry]) => ({
    type: 'Feature',
    properties: { object_name, object_type, zone_type },
    geometry,
  })),
};

/** Type into a field of the project settings and leave it, as a planner does. */
async function setProjectSetting(page: Page, label: string, value: string) {
  await page.getByRole('button', { name: '项目设置' }).click();
  const settings = page.getByRole('dialog', { name: '项目设置' });
  const field = settings.getByLabel(label, { exact: true });
  await field.fill(value);
  await field.press('Enter');
  await expect(field).toHaveValue(value);
  await settings.getByRole('button', { name: '关闭' }).click();
}

test('LSWHBHX delivery: the check lists the multipart zone, the spike and the missing code; exported anyway in zone 28, GDAL reads single parts, widths, codes and no purple line', async ({
  page,
}) => {
  await openWorkbench(page);
  await page.getByRole('button', { name: '新建项目' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '导入', exact: true }).click();
  await (
    await chooser
  ).setFiles({
    name: 'delivery.geojson',
    mimeType: 'application/geo+json',
    buffer: Buffer.from(JSON.stringify(DELIVERY)),
  });
  await page.getByRole('dialog', { name: '导入预览' }).getByRole('button', { name: '导入 5 个区划' }).click();
  await expect(page.getByRole('treeitem', { name: '乌苏老街', exact: true })).toBeVisible();
  await setProjectSetting(page, '行政区名称', '乌苏市');

  // The check before writing: exactly the three problems, and what LSWHBHX leaves out.
  let dialog = await chooseExport(page, { 格式: 'shapefile', 字段方案: 'lswhbhx', 坐标系: '4516' });
  const lint = dialog.getByRole('region', { name: '入库前检查' });
  const findings = lint.getByRole('listitem');
  await expect(findings).toHaveCount(3);
  expect(await findings.evaluateAll((items) => items.map((i) => i.getAttribute('data-code')).sort())).toEqual(
    ['code.xzqdm_missing', 'shape.multipart', 'shape.spike'],
  );
  await expect(lint.locator('[data-code="shape.spike"]')).toContainText('建设控制地带：第1环第5点为尖角');
  await expect(lint.getByTestId('export-lint-omitted')).toHaveText(
    'LSWHBHX 不含以下区划，已略去：本体 1 个、城市紫线 1 个',
  );
  await expect(dialog.getByRole('button', { name: '仍然导出 (5)' })).toBeEnabled();
  await dialog.getByRole('button', { name: '取消' }).click();

  // The planner fills the code; the spike stays, so the export goes ahead "anyway".
  await setProjectSetting(page, '行政区划代码', '654202');
  dialog = await chooseExport(page, { 格式: 'shapefile', 字段方案: 'lswhbhx', 坐标系: '4516' });
  await expect(dialog.getByRole('region', { name: '入库前检查' }).getByRole('listitem')).toHaveCount(2);
  const zip = await download(page, dialog, /^仍然导出 \(5\)$/);

  const vsi = `/vsizip/${zip}`;
  const summary = ogr(['-al', '-so', vsi]);
  expect(summary).toMatch(/^Layer name: LSWHBHX$/m);
  expect(summary).toMatch(/^Geometry: Polygon$/m);
  expect(summary).toContain('Feature Count: 4');
  expect(summary).toMatch(/ID\["EPSG",4516\]\]\s*Data axis/);
  for (const field of WIDTHS) expect(summary).toMatch(new RegExp(`^${field.replace(/[()]/g, '\\$&')}$`, 'm'));
  const sql =
    'SELECT BSM, XZQDM, XZQMC, QHLX, ST_GeometryType(geometry) AS kind, ST_Area(geometry) AS planar FROM LSWHBHX';
  const table = rows(ogr(['-dialect', 'sqlite', '-sql', sql, '-q', vsi]));
  expect(table.map((r) => r.QHLX).sort()).toEqual(['保护范围', '保护范围', '建设控制地带', '核心保护范围']);
  expect(new Set(table.map((r) => r.BSM)).size).toBe(4);
  for (const row of table) {
    expect(row.kind).toBe('POLYGON');
    expect(row.XZQDM).toBe('654202000000');
    expect(row.XZQMC).toBe('乌苏市');
    expect(row.BSM).toMatch(/^6542020000\d{8}$/);
  }
  // Zone-28 metres with the prefix: GDAL's planar area is the one the attribute panel shows.
  const { planar } = await shownAreas(page, '巴音沟承化寺 建设控制地带');
  const ccz = Number(table.find((r) => r.QHLX === '建设控制地带')!.planar);
  expect(Math.abs(ccz - planar) / planar).toBeLessThan(1e-6);

  // The purple line goes to its own layer, ZXCQCSZX, here as a GeoPackage without the zone prefix.
  dialog = await chooseExport(page, { 格式: 'geopackage', 字段方案: 'zxcqcszx', 坐标系: '4537' });
  await expect(dialog.getByTestId('export-lint-summary')).toHaveText('未发现数据库质检会拒绝的问题');
  const gpkg = await download(page, dialog);
  const purple = ogr(['-so', gpkg, 'ZXCQCSZX']);
  expect(purple).toContain('Feature Count: 1');
  expect(purple).toMatch(/ID\["EPSG",4537\]\]\s*Data axis/);
  expect(purple).toMatch(/^XZQDM: String \(12\.0\)$/m);
  expect(rows(ogr(['-q', '-sql', 'SELECT QHLX, BHDXMC, XZQMC FROM ZXCQCSZX', gpkg]))).toEqual([
    { QHLX: '城市紫线', BHDXMC: '乌苏老街', XZQMC: '乌苏市' },
  ]);
});

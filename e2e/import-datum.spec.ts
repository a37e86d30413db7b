import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { readTable, type StoredZone } from './fixtures/indexedDb';
import { expect, openWorkbench, test } from './fixtures/test';

/**
 * An old-datum file through the import dialog: a Xian 1980 Gauss-Krüger shapefile (written by GDAL)
 * is recognised as Xian 1980, refused until the planner chooses a datum transformation, placed
 * where cs2cs puts it with the typed 7 parameters, and the next Xian 1980 file uses the stored
 * parameters without asking again.
 */
const PARAMETERS = ['24.2', '-77.1', '-38.6', '-1.3', '0.9', '-2.1', '-3.1'];

function xianShapefile(dir: string, name: string, lon: number, lat: number): string {
  const d = 0.001;
  const ring = [
    [lon - d, lat - d],
    [lon + d, lat - d],
    [lon + d, lat + d],
    [lon - d, lat + d],
    [lon - d, lat - d],
  ];
  const source = join(dir, `${name}.geojson`);
  writeFileSync(
    source,
    JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: `${name}遗址`, zone_type: '保护范围' },
          geometry: { type: 'Polygon', coordinates: [ring] },
        },
      ],
    }),
  );
  const shp = join(dir, `${name}.shp`);
  execFileSync('ogr2ogr', [
    '-f',
    'ESRI Shapefile',
    '-lco',
    'ENCODING=UTF-8',
    '-s_srs',
    'EPSG:4610',
    '-t_srs',
    'EPSG:2383',
    shp,
    source,
  ]);
  return shp;
}

async function pick(page: Page, shp: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '导入', exact: true }).click();
  await (await chooser).setFiles(['shp', 'shx', 'dbf', 'prj', 'cpg'].map((e) => shp.replace(/shp$/, e)));
  return page.getByRole('dialog', { name: '导入预览' });
}

test('a Xian 1980 shapefile needs a datum transformation; 7 typed parameters place it as cs2cs does and are remembered', async ({
  page,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'hzw-e2e-datum-'));
  const first = xianShapefile(dir, '武昌', 114.3, 30.55);
  const second = xianShapefile(dir, '汉阳', 114.25, 30.56);
  await openWorkbench(page);
  const before = await readTable<StoredZone>(page, 'zones');

  const preview = await pick(page, first);
  await expect(preview.getByRole('combobox', { name: '坐标系' })).toHaveValue('2383');
  await expect(preview.getByTestId('crs-reasons')).toContainText('1980西安坐标系');
  await expect(preview.getByRole('alert', { name: /按当前设置无法导入/ })).toContainText('基准转换');
  await expect(preview.getByRole('button', { name: /^导入 \d+ 个区划$/ })).toBeDisabled();

  const datum = preview.getByRole('group', { name: '基准转换（到 CGCS2000）' });
  await datum.getByRole('radio', { name: /七参数/ }).check();
  const labels = [
    'ΔX 平移（米）',
    'ΔY 平移（米）',
    'ΔZ 平移（米）',
    'X 轴旋转（秒）',
    'Y 轴旋转（秒）',
    'Z 轴旋转（秒）',
    '尺度（ppm）',
  ];
  for (const [i, label] of labels.entries()) await datum.getByLabel(label).fill(PARAMETERS[i]!);
  await datum.getByRole('button', { name: '应用基准转换' }).click();
  await expect(preview.getByTestId('datum-shift-in-use')).toContainText('七参数转换');
  const accept = preview.getByRole('button', { name: '导入 1 个区划' });
  await expect(accept).toBeEnabled();
  await accept.click();
  await expect(preview).toBeHidden();

  const added = (await readTable<StoredZone>(page, 'zones')).filter(
    (z) => !before.some((b) => b.id === z.id),
  );
  expect(added).toHaveLength(1);
  // The south-west corner, shifted by PROJ with the same +towgs84, agrees within 1 cm.
  const [lon, lat] = execFileSync(
    'cs2cs',
    [
      '-f',
      '%.10f',
      '+proj=longlat',
      '+a=6378140',
      '+rf=298.257',
      `+towgs84=${PARAMETERS.join(',')}`,
      '+to',
      '+proj=longlat',
      '+ellps=GRS80',
      '+towgs84=0,0,0',
    ],
    { input: '114.299 30.549', encoding: 'utf8' },
  )
    .trim()
    .split(/\s+/)
    .map(Number);
  const ring = added[0]!.geometry.coordinates[0] as number[][];
  const nearest = Math.min(...ring.map((p) => Math.hypot((p[0]! - lon!) * 96_000, (p[1]! - lat!) * 110_850)));
  expect(nearest).toBeLessThan(0.01);

  // The next Xian 1980 file: the project's stored parameters apply, nothing to choose.
  const again = await pick(page, second);
  await expect(again.getByTestId('datum-shift-in-use')).toContainText('七参数转换');
  await expect(again.getByRole('button', { name: '导入 1 个区划' })).toBeEnabled();
  await again.getByRole('button', { name: '取消' }).click();
});

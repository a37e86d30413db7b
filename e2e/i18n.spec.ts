import type { Page } from '@playwright/test';
import { expect, openWorkbench, test } from './fixtures/test';

const BUTTONS = {
  zh: [
    '新建项目',
    '打开项目',
    '保存项目',
    '导入',
    '导出',
    '撤销',
    '重做',
    '删除',
    '选择',
    '绘制多边形',
    '绘制矩形',
    '绘制圆',
    '绘制内环（挖洞）',
    '编辑节点',
    '移动',
    '量距离',
    '量面积',
    '查询此处管控',
    '派生区划',
    '分割',
    '修形',
    '合并',
    '裁除',
    '裁剪',
    '简化',
    '去除尖刺',
    '界址点坐标表',
    '按坐标新建区划',
    '定位到坐标',
    '面积统计',
    '属性表',
    '出图',
    '比较版本',
    '全面检查',
    '参考图层（三条控制线）',
    '放大',
    '缩小',
    '缩放至全部区划',
    '捕捉设置',
    '项目设置',
    '切换到英文',
  ],
  en: [
    'New project',
    'Open project',
    'Save project',
    'Import',
    'Export',
    'Undo',
    'Redo',
    'Delete',
    'Select',
    'Draw polygon',
    'Draw rectangle',
    'Draw circle',
    'Draw hole',
    'Edit vertices',
    'Move',
    'Measure distance',
    'Measure area',
    'What applies here',
    'Derive zone',
    'Split',
    'Reshape',
    'Merge',
    'Cut out',
    'Clip',
    'Simplify',
    'Remove spikes',
    'Vertex coordinates',
    'New zone from coordinates',
    'Go to coordinate',
    'Area statistics',
    'Attribute table',
    'Figure',
    'Compare versions',
    'Run full check',
    'Reference layers (control lines)',
    'Zoom in',
    'Zoom out',
    'Zoom to project',
    'Snapping settings',
    'Project settings',
    'Switch to Chinese',
  ],
};
const OTHER = {
  zh: [
    ['combobox', '新区划类型'],
    ['spinbutton', '圆半径（米）'],
    ['spinbutton', '简化容差（米）'],
    ['checkbox', '捕捉'],
    ['checkbox', '沿线追踪'],
  ],
  en: [
    ['combobox', 'Type of new zone'],
    ['spinbutton', 'Circle radius (m)'],
    ['spinbutton', 'Simplify tolerance (m)'],
    ['checkbox', 'Snapping'],
    ['checkbox', 'Trace along lines'],
  ],
} as const;
const CJK = /[\u4e00-\u9fff]/;

async function expectToolbar(page: Page, lang: 'zh' | 'en') {
  const toolbar = page.getByRole('toolbar', { name: lang === 'zh' ? '工具栏' : 'Toolbar' });
  for (const name of BUTTONS[lang])
    await expect(toolbar.getByRole('button', { name, exact: true })).toBeVisible();
  for (const [role, name] of OTHER[lang])
    await expect(toolbar.getByRole(role, { name, exact: true })).toBeVisible();
  // No control is left unnamed or named in the other language.
  const names = await toolbar
    .locator('button, select, input')
    .evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
  expect(names.length).toBe(BUTTONS[lang].length + OTHER[lang].length);
  for (const name of names) {
    expect(name).not.toBe('');
    if (lang === 'en') expect(name).not.toMatch(CJK);
    else if (name !== 'GeoJSON') expect(name).toMatch(CJK);
  }
}

test('every toolbar control has an accessible name in Chinese, and in English after the switch', async ({
  page,
}) => {
  await openWorkbench(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expectToolbar(page, 'zh');
  await page.getByRole('button', { name: '切换到英文' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectToolbar(page, 'en');
  await expect(page.getByRole('tree', { name: 'Protected objects' })).toBeVisible();
  await expect(page.getByRole('note')).toContainText('not official');
  // The choice sticks across a reload.
  await page.reload();
  await expectToolbar(page, 'en');
});

test('?lang=en opens the workbench in English', async ({ page }) => {
  await openWorkbench(page, '/?lang=en');
  await expectToolbar(page, 'en');
  await page.getByRole('button', { name: 'Draw polygon' }).click();
  await expect(page.getByRole('button', { name: 'Draw polygon' })).toHaveAttribute('aria-pressed', 'true');
});

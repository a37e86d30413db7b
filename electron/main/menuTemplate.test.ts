import { describe, expect, it } from 'vitest';
import { MENU_COMMANDS } from '../../shared/ipc/menuCommands';
import { buildMenuSpec, escapeMnemonic, type MenuItemSpec, type MenuState } from './menuTemplate';

const STATE: MenuState = {
  lang: 'zh',
  canUndo: false,
  canRedo: false,
  hasSelection: false,
  canSave: false,
  readOnly: false,
  recent: [],
};
const LINUX = { platform: 'linux', dev: false, appName: 'Heritage Zone Workbench' };

function flatten(items: MenuItemSpec[]): MenuItemSpec[] {
  return items.flatMap((item) => [item, ...flatten(item.submenu ?? [])]);
}
function byId(items: MenuItemSpec[], id: string): MenuItemSpec {
  const found = flatten(items).find((item) => item.id === id);
  if (!found) throw new Error(`no menu item ${id}`);
  return found;
}

describe('buildMenuSpec', () => {
  it('has File, Edit, View, Tools and Help, labelled in the reported language', () => {
    expect(buildMenuSpec(STATE, LINUX).map((m) => m.label)).toEqual(['文件', '编辑', '视图', '工具', '帮助']);
    expect(buildMenuSpec({ ...STATE, lang: 'en' }, LINUX).map((m) => m.label)).toEqual([
      'File',
      'Edit',
      'View',
      'Tools',
      'Help',
    ]);
    expect(byId(buildMenuSpec({ ...STATE, lang: 'en' }, LINUX), 'file.saveAs').label).toBe('Save As…');
  });

  it('sends every menu command except the language toggle, which the language items send', () => {
    const commands = flatten(buildMenuSpec(STATE, LINUX)).flatMap((item) =>
      item.action?.kind === 'command' ? [item.action.command] : [],
    );
    expect(new Set(commands)).toEqual(new Set(MENU_COMMANDS.filter((c) => c !== 'view.toggleLanguage')));
  });

  it('offers both languages as radio items, the current one checked', () => {
    const menu = buildMenuSpec({ ...STATE, lang: 'en' }, LINUX);
    expect(byId(menu, 'view.language.zh')).toMatchObject({ label: '中文', type: 'radio', checked: false });
    expect(byId(menu, 'view.language.en')).toMatchObject({ label: 'English', type: 'radio', checked: true });
  });

  it('enables Undo, Redo, Delete and Save from the window state', () => {
    const idle = buildMenuSpec(STATE, LINUX);
    for (const id of ['edit.undo', 'edit.redo', 'edit.delete', 'file.save', 'file.saveAs']) {
      expect(byId(idle, id).enabled, id).toBe(false);
    }
    const busy = buildMenuSpec(
      { ...STATE, canUndo: true, canRedo: true, hasSelection: true, canSave: true },
      LINUX,
    );
    for (const id of ['edit.undo', 'edit.redo', 'edit.delete', 'file.save', 'file.saveAs']) {
      expect(byId(busy, id).enabled, id).toBe(true);
    }
  });

  it('leaves the keys the page handles to the page, registering every other accelerator', () => {
    const menu = buildMenuSpec(STATE, LINUX);
    for (const id of ['edit.undo', 'edit.redo', 'edit.delete']) {
      expect(byId(menu, id).registerAccelerator, id).toBe(false);
    }
    for (const id of ['file.new', 'file.open', 'file.save', 'file.saveAs', 'view.zoomIn']) {
      expect(byId(menu, id).registerAccelerator, id).toBeUndefined();
    }
    expect(byId(menu, 'file.save').accelerator).toBe('CmdOrCtrl+S');
    expect(byId(menu, 'file.saveAs').accelerator).toBe('Shift+CmdOrCtrl+S');
    expect(byId(menu, 'edit.undo').accelerator).toBe('CmdOrCtrl+Z');
    expect(byId(menu, 'edit.redo').accelerator).toBe('CmdOrCtrl+Y');
    expect(byId(buildMenuSpec(STATE, { ...LINUX, platform: 'darwin' }), 'edit.redo').accelerator).toBe(
      'Shift+CmdOrCtrl+Z',
    );
  });

  it('shows Reload and Toggle DevTools only in development', () => {
    const roles = (dev: boolean) => flatten(buildMenuSpec(STATE, { ...LINUX, dev })).map((item) => item.role);
    expect(roles(false)).not.toContain('reload');
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('reload');
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('lists recent files under Open Recent, with a disabled placeholder when there are none', () => {
    const empty = byId(buildMenuSpec(STATE, LINUX), 'file.openRecent').submenu!;
    expect(empty[0]).toMatchObject({ label: '（无）', enabled: false });
    expect(byId(buildMenuSpec(STATE, LINUX), 'file.clearRecent').enabled).toBe(false);

    const menu = buildMenuSpec({ ...STATE, recent: ['/p/A&B.hzw', '/p/c.hzw'] }, LINUX);
    const items = byId(menu, 'file.openRecent').submenu!;
    expect(items[0]).toMatchObject({
      label: '/p/A&&B.hzw',
      action: { kind: 'openRecent', path: '/p/A&B.hzw' },
    });
    expect(items[1]?.action).toEqual({ kind: 'openRecent', path: '/p/c.hzw' });
    expect(byId(menu, 'file.clearRecent').enabled).toBe(true);
  });

  it('puts Quit under File on Windows and Linux and in the application menu on macOS', () => {
    const quitIn = (platform: string) =>
      buildMenuSpec(STATE, { ...LINUX, platform })
        .filter((menu) => flatten(menu.submenu ?? []).some((item) => item.role === 'quit'))
        .map((menu) => menu.label);
    expect(quitIn('win32')).toEqual(['文件']);
    expect(quitIn('darwin')).toEqual(['Heritage Zone Workbench']);
  });

  it('escapes ampersands for menu labels', () => {
    expect(escapeMnemonic('R&D & plans')).toBe('R&&D && plans');
  });

  it('offers the exchange and heritage tools in both languages', () => {
    const zh = buildMenuSpec({ ...STATE, canSave: true }, LINUX);
    const en = buildMenuSpec({ ...STATE, canSave: true, lang: 'en' }, LINUX);
    const labels = (menu: MenuItemSpec[], ids: string[]) => ids.map((id) => byId(menu, id).label);
    const ids = [
      'file.import',
      'file.export',
      'file.saveAs',
      'file.makeWorkingCopy',
      'file.mergeReview',
      'tools.deriveZone',
      'tools.whatHere',
      'tools.runFullCheck',
      'tools.areaStatistics',
      'tools.referenceLayers',
    ];
    expect(labels(zh, ids)).toEqual([
      '导入…',
      '导出…',
      '另存为…',
      '制作工作副本',
      '合并审查意见…',
      '派生区划…',
      '查询此处管控',
      '全面检查',
      '面积统计…',
      '参考图层…',
    ]);
    expect(labels(en, ids)).toEqual([
      'Import…',
      'Export…',
      'Save As…',
      'Make Working Copy',
      'Merge Review…',
      'Derive Zone…',
      'What Applies Here',
      'Run Full Check',
      'Area Statistics…',
      'Reference Layers…',
    ]);
    expect(
      byId(zh, 'tools')
        .submenu!.filter((i) => i.type !== 'separator')
        .map((i) => i.id),
    ).toEqual([
      'tools.deriveZone',
      'tools.whatHere',
      'tools.runFullCheck',
      'tools.areaStatistics',
      'tools.referenceLayers',
    ]);
    // With no project shown there is nothing to check, count or overlay.
    const idle = buildMenuSpec(STATE, LINUX);
    for (const id of ['tools.runFullCheck', 'tools.areaStatistics', 'tools.referenceLayers'])
      expect(byId(idle, id).enabled, id).toBe(false);
    expect(byId(zh, 'file.import').accelerator).toBe('CmdOrCtrl+I');
    expect(byId(zh, 'file.export').accelerator).toBe('CmdOrCtrl+E');
    // Single-letter tool keys stay with the page (they would eat the letter in text fields).
    expect(byId(zh, 'tools.whatHere').accelerator).toBeUndefined();
  });

  it('disables editing items for a read-only review copy and offers the working copy instead', () => {
    const busy = { ...STATE, canSave: true, canUndo: true, canRedo: true, hasSelection: true };
    const editing = buildMenuSpec(busy, LINUX);
    const review = buildMenuSpec({ ...busy, readOnly: true }, LINUX);
    const EDITS = ['edit.undo', 'edit.redo', 'edit.delete', 'file.import', 'tools.deriveZone'];
    expect(EDITS.map((id) => byId(editing, id).enabled)).toEqual(EDITS.map(() => true));
    expect(EDITS.map((id) => byId(review, id).enabled)).toEqual(EDITS.map(() => false));
    expect(byId(editing, 'file.makeWorkingCopy').enabled).toBe(false);
    expect(byId(review, 'file.makeWorkingCopy').enabled).toBe(true);
    expect(byId(review, 'file.mergeReview').enabled).toBe(false);
    // Reading and saving a copy stay available (Save writes a new file, never the reviewed one).
    for (const id of [
      'file.export',
      'file.saveAs',
      'file.save',
      'tools.whatHere',
      'file.open',
      'tools.runFullCheck',
      'tools.areaStatistics',
      'tools.referenceLayers',
    ])
      expect(byId(review, id).enabled, id).toBe(true);
  });
});

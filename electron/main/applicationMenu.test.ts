import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const installed: MenuItemConstructorOptions[][] = [];
vi.mock('electron', () => ({
  Menu: {
    buildFromTemplate: (template: MenuItemConstructorOptions[]) => template,
    setApplicationMenu: (menu: MenuItemConstructorOptions[]) => installed.push(menu),
  },
}));

const { createApplicationMenu } = await import('./applicationMenu');
type Click = (item: unknown, window: unknown, event?: { triggeredByAccelerator?: boolean }) => void;

function flatten(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...flatten(Array.isArray(item.submenu) ? item.submenu : [])]);
}
function click(id: string, event: { triggeredByAccelerator?: boolean } = {}): void {
  const item = flatten(installed.at(-1)!).find((i) => i.id === id);
  if (!item?.click) throw new Error(`no clickable menu item ${id}`);
  (item.click as unknown as Click)(undefined, undefined, event);
}

const handlers = {
  command: vi.fn(),
  language: vi.fn(),
  openRecent: vi.fn(),
  clearRecent: vi.fn(),
  nativeEdit: vi.fn(),
};
const STATE = {
  lang: 'zh' as const,
  canUndo: true,
  canRedo: false,
  hasSelection: false,
  canSave: true,
  readOnly: false,
  recent: ['/p/a.hzw'],
};
const ENV = { platform: 'linux', dev: false, appName: 'HZW' };

beforeEach(() => {
  installed.length = 0;
  vi.clearAllMocks();
});

describe('application menu', () => {
  it('routes clicks to the handlers by action', () => {
    createApplicationMenu(ENV, handlers, STATE);
    click('file.save');
    click('view.language.en');
    click('file.clearRecent');
    expect(handlers.command).toHaveBeenCalledWith('file.save');
    expect(handlers.language).toHaveBeenCalledWith('en');
    expect(handlers.clearRecent).toHaveBeenCalled();
  });

  it('runs Undo as a workbench command when clicked, as a native edit when a key reached the menu', () => {
    createApplicationMenu(ENV, handlers, STATE);
    click('edit.undo');
    expect(handlers.command).toHaveBeenCalledWith('edit.undo');
    click('edit.undo', { triggeredByAccelerator: true });
    expect(handlers.nativeEdit).toHaveBeenCalledWith('edit.undo');
    expect(handlers.command).toHaveBeenCalledTimes(1);
    click('file.save', { triggeredByAccelerator: true });
    expect(handlers.command).toHaveBeenLastCalledWith('file.save');
  });

  it('accepts a click without an event, as MenuItem.click() sends none', () => {
    createApplicationMenu(ENV, handlers, STATE);
    const item = flatten(installed.at(-1)!).find((i) => i.id === 'view.language.en');
    (item!.click as unknown as Click)(undefined, undefined);
    expect(handlers.language).toHaveBeenCalledWith('en');
  });

  it('rebuilds only when the state changes', () => {
    const menu = createApplicationMenu(ENV, handlers, STATE);
    expect(installed).toHaveLength(1);
    menu.update({ canUndo: true });
    expect(installed).toHaveLength(1);
    menu.update({ lang: 'en' });
    expect(installed).toHaveLength(2);
    expect(installed[1]!.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Tools', 'Help']);
    expect(menu.state.lang).toBe('en');
  });
});

import { describe, expect, it, vi } from 'vitest';
import type { ApplicationMenu } from './applicationMenu';
import { createMenuHandlers } from './menuHandlers';
import type { MenuState } from './menuTemplate';

function setup(lang: MenuState['lang'] = 'zh') {
  const state: MenuState = {
    lang,
    canUndo: false,
    canRedo: false,
    hasSelection: false,
    canSave: true,
    readOnly: false,
    recent: ['/a.hzw'],
  };
  const menu = {
    get state() {
      return state;
    },
    update: vi.fn((change: Partial<MenuState>) => Object.assign(state, change)),
  } as unknown as ApplicationMenu;
  const contents = { undo: vi.fn(), redo: vi.fn(), delete: vi.fn() };
  const deps = {
    send: vi.fn(),
    menu: () => menu,
    requestOpen: vi.fn(),
    recent: { clear: vi.fn(async () => undefined) },
    contents: () => contents,
  };
  return { handlers: createMenuHandlers(deps), deps, menu, contents, state };
}

describe('menu handlers', () => {
  it('asks the renderer to switch language only when the choice differs, and shows it at once', () => {
    const { handlers, deps, state } = setup('zh');
    handlers.language('en');
    expect(deps.send).toHaveBeenCalledWith('view.toggleLanguage');
    expect(state.lang).toBe('en');
    handlers.language('en');
    expect(deps.send).toHaveBeenCalledTimes(1);
  });

  it('performs native text edits for keys the page left alone', () => {
    const { handlers, contents, deps } = setup();
    handlers.nativeEdit('edit.undo');
    handlers.nativeEdit('edit.redo');
    handlers.nativeEdit('edit.delete');
    expect(contents.undo).toHaveBeenCalledTimes(1);
    expect(contents.redo).toHaveBeenCalledTimes(1);
    expect(contents.delete).toHaveBeenCalledTimes(1);
    expect(deps.send).not.toHaveBeenCalled();
  });

  it('opens recent files through the open queue and clears the list', async () => {
    const { handlers, deps, state } = setup();
    handlers.openRecent('/a.hzw');
    expect(deps.requestOpen).toHaveBeenCalledWith('/a.hzw');
    handlers.clearRecent();
    await vi.waitFor(() => expect(state.recent).toEqual([]));
    expect(deps.recent.clear).toHaveBeenCalled();
  });
});

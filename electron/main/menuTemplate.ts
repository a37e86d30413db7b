import type { MenuCommand } from '../../shared/ipc/menuCommands';
import type { Lang } from './dialogText';
import { LANGUAGE_NAMES, MENU_LABELS, type MenuLabel } from './menuLabels';

export type MenuAction =
  | { kind: 'command'; command: MenuCommand }
  | { kind: 'language'; lang: Lang }
  | { kind: 'openRecent'; path: string }
  | { kind: 'clearRecent' };

export type MenuRole =
  | 'quit'
  | 'reload'
  | 'toggleDevTools'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'hide'
  | 'hideOthers'
  | 'unhide';

/** One menu item as plain data; applicationMenu.ts turns it into an Electron menu. */
export interface MenuItemSpec {
  id?: string;
  label?: string;
  type?: 'normal' | 'separator' | 'radio';
  role?: MenuRole;
  accelerator?: string;
  registerAccelerator?: boolean;
  enabled?: boolean;
  checked?: boolean;
  action?: MenuAction;
  submenu?: MenuItemSpec[];
}

export interface MenuState {
  lang: Lang;
  canUndo: boolean;
  canRedo: boolean;
  hasSelection: boolean;
  /** True once the renderer has reported its state, i.e. a project is shown and can be saved. */
  canSave: boolean;
  /** A read-only review copy is open: items that would edit it are disabled. */
  readOnly: boolean;
  recent: readonly string[];
}

export interface MenuEnvironment {
  platform: string;
  dev: boolean;
  appName: string;
}

/**
 * Keys the page handles itself (renderer/editor/keyboard.ts): Undo, Redo, Delete. Their menu
 * items show the accelerator but do not register it (`registerAccelerator: false`), so one key
 * press runs the command once — through the page, which also knows when a text field or a map
 * gesture should get the key instead. macOS ignores `registerAccelerator` but offers a key to
 * the menu only when the page did not handle it; applicationMenu.ts then performs the native
 * text edit instead of the workbench command.
 */
export const PAGE_OWNED_COMMANDS: ReadonlySet<MenuCommand> = new Set([
  'edit.undo',
  'edit.redo',
  'edit.delete',
]);

const separator: MenuItemSpec = { type: 'separator' };

/** Windows and Linux read `&` in labels as a mnemonic marker; file names must show it literally. */
export function escapeMnemonic(label: string): string {
  return label.replace(/&/g, '&&');
}

/** The whole application menu for a state: pure data, rebuilt whenever the state changes. */
export function buildMenuSpec(state: MenuState, env: MenuEnvironment): MenuItemSpec[] {
  const t = (key: MenuLabel) => MENU_LABELS[state.lang][key];
  const mac = env.platform === 'darwin';
  const command = (
    cmd: MenuCommand,
    label: MenuLabel,
    accelerator?: string,
    enabled = true,
  ): MenuItemSpec => ({
    id: cmd,
    label: t(label),
    accelerator,
    ...(PAGE_OWNED_COMMANDS.has(cmd) ? { registerAccelerator: false } : {}),
    enabled,
    action: { kind: 'command', command: cmd },
  });

  const recent: MenuItemSpec[] = state.recent.length
    ? state.recent.map((path) => ({ label: escapeMnemonic(path), action: { kind: 'openRecent', path } }))
    : [{ label: t('noRecent'), enabled: false }];

  const file: MenuItemSpec[] = [
    command('file.new', 'newProject', 'CmdOrCtrl+N'),
    command('file.open', 'open', 'CmdOrCtrl+O'),
    {
      id: 'file.openRecent',
      label: t('openRecent'),
      submenu: [
        ...recent,
        separator,
        {
          id: 'file.clearRecent',
          label: t('clearRecent'),
          enabled: state.recent.length > 0,
          action: { kind: 'clearRecent' },
        },
      ],
    },
    separator,
    command('file.save', 'save', 'CmdOrCtrl+S', state.canSave),
    command('file.saveAs', 'saveAs', 'Shift+CmdOrCtrl+S', state.canSave),
    command('file.makeWorkingCopy', 'makeWorkingCopy', undefined, state.readOnly),
    // A returned review merges into the planner's own project, never into a review copy.
    command('file.mergeReview', 'mergeReview', undefined, state.canSave && !state.readOnly),
    separator,
    // Importing adds zones: not into a review copy.
    command('file.import', 'import', 'CmdOrCtrl+I', !state.readOnly),
    command('file.export', 'export', 'CmdOrCtrl+E'),
    command('file.figure', 'figure', undefined, state.canSave),
    ...(mac ? [] : [separator, { label: t('quit'), role: 'quit' as const, accelerator: 'CmdOrCtrl+Q' }]),
  ];

  const edit: MenuItemSpec[] = [
    command('edit.undo', 'undo', 'CmdOrCtrl+Z', state.canUndo && !state.readOnly),
    command('edit.redo', 'redo', mac ? 'Shift+CmdOrCtrl+Z' : 'CmdOrCtrl+Y', state.canRedo && !state.readOnly),
    separator,
    { label: t('cut'), role: 'cut' },
    { label: t('copy'), role: 'copy' },
    { label: t('paste'), role: 'paste' },
    { label: t('selectAll'), role: 'selectAll' },
    separator,
    command('edit.delete', 'delete', 'Delete', state.hasSelection && !state.readOnly),
  ];

  // Tools the toolbar offers too. Single-letter tool keys (Q for "what applies here") stay with
  // the page: as menu accelerators they would swallow the letter in text fields on macOS. The
  // analysis items read the project (reference layers are the reviewer's own overlays, never part
  // of the plan), so they stay available in a review copy.
  const tools: MenuItemSpec[] = [
    command('tools.deriveZone', 'deriveZone', undefined, state.canSave && !state.readOnly),
    separator,
    command('tools.whatHere', 'whatHere', undefined, state.canSave),
    command('tools.runFullCheck', 'runFullCheck', undefined, state.canSave),
    command('tools.areaStatistics', 'areaStatistics', undefined, state.canSave),
    command('tools.referenceLayers', 'referenceLayers', undefined, state.canSave),
  ];

  const languages: MenuItemSpec[] = (['zh', 'en'] as const).map((lang) => ({
    id: `view.language.${lang}`,
    label: LANGUAGE_NAMES[lang],
    type: 'radio',
    checked: state.lang === lang,
    action: { kind: 'language', lang },
  }));

  const view: MenuItemSpec[] = [
    command('view.zoomIn', 'zoomIn', 'CmdOrCtrl+='),
    command('view.zoomOut', 'zoomOut', 'CmdOrCtrl+-'),
    command('view.zoomToProject', 'zoomToProject', 'CmdOrCtrl+0'),
    separator,
    { id: 'view.language', label: t('language'), submenu: languages },
    ...(env.dev
      ? [
          separator,
          { label: t('reload'), role: 'reload' as const },
          { label: t('devTools'), role: 'toggleDevTools' as const },
        ]
      : []),
  ];

  const appMenu: MenuItemSpec[] = mac
    ? [
        {
          label: env.appName,
          submenu: [
            { label: t('hide'), role: 'hide' },
            { label: t('hideOthers'), role: 'hideOthers' },
            { label: t('showAll'), role: 'unhide' },
            separator,
            { label: t('quit'), role: 'quit' },
          ],
        },
      ]
    : [];

  return [
    ...appMenu,
    { id: 'file', label: t('file'), submenu: file },
    { id: 'edit', label: t('edit'), submenu: edit },
    { id: 'view', label: t('view'), submenu: view },
    { id: 'tools', label: t('tools'), submenu: tools },
    { id: 'help', label: t('help'), submenu: [command('help.about', 'about')] },
  ];
}

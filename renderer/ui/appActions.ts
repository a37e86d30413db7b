import type { MenuCommand } from '../../shared/ipc/menuCommands';
import type { Lang } from '../../shared/domain/labels';
import { setDeriveDialogOpen } from './DeriveDialogState';

/**
 * Everything the toolbar, the keyboard and the desktop menu can ask for. One implementation
 * (useAppActions) serves all three, so a menu item and its toolbar button cannot drift apart.
 */
export interface AppActions {
  newProject(): void;
  openProject(): void;
  saveProject(saveAs: boolean): void;
  importFiles(): void;
  exportFiles(): void;
  /** 合并审查意见: bring a returned review file's comments and decisions into the project. */
  mergeReview(): void;
  /** Review mode: turn the read-only copy into an editable project. */
  makeWorkingCopy(): void;
  /** Pick the "what applies here" map tool. */
  whatHere(): void;
  /** 全面检查: re-check the whole project in the checks panel, with progress. */
  runFullCheck(): void;
  /** 面积统计: open the area statistics dialog. */
  areaStatistics(): void;
  /** 出图: open the figure composer. */
  figure(): void;
  /** 参考图层: bring the layers panel's reference section into view and focus it. */
  referenceLayers(): void;
  undo(): void;
  redo(): void;
  deleteSelection(): void;
  zoomBy(delta: number): void;
  zoomToProject(): void;
  openSettings(): void;
  toggleLanguage(): void;
  setLanguage(lang: Lang): void;
  about(): void;
}

export const MENU_ACTIONS: Record<MenuCommand, (actions: AppActions) => void> = {
  'file.new': (a) => a.newProject(),
  'file.open': (a) => a.openProject(),
  'file.save': (a) => a.saveProject(false),
  'file.saveAs': (a) => a.saveProject(true),
  'file.import': (a) => a.importFiles(),
  'file.export': (a) => a.exportFiles(),
  'file.figure': (a) => a.figure(),
  'file.makeWorkingCopy': (a) => a.makeWorkingCopy(),
  'edit.undo': (a) => a.undo(),
  'edit.redo': (a) => a.redo(),
  'edit.delete': (a) => a.deleteSelection(),
  'view.zoomIn': (a) => a.zoomBy(1),
  'view.zoomOut': (a) => a.zoomBy(-1),
  'view.zoomToProject': (a) => a.zoomToProject(),
  'view.toggleLanguage': (a) => a.toggleLanguage(),
  'tools.whatHere': (a) => a.whatHere(),
  'tools.runFullCheck': (a) => a.runFullCheck(),
  'tools.areaStatistics': (a) => a.areaStatistics(),
  'tools.referenceLayers': (a) => a.referenceLayers(),
  'help.about': (a) => a.about(),
  'tools.deriveZone': () => setDeriveDialogOpen(true),
};

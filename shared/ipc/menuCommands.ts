/**
 * Commands the native menu (desktop) and the toolbar / keyboard (both modes) trigger. The menu
 * sends only these ids to the renderer; the renderer runs the same command the toolbar runs.
 */
export const MENU_COMMANDS = [
  'file.new',
  'file.open',
  'file.save',
  'file.saveAs',
  'file.import',
  'file.export',
  'file.figure',
  'file.makeWorkingCopy',
  'file.mergeReview',
  'edit.undo',
  'edit.redo',
  'edit.delete',
  'view.zoomIn',
  'view.zoomOut',
  'view.zoomToProject',
  'view.toggleLanguage',
  'tools.deriveZone',
  'tools.whatHere',
  'tools.runFullCheck',
  'tools.areaStatistics',
  'tools.referenceLayers',
  'help.about',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

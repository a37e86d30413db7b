import type { WindowState } from '../../shared/ipc/contract';

export type Lang = WindowState['lang'];

/** Words main shows itself (dialogs, message boxes), in the language the renderer reported. */
export interface DialogText {
  openProject: string;
  saveProject: string;
  exportFile: string;
  projectFilter: string;
  openLinkTitle: string;
  openLinkMessage: (url: string) => string;
  openLinkConfirm: string;
  cancel: string;
  openFailedTitle: string;
  unknownHandle: string;
}

export const DIALOG_TEXT: Record<Lang, DialogText> = {
  zh: {
    openProject: '打开项目',
    saveProject: '保存项目',
    exportFile: '导出',
    projectFilter: '文物保护区划项目',
    openLinkTitle: '打开外部链接',
    openLinkMessage: (url) => `要在浏览器中打开此链接吗？\n\n${url}`,
    openLinkConfirm: '在浏览器中打开',
    cancel: '取消',
    openFailedTitle: '无法打开文件',
    unknownHandle: '该文件已不可用，请使用“另存为”。/ That file is no longer available; use Save As.',
  },
  en: {
    openProject: 'Open project',
    saveProject: 'Save project',
    exportFile: 'Export',
    projectFilter: 'Heritage zone project',
    openLinkTitle: 'Open external link',
    openLinkMessage: (url) => `Open this link in your browser?\n\n${url}`,
    openLinkConfirm: 'Open in browser',
    cancel: 'Cancel',
    openFailedTitle: 'The file could not be opened',
    unknownHandle: '该文件已不可用，请使用“另存为”。/ That file is no longer available; use Save As.',
  },
};

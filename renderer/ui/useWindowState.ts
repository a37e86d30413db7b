import { useEffect } from 'react';
import { useEditorState } from './hooks/useEditorState';
import { useLang } from './hooks/useLang';
import type { HistoryState } from '../storage/history';
import { useWorkbench } from './hooks/useWorkbench';

/** Keep the document title and (desktop) the native window and menu in step with the app. */
export function useWindowState(projectName: string | null, history: HistoryState | null | undefined): void {
  const { platform } = useWorkbench();
  const { lang, t } = useLang();
  const file = useEditorState((s) => s.file);
  const gesture = useEditorState((s) => s.gesture);
  const readOnly = useEditorState((s) => s.readOnly);
  const hasSelection = useEditorState((s) => s.selection.zoneIds.length > 0 || s.selection.objectId !== null);
  const title = [projectName ?? '', file ? `(${file.name})` : '', '—', t('appTitle')]
    .filter(Boolean)
    .join(' ');
  useEffect(() => {
    document.title = title;
    platform.setWindowState({
      title,
      edited: false,
      canUndo: !!history?.undo && !gesture,
      canRedo: !!history?.redo && !gesture,
      hasSelection,
      lang,
      readOnly,
    });
  }, [platform, title, history, gesture, hasSelection, lang, readOnly]);
}

/**
 * The window state as a component of its own: it follows the gesture (undo is unavailable while a
 * vertex is dragged), and a hook in App would render the whole window when a drag starts.
 */
export function WindowStateSync({
  projectName,
  history,
}: {
  projectName: string | null;
  history: HistoryState | null | undefined;
}): null {
  useWindowState(projectName, history);
  return null;
}

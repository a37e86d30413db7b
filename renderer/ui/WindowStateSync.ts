import { useEffect } from 'react';
import { useEditorState } from './hooks/useEditorState';
import { useLang } from './hooks/useLang';
import type { HistoryState } from '../storage/history';
import { useWorkbench } from './hooks/useWorkbench';

/**
 * Keeps the document title and (desktop) the native window and menu in step with the app. A
 * component of its own: it follows the gesture (undo is unavailable while a vertex is dragged),
 * and as a hook in App it rendered the whole window when a drag started.
 */
export function WindowStateSync({
  projectName,
  history,
}: {
  projectName: string | null;
  history: HistoryState | null | undefined;
}): null {
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
  return null;
}

import { useSyncExternalStore } from 'react';
import type { EditorState } from '../../editor/editorState';
import { useWorkbench } from './useWorkbench';

/** Read a slice of the editor state; the component re-renders when that slice changes. */
export function useEditorState<T>(select: (state: EditorState) => T): T {
  const { workbench } = useWorkbench();
  return useSyncExternalStore(workbench.state.subscribe, () => select(workbench.state.get()));
}

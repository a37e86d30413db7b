import { useEffect, type RefObject } from 'react';
import { escapeSelection, keyAction } from '../editor/keyboard';
import type { PlanMap } from '../map/createPlanMap';
import type { AppActions } from './appActions';
import { useWorkbench } from './hooks/useWorkbench';

function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element) return false;
  return (
    element.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName) ||
    !!element.closest('dialog[open]')
  );
}

/**
 * Workbench keys: the active map tool sees Esc, Backspace and Delete first (cancel a gesture,
 * drop the last vertex, remove a hovered vertex); otherwise they act on the selection and history
 * (Esc with no gesture running clears the selection).
 * Keys typed into form fields and dialogs are left alone.
 */
export function useKeyboard(map: RefObject<PlanMap | null>, actions: AppActions): void {
  const { workbench, platform } = useWorkbench();
  useEffect(() => {
    // Esc: the running gesture first (the tool cancels it); with none, the tool still drops what it
    // shows (a measurement, a query pin) and the selection is cleared one level (keyboard.ts).
    const cancel = () => {
      const running = workbench.state.get().gesture !== null;
      const handled = map.current?.handleKey({ kind: 'cancel' }) ?? false;
      if (running) return;
      if (!handled) workbench.setTool('select');
      const next = escapeSelection(workbench.state.get().selection);
      if (next) workbench.select(next);
    };
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event.target)) return;
      const action = keyAction(event);
      if (!action) return;
      // On the desktop the native menu owns the file shortcuts (its accelerators fire first).
      if ((action.kind === 'save' || action.kind === 'open') && platform.kind === 'desktop') return;
      event.preventDefault();
      if (action.kind === 'cancel') return cancel();
      if (map.current?.handleKey(action)) return;
      // In the review panel Ctrl+Z takes back review steps (a reply, a resolve), never a vertex.
      const inReview = !!(document.activeElement as HTMLElement | null)?.closest('[data-review-panel]');
      switch (action.kind) {
        case 'undo':
          return inReview ? void workbench.undo('review') : actions.undo();
        case 'redo':
          return inReview ? void workbench.redo('review') : actions.redo();
        case 'delete':
          return actions.deleteSelection();
        case 'tool':
          return workbench.setTool(action.tool);
        case 'removeLastVertex':
          return;
        case 'toggleTracing':
          return workbench.state.set({ tracing: !workbench.state.get().tracing });
        case 'save':
          return actions.saveProject(action.as);
        case 'open':
          return actions.openProject();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [map, actions, workbench, platform]);
}

import type { Selection } from './editorState';
import { ALL_TOOL_IDS, TOOL_KEYS, type ToolId } from './tools';

export type KeyAction =
  | { kind: 'cancel' }
  | { kind: 'removeLastVertex' }
  | { kind: 'delete' }
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'save'; as: boolean }
  | { kind: 'open' }
  | { kind: 'tool'; tool: ToolId }
  | { kind: 'toggleTracing' };

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/**
 * The workbench's keyboard map, as a pure function so it is tested without a browser:
 * Esc cancels, Backspace removes the last drawn vertex, Delete deletes, Ctrl/⌘+Z undoes,
 * Ctrl/⌘+Shift+Z and Ctrl+Y redo, Ctrl/⌘+S saves (with Shift: save as), Ctrl/⌘+O opens, single
 * letters pick tools, T switches tracing along lines.
 */
export function keyAction(event: KeyLike): KeyAction | null {
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  if (mod && !event.altKey) {
    if (key === 'z') return event.shiftKey ? { kind: 'redo' } : { kind: 'undo' };
    if (key === 'y' && !event.shiftKey) return { kind: 'redo' };
    if (key === 's') return { kind: 'save', as: event.shiftKey };
    if (key === 'o' && !event.shiftKey) return { kind: 'open' };
    return null;
  }
  if (event.altKey) return null;
  if (key === 'escape') return { kind: 'cancel' };
  if (key === 'backspace') return { kind: 'removeLastVertex' };
  if (key === 'delete') return { kind: 'delete' };
  if (event.shiftKey) return null;
  if (key === 't') return { kind: 'toggleTracing' };
  const tool = ALL_TOOL_IDS.find((id) => TOOL_KEYS[id] === key);
  return tool ? { kind: 'tool', tool } : null;
}

/**
 * What Esc does to the selection when no gesture is running (a running one is cancelled first and
 * the selection kept): it drops the selected zones, keeping their object as the context; pressed
 * again, it drops the object too. Null when nothing is selected.
 */
export function escapeSelection(selection: Selection): Selection | null {
  if (selection.zoneIds.length > 0) return { zoneIds: [], objectId: selection.objectId };
  if (selection.objectId !== null) return { zoneIds: [], objectId: null };
  return null;
}

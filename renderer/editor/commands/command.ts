import type { Bilingual } from '../../../shared/domain/labels';
import type { Reader } from '../../storage/reader';
import type { HistoryStack, Put } from '../../storage/records';

/**
 * An edit as data: what it is called in the history, whether it is an undo step, and how it turns
 * the current state into puts. Commands never write themselves; the store's commit does.
 */
export interface Command {
  label: Bilingual;
  undo: 'record' | 'skip';
  /**
   * Which of the window's undo stacks the step joins (storage/history.ts): 'edit' (the default)
   * for the document, 'review' for comments, decisions and sign-offs, so undoing a reply never
   * takes back a vertex and the reverse.
   */
  history?: HistoryStack;
  build(read: Reader): Promise<Put[]>;
}

export function newId(): string {
  return crypto.randomUUID();
}

export function now(): string {
  return new Date().toISOString();
}

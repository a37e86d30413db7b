import type { Bilingual } from '../../shared/domain/labels';
import { FormatError } from '../../shared/formats/formatError';
import { CommitError } from '../storage/commitError';
import { UPGRADED_ELSEWHERE } from '../storage/connection';
import { JobRefused } from '../jobs/jobFailure';
import type { CommitResult } from '../storage/commit';
import { stackSession } from '../storage/history';
import type { HistoryStack } from '../storage/records';
import type { Store } from '../storage/store';
import type { Command } from './commands/command';
import { deleteObject } from './commands/objectCommands';
import { deleteZones } from './commands/zoneCommands';
import { autoRegeneration, writtenZoneIds } from './regenerateDerived';
import { pruneSelection, removedKeys } from './selection';
import { createStateStore, type StateStore } from './stateStore';
import {
  initialEditorState,
  type EditorState,
  type Notice,
  type NoticeAction,
  type Selection,
} from './editorState';
import { REVIEW_TOOLS, type ToolId } from './tools';
import { WindowView, type ViewSnapshot } from './windowView';
import type { Lang } from '../../shared/domain/labels';

/** Name of the performance measure from a gesture's end to its commit being durable in IndexedDB. */
export const GESTURE_COMMIT_MEASURE = 'hzw:gesture-commit';

let noticeSeq = 0;
/** How many rounds of follow-up commits one edit may set off (derived from derived from …). */
const MAX_FOLLOW_UP_DEPTH = 4;

/**
 * The editor: runs commands through the store's one write door, owns undo/redo and the ephemeral
 * editor state. The map tools and the React panels both talk to this object, never to the store's
 * writes directly.
 */
export class Workbench {
  readonly state: StateStore<EditorState>;

  constructor(
    readonly store: Store,
    lang: Lang,
  ) {
    this.state = createStateStore(initialEditorState(lang));
    // Another window upgraded the database: offer a reload. The editor state (a gesture, a
    // selection) and whatever a form holds stay as they are until the planner reloads.
    const prompt = () => {
      if (store.connection.state() !== 'open') this.state.set({ reloadPrompt: UPGRADED_ELSEWHERE });
    };
    store.connection.subscribe(prompt);
    prompt();
  }

  get projectId(): string {
    const id = this.state.get().projectId;
    if (!id) throw new Error('no project is open');
    return id;
  }

  /** What this window shows and wrote: the basis its edits are checked against (windowView.ts). */
  readonly view = new WindowView();
  /** The view as the running gesture started from it. */
  private gestureFrom: ViewSnapshot | null = null;

  /**
   * Run a command; refusals become an error notice and resolve to null (nothing was written).
   * The write door compares the records it changes with the view as the edit started (`from`:
   * a gesture's start, else now) and refuses it if another window changed them in between.
   */
  async run(command: Command, from?: ViewSnapshot, amend?: number): Promise<CommitResult | null> {
    try {
      const basis = this.view.basis(from);
      const { history, ...rest } = command;
      const session = stackSession(this.store.session, history);
      const request = { projectId: this.projectId, ...rest, basis, session };
      const result = await this.store.commit(amend === undefined ? request : { ...request, amend });
      this.view.committed(result.changes);
      this.afterCommit(result);
      return result;
    } catch (error) {
      this.reportError(error);
      return null;
    }
  }

  /** Follow-up commits (auto-regeneration) run one after another; undo/redo wait for them. */
  private followUps: Promise<void> = Promise.resolve();
  private followUpDepth = 0;

  /**
   * Work a commit sets off: derived zones whose source the commit changed are regenerated when
   * the project asks for it (regenerateDerived.ts), as commits that amend the commit's undo step
   * (commit.ts, `amend`) — one gesture, one undo step. A regeneration may in turn change the
   * source of further derived zones; the depth bound stops a cycle of derivations from running
   * forever.
   */
  private afterCommit(result: CommitResult): void {
    this.dropRemoved(result.changes);
    this.followUp(writtenZoneIds(result.changes), result.step);
  }

  /**
   * The follow-ups of zones a commit wrote: here, or in the import session's worker. `step`: the
   * undo step they join (absent: each follow-up is a step of its own).
   */
  followUp(written: ReadonlySet<string>, step?: number): void {
    if (written.size === 0 || this.followUpDepth >= MAX_FOLLOW_UP_DEPTH) return;
    const depth = this.followUpDepth + 1;
    this.followUps = this.followUps.then(async () => {
      this.followUpDepth = depth;
      try {
        const projectId = this.state.get().projectId;
        const command = projectId ? await autoRegeneration(this.store.read, projectId, written) : null;
        if (command) await this.run(command, undefined, step);
      } catch (error) {
        this.reportError(error);
      } finally {
        this.followUpDepth = 0;
      }
    });
  }

  /** Resolves once every follow-up commit started so far is written (or refused). */
  settled(): Promise<void> {
    return this.followUps;
  }

  /**
   * Commit the result of a finished map gesture: exactly one change set, hence one undo step.
   * `endedAt` is the performance.now() of the gesture's end event.
   */
  async commitGesture(command: Command, endedAt: number): Promise<CommitResult | null> {
    const from = this.gestureFrom ?? undefined;
    this.endGesture();
    const result = await this.run(command, from);
    if (result && result.changes.length > 0) {
      performance.measure(GESTURE_COMMIT_MEASURE, { start: endedAt, end: performance.now() });
    }
    return result;
  }

  beginGesture(name: string): void {
    this.gestureFrom = this.view.snapshot();
    this.state.set({ gesture: name });
  }

  endGesture(): void {
    this.gestureFrom = null;
    this.state.set({ gesture: null });
  }

  /**
   * Undo this window's last step of one stack: `stack` absent means the review stack in a review
   * copy (the only one a reviewer fills) and the edit stack otherwise.
   */
  undo(stack?: HistoryStack): Promise<void> {
    return this.step('undo', stack);
  }

  redo(stack?: HistoryStack): Promise<void> {
    return this.step('redo', stack);
  }

  private async step(direction: 'undo' | 'redo', stack?: HistoryStack): Promise<void> {
    if (this.state.get().gesture) return;
    await this.settled();
    const which = stack ?? (this.state.get().readOnly ? 'review' : 'edit');
    try {
      const step = await this.store[direction](this.projectId, which);
      if (step) {
        this.view.wrote(step.written);
        this.dropRemoved(step.written);
      }
    } catch (error) {
      this.reportError(error);
    }
  }

  /** Delete the selected zones, or the selected object with its zones when no zone is selected. */
  async deleteSelection(): Promise<void> {
    const { zoneIds, objectId } = this.state.get().selection;
    if (zoneIds.length > 0) {
      const result = await this.run(deleteZones(zoneIds));
      if (result) this.select({ zoneIds: [], objectId });
    } else if (objectId) {
      const result = await this.run(deleteObject(objectId));
      if (result) this.select({ zoneIds: [], objectId: null });
    }
  }

  setTool(tool: ToolId): void {
    // A review copy is read-only but for comments: editing tools stay off (the store refuses as well).
    if (this.state.get().readOnly && !REVIEW_TOOLS.includes(tool)) return;
    this.state.set({ tool });
  }

  /** Records a commit or an undo/redo step removed leave the selection (selection.ts). */
  private dropRemoved(written: Parameters<typeof removedKeys>[0]): void {
    const pruned = pruneSelection(this.state.get().selection, removedKeys(written));
    if (pruned) this.select(pruned);
  }

  select(selection: Selection): void {
    this.state.set({ selection });
  }

  notify(kind: Notice['kind'], text: Bilingual, details?: Bilingual[], action?: NoticeAction): void {
    this.state.set({
      notice: { id: ++noticeSeq, kind, text, ...(details ? { details } : {}), ...(action ? { action } : {}) },
    });
  }

  /** The last notice raised so far: a dialog opened now shows only notices after this mark. */
  noticeMark(): number {
    return noticeSeq;
  }

  dismissNotice(): void {
    this.state.set({ notice: null });
  }

  reportError(error: unknown): void {
    if (error instanceof CommitError) {
      this.notify(
        'error',
        error.title ?? { zh: '未保存：输入有误', en: 'Not saved: the input was refused' },
        error.problems.map((p) =>
          p.subject
            ? { zh: `${p.subject}：${p.message.zh}`, en: `${p.subject}: ${p.message.en}` }
            : p.message,
        ),
      );
    } else if (error instanceof FormatError) {
      this.notify(
        'error',
        {
          zh: `无法读取 ${error.file}，未做任何更改`,
          en: `Could not read ${error.file}; nothing was changed`,
        },
        error.problems.map((p) => {
          const where = `${p.index === null ? '' : `#${p.index} `}${p.field}`;
          return { zh: `${where}：${p.reason.zh}`, en: `${where}: ${p.reason.en}` };
        }),
      );
    } else if (error instanceof JobRefused) {
      this.notify('error', error.title, error.problems);
    } else {
      const text = error instanceof Error ? error.message : String(error);
      this.notify('error', { zh: `操作失败：${text}`, en: `The operation failed: ${text}` });
    }
  }
}

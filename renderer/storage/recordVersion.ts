import { recordFingerprint } from '../../shared/geometry/fingerprint';
import type { Bilingual } from '../../shared/domain/labels';
import { CommitError } from './commitError';
import type { ChangeSet, TableName } from './records';

/** A record's version: the fingerprint of its content, or null when there is no record. */
export function versionOf(record: object | null | undefined): number | null {
  return record ? recordFingerprint(record) : null;
}

/**
 * What an edit started from, as the window that makes it saw the records: for a record, the
 * versions the edit may overwrite (what the window showed when the gesture began, and the window's
 * own later writes its view has not caught up with). Undefined when the window never showed the
 * record (a new one, or one it does not display): then there is nothing to compare.
 */
export type Basis = (table: TableName, key: string) => readonly (number | null)[] | undefined;

const NOUNS: Record<TableName, Bilingual> = {
  zones: { zh: '此区划', en: 'This zone' },
  objects: { zh: '此保护对象', en: 'This protected object' },
  projects: { zh: '此项目', en: 'This project' },
  comments: { zh: '此审查意见', en: 'This review comment' },
  decisions: { zh: '此审查结论', en: 'This review decision' },
  signoffs: { zh: '此签署', en: 'This sign-off' },
};

/**
 * Refuse the change set when another window changed one of its records since the edit began:
 * nothing is written, so that window's change is never silently overwritten. Runs inside the
 * commit's lock and transaction, on the values read there.
 */
export function assertBasis(changes: ChangeSet, basis: Basis | undefined): void {
  if (!basis) return;
  const stale = changes.filter((c) => {
    const accepted = basis(c.table, c.key);
    return accepted !== undefined && !accepted.includes(versionOf(c.before));
  });
  if (stale.length === 0) return;
  const noun = NOUNS[stale[0]!.table];
  throw new CommitError(
    stale.map((c) => ({
      subject: `${c.table}/${c.key}`,
      message:
        c.before === null
          ? {
              zh: `${NOUNS[c.table].zh}已在另一窗口中删除`,
              en: `${NOUNS[c.table].en} was deleted in another window`,
            }
          : {
              zh: `${NOUNS[c.table].zh}已在另一窗口中修改，本次编辑未保存，图上显示的是那个窗口的结果；请在此基础上重做`,
              en: `${NOUNS[c.table].en} was changed in another window; this edit was not saved and the map shows that window’s result — redo it from there`,
            },
    })),
    {
      zh: `${noun.zh}已在另一窗口中修改，未覆盖其修改`,
      en: `${noun.en} was changed in another window; its change was not overwritten`,
    },
  );
}

/** Why an undo or redo was refused: a record of the step changed since (in another window). */
export function changedSince(subject: string): CommitError {
  return new CommitError(
    [
      {
        subject,
        message: {
          zh: '该对象在此步之后已在另一窗口中修改，此步无法撤销或重做；请先在那个窗口撤销其修改',
          en: 'This record was changed in another window after this step, so the step cannot be undone or redone; undo that change in the other window first',
        },
      },
    ],
    { zh: '无法撤销或重做：另一窗口已修改', en: 'Cannot undo or redo: changed in another window' },
  );
}

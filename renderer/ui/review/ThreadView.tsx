import { ADOPTION_LABELS, COMMENT_STATUS_LABELS } from '../../../shared/review/model';
import { useState } from 'react';
import { ADOPTIONS, type Adoption, type CommentStatus } from '../../../shared/review/model';
import type { Thread } from '../../editor/review/reviewIndex';
import { useReviewText, withOrganisation } from './reviewText';

/**
 * One thread: every entry in time order (branches of a conflict side by side in that order), a
 * reply box with the planner's 采纳/部分采纳/不采纳, and the status buttons. Text is a React text
 * child with `white-space: pre-wrap`: line breaks kept, nothing interpreted.
 */
export function ThreadView({
  thread,
  where,
  onReply,
  onStatus,
}: {
  thread: Thread;
  where: string;
  onReply(text: string, adoption: Adoption | undefined): Promise<boolean>;
  onStatus(status: CommentStatus): void;
}) {
  const { lang, r } = useReviewText();
  const [text, setText] = useState('');
  const [adoption, setAdoption] = useState<Adoption | ''>('');
  const time = (iso: string) => new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB');
  const heads = new Set(thread.heads.map((h) => h.entryId));

  const send = async () => {
    if (!text.trim()) return;
    if (await onReply(text, adoption || undefined)) {
      setText('');
      setAdoption('');
    }
  };

  return (
    <section className="thread-view" aria-label={`${r('thread')} ${thread.number}`}>
      <h3>
        <span className="pin-number">{thread.number}</span> {where} ·{' '}
        {COMMENT_STATUS_LABELS[thread.status][lang]}
        {thread.conflict && (
          <span className="badge conflict" title={r('conflictHint')}>
            {r('conflict')}
          </span>
        )}
        {thread.targetChanged && <span className="badge changed">{r('targetChanged')}</span>}
      </h3>
      {thread.conflict && <p className="hint">{r('conflictHint')}</p>}
      <ol className="thread-entries">
        {thread.entries.map((entry) => (
          <li
            key={entry.entryId}
            className={`entry entry-${entry.kind}`}
            data-head={heads.has(entry.entryId) || undefined}
          >
            <div className="entry-meta">
              {withOrganisation(entry.author.name, entry.author.organisation, lang)} · {time(entry.createdAt)}
              {entry.kind === 'status' && ` · ${COMMENT_STATUS_LABELS[entry.status][lang]}`}
              {entry.adoption && ` · ${ADOPTION_LABELS[entry.adoption][lang]}`}
            </div>
            {entry.text && <p className="comment-text">{entry.text}</p>}
          </li>
        ))}
      </ol>
      <label className="field">
        <span>{r('replyText')}</span>
        <textarea value={text} rows={3} onChange={(e) => setText(e.target.value)} />
      </label>
      <div className="thread-actions">
        <select
          aria-label={r('adoption')}
          value={adoption}
          onChange={(e) => setAdoption(e.target.value as Adoption | '')}
        >
          <option value="">{r('noAdoption')}</option>
          {ADOPTIONS.map((a) => (
            <option key={a} value={a}>
              {ADOPTION_LABELS[a][lang]}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => void send()} disabled={!text.trim()}>
          {r('reply')}
        </button>
      </div>
      <div className="thread-actions">
        <button
          type="button"
          onClick={() => onStatus('resolved')}
          disabled={thread.status === 'resolved' && !thread.conflict}
        >
          {r('resolve')}
        </button>
        <button
          type="button"
          onClick={() => onStatus('wontfix')}
          disabled={thread.status === 'wontfix' && !thread.conflict}
        >
          {r('wontfix')}
        </button>
        <button
          type="button"
          onClick={() => onStatus('open')}
          disabled={thread.status === 'open' && !thread.conflict}
        >
          {r('reopen')}
        </button>
      </div>
    </section>
  );
}

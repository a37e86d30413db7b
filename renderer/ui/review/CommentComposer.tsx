import { useState } from 'react';
import { REVIEW_LIMITS } from '../../../shared/review/model';
import { labelled, useReviewText } from './reviewText';

/** The comment being written at the place the comment tool (or a panel button) chose. */
export function CommentComposer({
  where,
  onSend,
  onCancel,
}: {
  where: string;
  onSend(text: string): Promise<boolean>;
  onCancel(): void;
}) {
  const { lang, r } = useReviewText();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const send = async () => {
    if (!text.trim() || busy) return;
    setBusy(true);
    try {
      if (await onSend(text)) setText('');
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="comment-composer" aria-label={r('newComment')}>
      <h3>{labelled(r('newComment'), where, lang)}</h3>
      <label className="field">
        <span>{r('commentText')}</span>
        <textarea
          value={text}
          rows={3}
          maxLength={REVIEW_LIMITS.text}
          autoFocus
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <div className="thread-actions">
        <button type="button" onClick={onCancel}>
          {r('cancel')}
        </button>
        <button type="button" onClick={() => void send()} disabled={!text.trim() || busy}>
          {r('send')}
        </button>
      </div>
    </section>
  );
}

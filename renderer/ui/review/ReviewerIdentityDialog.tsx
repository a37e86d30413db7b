import { useState, type FormEvent } from 'react';
import { REVIEW_LIMITS, ReviewerIdentitySchema, type ReviewerIdentity } from '../../../shared/review/model';
import { writeReviewer } from '../../editor/review/reviewerIdentity';
import { useModalDialog } from '../hooks/useModalDialog';
import { useWorkbench } from '../hooks/useWorkbench';
import { useReviewText } from './reviewText';

/**
 * Who writes the comments and verdicts: name and organisation, an app preference set once (asked
 * for on the first comment) and changeable from the panel. Resolves `onDone` with what was saved.
 * The panel mounts it afresh each time it opens, so the fields start from the stored identity.
 */
export function ReviewerIdentityDialog({
  open,
  current,
  onDone,
  onClose,
}: {
  open: boolean;
  current: ReviewerIdentity | null;
  onDone(identity: ReviewerIdentity): void;
  onClose(): void;
}) {
  const { workbench } = useWorkbench();
  const { lang, r } = useReviewText();
  const dialog = useModalDialog(open);
  const [name, setName] = useState(current?.name ?? '');
  const [organisation, setOrganisation] = useState(current?.organisation ?? '');
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = ReviewerIdentitySchema.safeParse({ name: name.trim(), organisation: organisation.trim() });
    if (!parsed.success) {
      setError(lang === 'zh' ? '请填写姓名（不超过 100 字）' : 'Enter a name (at most 100 characters)');
      return;
    }
    try {
      onDone(await writeReviewer(workbench.store, parsed.data));
    } catch (e) {
      workbench.reportError(e);
    }
  };

  return (
    <dialog ref={dialog} onClose={onClose} aria-labelledby="reviewer-identity-title">
      <form method="dialog" onSubmit={(e) => void submit(e)}>
        <h2 id="reviewer-identity-title">{r('identityTitle')}</h2>
        <p className="hint">{r('identityHint')}</p>
        <label htmlFor="reviewer-name">{r('reviewerName')}</label>
        <input
          id="reviewer-name"
          value={name}
          maxLength={REVIEW_LIMITS.name}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={error ? true : undefined}
          autoFocus
        />
        <label htmlFor="reviewer-organisation">{r('reviewerOrganisation')}</label>
        <input
          id="reviewer-organisation"
          value={organisation}
          maxLength={REVIEW_LIMITS.organisation}
          onChange={(e) => setOrganisation(e.target.value)}
        />
        {error && (
          <div className="field-error" role="alert">
            {error}
          </div>
        )}
        <div className="dialog-buttons">
          <button type="button" onClick={onClose}>
            {r('cancel')}
          </button>
          <button type="submit">{r('save')}</button>
        </div>
      </form>
    </dialog>
  );
}

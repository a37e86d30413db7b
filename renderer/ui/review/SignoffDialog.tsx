import { VERDICT_LABELS } from '../../../shared/review/model';
import { useState, type FormEvent } from 'react';
import { REVIEW_LIMITS, VERDICTS, type ReviewerIdentity, type Verdict } from '../../../shared/review/model';
import { useModalDialog } from '../hooks/useModalDialog';
import { useReviewText, withOrganisation } from './reviewText';

/**
 * The whole-file sign-off: reviewer, organisation and date come from the identity and the clock;
 * the reviewer picks the overall verdict and writes the opinion. What is signed is the content
 * as it is when "签署" is pressed (the panel hashes it afresh), shown as counts beforehand.
 */
export function SignoffDialog({
  open,
  reviewer,
  counts,
  onSign,
  onClose,
}: {
  open: boolean;
  reviewer: ReviewerIdentity | null;
  counts: { objects: number; zones: number } | null;
  onSign(verdict: Verdict, opinion: string): Promise<boolean>;
  onClose(): void;
}) {
  const { lang, r } = useReviewText();
  const dialog = useModalDialog(open);
  const [verdict, setVerdict] = useState<Verdict>('approve');
  const [opinion, setOpinion] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      if (await onSign(verdict, opinion)) {
        setOpinion('');
        onClose();
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={dialog} onClose={onClose} aria-labelledby="signoff-title">
      <form method="dialog" onSubmit={(e) => void submit(e)}>
        <h2 id="signoff-title">{r('signoffTitle')}</h2>
        {reviewer && (
          <p>
            {withOrganisation(reviewer.name, reviewer.organisation, lang)} ·{' '}
            {new Date().toLocaleDateString(lang === 'zh' ? 'zh-CN' : 'en-GB')}
          </p>
        )}
        {counts && (
          <p className="hint">
            {lang === 'zh'
              ? `签署对象：保护对象 ${counts.objects} 个、区划 ${counts.zones} 个的当前内容；此后的任何修改都会使签署失效。`
              : `Signs the current content of ${counts.objects} objects and ${counts.zones} zones; any later change supersedes the sign-off.`}
          </p>
        )}
        <label htmlFor="signoff-verdict">{r('verdict')}</label>
        <select id="signoff-verdict" value={verdict} onChange={(e) => setVerdict(e.target.value as Verdict)}>
          {VERDICTS.map((v) => (
            <option key={v} value={v}>
              {VERDICT_LABELS[v][lang]}
            </option>
          ))}
        </select>
        <label htmlFor="signoff-opinion">{r('opinion')}</label>
        <textarea
          id="signoff-opinion"
          rows={5}
          value={opinion}
          maxLength={REVIEW_LIMITS.opinion}
          onChange={(e) => setOpinion(e.target.value)}
        />
        <div className="dialog-buttons">
          <button type="button" onClick={onClose}>
            {r('cancel')}
          </button>
          <button type="submit" disabled={busy || !reviewer}>
            {r('sign')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

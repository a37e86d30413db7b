import { VERDICT_LABELS } from '../../../shared/review/model';
import { useState } from 'react';
import { REVIEW_LIMITS, VERDICTS, type Verdict } from '../../../shared/review/model';
import type { CurrentDecision } from '../../editor/review/reviewIndex';
import { useReviewText, withOrganisation } from './reviewText';

/**
 * The verdict on one object or zone (同意 / 修改后同意 / 不同意, with a reason): the verdicts that
 * stand (the newest per organisation, flagged when the record changed since or when an
 * organisation's verdicts disagree), and a form to give a new one.
 */
export function DecisionEditor({
  label,
  current,
  onDecide,
}: {
  /** What the verdict is on, in words ("巴音沟承化寺 · 保护范围"). */
  label: string;
  current: readonly CurrentDecision[];
  onDecide(verdict: Verdict, reason: string): Promise<boolean>;
}) {
  const { lang, r } = useReviewText();
  const [verdict, setVerdict] = useState<Verdict>('approve');
  const [reason, setReason] = useState('');
  const name = `${r('decisionFor')}${label}`;

  return (
    <fieldset className="decision-editor" aria-label={name}>
      <legend>{name}</legend>
      {current.length === 0 ? (
        <p className="hint">{r('noVerdict')}</p>
      ) : (
        <ul className="verdicts">
          {current.map(({ decision, conflict, targetChanged }) => (
            <li key={decision.entryId} className={`verdict verdict-${decision.verdict}`}>
              <strong>{VERDICT_LABELS[decision.verdict][lang]}</strong>
              {' · '}
              {withOrganisation(decision.author.name, decision.author.organisation, lang)}
              {conflict && <span className="badge conflict">{r('conflict')}</span>}
              {targetChanged && <span className="badge changed">{r('targetChanged')}</span>}
              {decision.reason && <p className="comment-text">{decision.reason}</p>}
            </li>
          ))}
        </ul>
      )}
      <div className="decision-form">
        <select
          aria-label={`${r('verdict')} ${label}`}
          value={verdict}
          onChange={(e) => setVerdict(e.target.value as Verdict)}
        >
          {VERDICTS.map((v) => (
            <option key={v} value={v}>
              {VERDICT_LABELS[v][lang]}
            </option>
          ))}
        </select>
        <input
          aria-label={`${r('reason')} ${label}`}
          placeholder={r('reason')}
          value={reason}
          maxLength={REVIEW_LIMITS.reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <button
          type="button"
          aria-label={`${r('decide')} ${label}`}
          onClick={() => void onDecide(verdict, reason).then((ok) => ok && setReason(''))}
        >
          {r('decide')}
        </button>
      </div>
    </fieldset>
  );
}

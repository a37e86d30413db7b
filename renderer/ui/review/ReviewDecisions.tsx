import { VERDICT_LABELS } from '../../../shared/review/model';
import type { Verdict } from '../../../shared/review/model';
import type { Selection } from '../../editor/editorState';
import { targetKey } from '../../editor/review/reviewIndex';
import type { ProjectData } from '../hooks/useProjectData';
import { objectLabel, zoneLabel } from './anchorText';
import { DecisionEditor } from './DecisionEditor';
import { useReviewText, withOrganisation } from './reviewText';
import type { ReviewData } from './useReview';

/**
 * Verdicts: editors for the selected zone and its object, then every verdict given so far (what
 * the planner reads after merging a review).
 */
export function ReviewDecisions({
  data,
  review,
  selection,
  onDecide,
}: {
  data: ProjectData;
  review: ReviewData;
  selection: Selection;
  onDecide(kind: 'zone' | 'object', storeId: string, verdict: Verdict, reason: string): Promise<boolean>;
}) {
  const { lang, r } = useReviewText();
  const zoneId = selection.zoneIds[0] ?? null;
  const zone = zoneId ? data.zones.find((z) => z.id === zoneId) : undefined;
  const objectId = zone?.objectId ?? selection.objectId;
  const object = objectId ? data.objects.find((o) => o.id === objectId) : undefined;
  const { toDoc } = review.ids;
  const given = [...review.decisions.entries()].flatMap(([key, list]) => list.map((c) => ({ key, ...c })));
  const labelOf = (kind: 'zone' | 'object', docId: string) =>
    (kind === 'zone' ? zoneLabel(data, review.ids, docId, lang) : objectLabel(data, review.ids, docId)) ??
    r('detached');

  return (
    <section className="review-decisions" aria-label={r('decisions')}>
      <h3>{r('decisions')}</h3>
      {zone && (
        <DecisionEditor
          label={labelOf('zone', toDoc(zone.id))}
          current={review.decisions.get(targetKey('zone', toDoc(zone.id))) ?? []}
          onDecide={(verdict, reason) => onDecide('zone', zone.id, verdict, reason)}
        />
      )}
      {object && (
        <DecisionEditor
          label={object.attributes.name}
          current={review.decisions.get(targetKey('object', toDoc(object.id))) ?? []}
          onDecide={(verdict, reason) => onDecide('object', object.id, verdict, reason)}
        />
      )}
      {given.length > 0 && (
        <ul className="verdicts all-verdicts" aria-label={r('decisions')}>
          {given.map(({ key, decision, conflict, targetChanged }) => (
            <li key={`${key}/${decision.entryId}`}>
              {labelOf(decision.target.kind, decision.target.id)}
              {lang === 'zh' ? '：' : ': '}
              <strong>{VERDICT_LABELS[decision.verdict][lang]}</strong>
              {` · ${withOrganisation(decision.author.name, decision.author.organisation, lang)}`}
              {conflict && <span className="badge conflict">{r('conflict')}</span>}
              {targetChanged && <span className="badge changed">{r('targetChanged')}</span>}
              {decision.reason && <span className="comment-text"> — {decision.reason}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

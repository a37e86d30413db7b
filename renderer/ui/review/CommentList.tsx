import { COMMENT_STATUS_LABELS } from '../../../shared/review/model';
import { useMemo, useState } from 'react';
import { COMMENT_STATUSES, type CommentStatus } from '../../../shared/review/model';
import type { DocIds } from '../../editor/review/docIds';
import type { Thread } from '../../editor/review/reviewIndex';
import type { ProjectData } from '../hooks/useProjectData';
import { anchorObject, anchorText } from './anchorText';
import { useReviewText } from './reviewText';

const ALL = '';

/**
 * The threads, filtered by status, author and object; a click picks one (the panel zooms to it and
 * selects its zone). Text is shown as React text: whatever a file holds is never markup here.
 */
export function CommentList({
  data,
  ids,
  threads,
  selected,
  onPick,
}: {
  data: ProjectData;
  ids: DocIds;
  threads: readonly Thread[];
  selected: string | null;
  onPick(thread: Thread): void;
}) {
  const { lang, r } = useReviewText();
  const [status, setStatus] = useState<CommentStatus | ''>(ALL);
  const [author, setAuthor] = useState(ALL);
  const [object, setObject] = useState(ALL);
  const authors = useMemo(() => [...new Set(threads.flatMap((t) => t.authors))].sort(), [threads]);
  const objectOf = useMemo(
    () => new Map(threads.map((t) => [t.threadId, anchorObject(data, ids, t.anchor)])),
    [threads, data, ids],
  );
  const objects = useMemo(
    () => data.objects.filter((o) => [...objectOf.values()].includes(o.id)),
    [data.objects, objectOf],
  );
  const shown = threads.filter(
    (t) =>
      (!status || t.status === status) &&
      (!author || t.authors.includes(author)) &&
      (!object || objectOf.get(t.threadId) === object),
  );

  return (
    <div className="comment-list">
      <div className="comment-filters">
        <select
          aria-label={r('filterStatus')}
          value={status}
          onChange={(e) => setStatus(e.target.value as CommentStatus | '')}
        >
          <option value={ALL}>{r('all')}</option>
          {COMMENT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {COMMENT_STATUS_LABELS[s][lang]}
            </option>
          ))}
        </select>
        <select aria-label={r('filterAuthor')} value={author} onChange={(e) => setAuthor(e.target.value)}>
          <option value={ALL}>{r('all')}</option>
          {authors.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
        <select aria-label={r('filterObject')} value={object} onChange={(e) => setObject(e.target.value)}>
          <option value={ALL}>{r('all')}</option>
          {objects.map((o) => (
            <option key={o.id} value={o.id}>
              {o.attributes.name}
            </option>
          ))}
        </select>
      </div>
      {threads.length === 0 && <p className="hint">{r('noComments')}</p>}
      <ul aria-label={r('comments')}>
        {shown.map((t) => (
          <li
            key={t.threadId}
            className={`comment-item status-${t.status}`}
            aria-current={t.threadId === selected || undefined}
          >
            <button type="button" onClick={() => onPick(t)}>
              <span className="pin-number">{t.number}</span>
              <span className="comment-where">{anchorText(data, ids, t.anchor, lang)}</span>
              <span className="comment-excerpt">{t.root.text}</span>
              <span className="comment-meta">
                {t.root.author.name} · {COMMENT_STATUS_LABELS[t.status][lang]}
              </span>
              {t.conflict && <span className="badge conflict">{r('conflict')}</span>}
              {t.targetChanged && <span className="badge changed">{r('targetChanged')}</span>}
              {t.root.detachedFrom && <span className="badge changed">{r('detached')}</span>}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

import { SIGNOFF_STATE_LABELS, VERDICT_LABELS } from '../../../shared/review/model';
import { useEffect, useState } from 'react';
import { ZONE_TYPE_LABELS } from '../../../shared/domain/taxonomy';
import { signoffState } from '../../../shared/review/contentHash';
import type { Signoff, SignoffState, VersionHeader } from '../../../shared/review/model';
import { changesSince, type RecordChange } from '../../editor/review/changesSince';
import type { ProjectData } from '../hooks/useProjectData';
import { useWorkbench } from '../hooks/useWorkbench';
import { labelled, useReviewText, withOrganisation } from './reviewText';

type States = Map<string, { state: SignoffState; versionId?: string }>;

/**
 * The sign-offs and their state, derived each time the content hash changes: 有效 while the
 * content is what was signed, 已失效 once it changed (with "查看变化" against the version the
 * sign-off was bound to), 无法核对 when no known state has its hash, 无效 when the record itself
 * was altered. A sign-off is never re-dated or carried over to new content.
 */
export function SignoffStatus({
  data,
  signoffs,
  versions,
  contentHash,
}: {
  data: ProjectData;
  signoffs: readonly Signoff[];
  versions: readonly VersionHeader[];
  contentHash: string | null;
}) {
  const { lang, r } = useReviewText();
  const [states, setStates] = useState<States>(new Map());
  const [open, setOpen] = useState<string | null>(null);
  useEffect(() => {
    if (!contentHash) return;
    let live = true;
    void Promise.all(
      signoffs.map(async (s) => [s.entryId, await signoffState(s, contentHash, versions)] as const),
    ).then((list) => live && setStates(new Map(list)));
    return () => {
      live = false;
    };
  }, [signoffs, versions, contentHash]);

  if (signoffs.length === 0)
    return <p className="hint signoff-line">{labelled(r('signoffState'), r('notSigned'), lang)}</p>;
  const newest = [...signoffs].sort((a, b) => (a.signedAt < b.signedAt ? 1 : -1));
  return (
    <ul className="signoffs" aria-label={r('signoffState')}>
      {newest.map((s) => {
        const state = states.get(s.entryId);
        return (
          <li key={s.entryId} className="signoff-line">
            <span>
              {labelled(r('signoff'), withOrganisation(s.reviewer, s.organisation, lang), lang)}
              {` · ${new Date(s.signedAt).toLocaleDateString(lang === 'zh' ? 'zh-CN' : 'en-GB')} · ${VERDICT_LABELS[s.verdict][lang]}`}
            </span>{' '}
            <strong className={`signoff-state state-${state?.state ?? 'pending'}`} data-state={state?.state}>
              {state ? SIGNOFF_STATE_LABELS[state.state][lang] : '…'}
            </strong>
            {state?.state === 'superseded' && state.versionId && (
              <button
                type="button"
                onClick={() => setOpen(open === s.entryId ? null : s.entryId)}
                aria-expanded={open === s.entryId}
              >
                {r('showChanges')}
              </button>
            )}
            {s.opinion && <p className="comment-text">{s.opinion}</p>}
            {open === s.entryId && state?.versionId && (
              <ChangesSince data={data} versionId={state.versionId} />
            )}
          </li>
        );
      })}
    </ul>
  );
}

const CHANGE_LABELS: Record<RecordChange['change'], { zh: string; en: string }> = {
  added: { zh: '新增', en: 'added' },
  removed: { zh: '删除', en: 'removed' },
  geometry: { zh: '几何', en: 'geometry' },
  attributes: { zh: '属性', en: 'attributes' },
  'geometry+attributes': { zh: '几何和属性', en: 'geometry and attributes' },
};

/** The records that differ between the signed version and now (the full compare is D's dialog). */
function ChangesSince({ data, versionId }: { data: ProjectData; versionId: string }) {
  const { workbench } = useWorkbench();
  const { lang, r } = useReviewText();
  const [changes, setChanges] = useState<RecordChange[] | null>(null);
  useEffect(() => {
    let live = true;
    void workbench.store.read.versionState(data.project.id, versionId).then((before) => {
      if (live) setChanges(before ? changesSince(before, data) : []);
    });
    return () => {
      live = false;
    };
  }, [workbench, data, versionId]);
  if (!changes) return null;
  const name = (c: RecordChange) => {
    if (c.table === 'objects') return data.objects.find((o) => o.id === c.id)?.attributes.name ?? c.id;
    const zone = data.zones.find((z) => z.id === c.id);
    const object = data.objects.find((o) => o.id === zone?.objectId);
    return zone
      ? `${object?.attributes.name ?? ''} · ${ZONE_TYPE_LABELS[zone.attributes.zoneType][lang]}`
      : c.id;
  };
  const zones = changes.filter((c) => c.table === 'zones').length;
  return (
    <section className="changes-since" aria-label={r('changesSince')}>
      <p>
        {lang === 'zh'
          ? `区划 ${zones} 个、保护对象 ${changes.length - zones} 个有变化`
          : `${zones} zones and ${changes.length - zones} objects changed`}
      </p>
      <ul>
        {changes.map((c) => (
          <li key={`${c.table}:${c.id}`}>{labelled(name(c), CHANGE_LABELS[c.change][lang], lang)}</li>
        ))}
      </ul>
    </section>
  );
}

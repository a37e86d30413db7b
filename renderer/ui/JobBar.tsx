import { useEditorState } from './hooks/useEditorState';
import { useLang } from './hooks/useLang';

/** Progress of the running background job (import, export) with a cancel button. */
export function JobBar() {
  const { lang, t } = useLang();
  const job = useEditorState((s) => s.job);
  if (!job) return null;
  return (
    <div className="job" role="status">
      <span>{job.label[lang]}</span>
      <progress max={1} value={job.progress ?? undefined} aria-label={job.label[lang]} />
      <button type="button" onClick={() => job.cancel()} aria-label={t('cancelJob')}>
        {t('cancelJob')}
      </button>
    </div>
  );
}

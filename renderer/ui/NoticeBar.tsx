import { useEditorState } from './hooks/useEditorState';
import { useLang } from './hooks/useLang';
import { useWorkbench } from './hooks/useWorkbench';

/** The latest message: errors stay until dismissed, with each specific problem listed. */
export function NoticeBar() {
  const { workbench } = useWorkbench();
  const { lang, t } = useLang();
  const notice = useEditorState((s) => s.notice);
  if (!notice) return null;
  return (
    <div className={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      <div>
        <strong>{notice.text[lang]}</strong>
        {notice.details && notice.details.length > 0 && (
          <ul>
            {notice.details.map((d, i) => (
              <li key={i}>{d[lang]}</li>
            ))}
          </ul>
        )}
      </div>
      <button type="button" aria-label={t('dismiss')} onClick={() => workbench.dismissNotice()}>
        ×
      </button>
    </div>
  );
}

import { noticeLines } from '../editor/notices';
import { useEditorState } from './hooks/useEditorState';
import { useLang } from './hooks/useLang';
import { useWorkbench } from './hooks/useWorkbench';

/**
 * The latest message: errors stay until dismissed. A long problem list shows its count and first
 * lines; the rest opens on demand. A dialog passes `since` (its opening's notice mark) so that
 * only what happened while it is open shows inside it.
 */
export function NoticeBar({ since = 0 }: { since?: number }) {
  const { workbench } = useWorkbench();
  const { lang, t } = useLang();
  const notice = useEditorState((s) => s.notice);
  if (!notice || notice.id <= since) return null;
  const lines = noticeLines(notice.details);
  return (
    <div className={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      <div className="notice-body">
        <strong>{notice.text[lang]}</strong>
        {lines.count && <span className="notice-count"> — {lines.count[lang]}</span>}
        {lines.shown.length > 0 && (
          <ul>
            {lines.shown.map((d, i) => (
              <li key={i}>{d[lang]}</li>
            ))}
          </ul>
        )}
        {lines.more && (
          <details>
            <summary>{lines.more[lang]}</summary>
            <ul className="notice-more">
              {lines.folded.map((d, i) => (
                <li key={i}>{d[lang]}</li>
              ))}
            </ul>
          </details>
        )}
      </div>
      {notice.action && (
        <button
          type="button"
          className="notice-action"
          onClick={() => {
            workbench.dismissNotice();
            notice.action!.run();
          }}
        >
          {notice.action.label[lang]}
        </button>
      )}
      <button type="button" aria-label={t('dismiss')} onClick={() => workbench.dismissNotice()}>
        ×
      </button>
    </div>
  );
}

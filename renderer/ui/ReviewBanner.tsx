import { makeWorkingCopy } from '../editor/projectSession';
import { useEditorState } from './hooks/useEditorState';
import { useLang } from './hooks/useLang';
import { useWorkbench } from './hooks/useWorkbench';

/**
 * Shown while the open project is a read-only review copy: says so plainly and offers the one way
 * out, a working copy (a new, editable project; the review copy stays untouched).
 */
export function ReviewBanner() {
  const { workbench } = useWorkbench();
  const { t } = useLang();
  const readOnly = useEditorState((s) => s.readOnly);
  if (!readOnly) return null;
  return (
    <div className="banner review" role="region" aria-label={t('reviewBanner')} data-testid="review-banner">
      <strong>{t('reviewBanner')}</strong>
      <span>{t('reviewBannerHint')}</span>
      <button type="button" onClick={() => void makeWorkingCopy(workbench)}>
        {t('makeWorkingCopy')}
      </button>
    </div>
  );
}

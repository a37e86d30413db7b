import { useEditorState } from '../hooks/useEditorState';
import { useLang } from '../hooks/useLang';
import { setCompareOpen } from './compareOpen';
import { COMPARE_TEXT as T } from './compareText';

/** The entry point of 比较版本 / Compare versions: one button, for a toolbar or the review panel. */
export function CompareButton() {
  const { lang } = useLang();
  const projectId = useEditorState((s) => s.projectId);
  return (
    <button
      type="button"
      aria-label={T.compare[lang]}
      title={`${T.compare.zh} / ${T.compare.en}`}
      onClick={() => setCompareOpen(true)}
      disabled={!projectId}
    >
      {T.compareShort[lang]}
    </button>
  );
}

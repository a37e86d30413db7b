import { Icon } from '../Icon';
import { useEditorState } from '../hooks/useEditorState';
import { useLang } from '../hooks/useLang';
import { setFigureComposerOpen } from './figureOpen';
import { FIGURE_TEXT as T } from './figureText';

/** Toolbar button opening the figure composer (出图); the File menu opens the same dialog. */
export function FigureButton() {
  const { lang } = useLang();
  const projectId = useEditorState((s) => s.projectId);
  return (
    <button
      type="button"
      aria-label={T.figure[lang]}
      title={`${T.figure.zh} / ${T.figure.en}`}
      onClick={() => setFigureComposerOpen(true)}
      disabled={!projectId}
    >
      <Icon name="figure" />
    </button>
  );
}

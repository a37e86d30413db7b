import { discardKeptSketch, saveKeptSketch } from '../editor/keptSketch';
import { AssignZoneDialog } from './AssignZoneDialog';
import { useEditorState } from './hooks/useEditorState';
import { useLang } from './hooks/useLang';
import type { ProjectData } from './hooks/useProjectData';
import { useWorkbench } from './hooks/useWorkbench';

/**
 * A drawn outline not stored yet (editor/keptSketch.ts): says why, offers save and discard, and
 * hosts the dialog that assigns it to an object.
 */
export function KeptSketchBar({ data }: { data: ProjectData }) {
  const { workbench } = useWorkbench();
  const { t } = useLang();
  const sketch = useEditorState((s) => s.keptSketch);
  if (!sketch) return null;
  const invalid = sketch.problems.length > 0;
  return (
    <div role="region" aria-label={t('keptSketch')} className={`kept-sketch${invalid ? ' invalid' : ''}`}>
      <strong>{t('keptSketch')}</strong>
      <span>{invalid ? t('keptSketchInvalid') : t('keptSketchValid')}</span>
      <button type="button" disabled={invalid} onClick={() => void saveKeptSketch(workbench)}>
        {t('saveSketch')}
      </button>
      <button type="button" onClick={() => discardKeptSketch(workbench)}>
        {t('discardSketch')}
      </button>
      {sketch.assigning && !invalid && <AssignZoneDialog data={data} />}
    </div>
  );
}

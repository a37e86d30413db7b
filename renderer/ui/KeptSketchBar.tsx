import { discardKeptSketch, saveKeptSketch } from '../editor/keptSketch';
import { AssignZoneDialog } from './AssignZoneDialog';
import { useEditorState } from './hooks/useEditorState';
import { useLang } from './hooks/useLang';
import type { ProjectData } from './hooks/useProjectData';
import { useWorkbench } from './hooks/useWorkbench';
import type { ToolId } from '../editor/tools';

const SKETCH_TOOLS: readonly ToolId[] = ['drawPolygon', 'drawRectangle', 'drawCircle'];

/**
 * A drawn outline not stored yet (editor/keptSketch.ts): says why, offers save and discard, and
 * hosts the dialog that assigns it to an object.
 */
export function KeptSketchBar({ data }: { data: ProjectData }) {
  const { workbench } = useWorkbench();
  const { t } = useLang();
  const sketch = useEditorState((s) => s.keptSketch);
  const tool = useEditorState((s) => s.tool);
  if (!sketch) return null;
  // The draw tools show and edit the sketch; another tool leaves it waiting off the map.
  const shown = SKETCH_TOOLS.includes(tool);
  const invalid = sketch.problems.length > 0;
  return (
    <div role="region" aria-label={t('keptSketch')} className={`kept-sketch${invalid ? ' invalid' : ''}`}>
      <strong>{t('keptSketch')}</strong>
      <span>{invalid ? t('keptSketchInvalid') : t('keptSketchValid')}</span>
      {!shown && (
        <button type="button" onClick={() => workbench.setTool('drawPolygon')}>
          {t('showSketch')}
        </button>
      )}
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

import { setCoordinateUi, useCoordinateUi } from './coordinateUi';
import { useEditorState } from './hooks/useEditorState';
import { useLang } from './hooks/useLang';

/**
 * 坐标: the vertex table of the selected zone (a toggle), a new zone from typed coordinates and
 * jump to a coordinate. Creating is an edit, so a review copy does not offer it.
 */
export function CoordinateGroup() {
  const { lang } = useLang();
  const { tableOpen } = useCoordinateUi();
  const readOnly = useEditorState((s) => s.readOnly);
  const noProject = !useEditorState((s) => s.projectId);
  const label = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  return (
    <div role="group" aria-label={label('坐标', 'Coordinates')} className="toolbar-group">
      <button
        type="button"
        aria-pressed={tableOpen}
        disabled={noProject}
        aria-label={label('界址点坐标表', 'Vertex coordinates')}
        title={label('界址点坐标表', 'Vertex coordinates')}
        onClick={() => setCoordinateUi({ tableOpen: !tableOpen })}
      >
        {label('界址点坐标表', 'Vertex coordinates')}
      </button>
      <button
        type="button"
        disabled={noProject || readOnly}
        aria-label={label('按坐标新建区划', 'New zone from coordinates')}
        title={label('按坐标新建区划', 'New zone from coordinates')}
        onClick={() => setCoordinateUi({ dialog: 'create' })}
      >
        {label('按坐标新建区划', 'New zone from coordinates')}
      </button>
      <button
        type="button"
        disabled={noProject}
        aria-label={label('定位到坐标', 'Go to coordinate')}
        title={label('定位到坐标', 'Go to coordinate')}
        onClick={() => setCoordinateUi({ dialog: 'jump' })}
      >
        {label('定位到坐标', 'Go to coordinate')}
      </button>
    </div>
  );
}

import { useEffect, useRef } from 'react';
import type { Position } from '../../shared/domain/geometry';
import { createPlanMap, type PlanMap } from '../map/createPlanMap';
import { createBackgroundContext } from '../map/backgrounds/backgroundContext';
import { useEditorState } from './hooks/useEditorState';
import { useLang } from './hooks/useLang';
import { useProjectMirror } from './hooks/useMirror';
import { useRenderCount } from './hooks/useRenderCount';
import { useWorkbench } from './hooks/useWorkbench';

interface Props {
  projectId: string | null;
  onMap(map: PlanMap | null): void;
  /** Called on every pointer move over the map: a small store, never React state of the app. */
  onPointer(position: Position | null): void;
}

/**
 * Owns the OpenLayers map's lifetime. React hands it the open project's id (the map follows the
 * project's mirror itself, patching features by key) and the editor's tool and selection.
 */
export function MapView({ projectId, onMap, onPointer }: Props) {
  useRenderCount('MapView');
  const { workbench, platform } = useWorkbench();
  const { lang, t } = useLang();
  const element = useRef<HTMLDivElement>(null);
  const map = useRef<PlanMap | null>(null);
  const mirror = useProjectMirror(projectId);
  const tool = useEditorState((s) => s.tool);
  const snapping = useEditorState((s) => s.snapping);
  const selection = useEditorState((s) => s.selection.zoneIds);

  useEffect(() => {
    const planMap = createPlanMap({
      target: element.current!,
      workbench,
      onPointer,
      onReady: () => element.current?.setAttribute('data-ready', 'true'),
      backgroundContext: createBackgroundContext(workbench.store, platform),
    });
    map.current = planMap;
    onMap(planMap);
    return () => {
      // StrictMode mounts twice in development: the first map must let go of the element.
      planMap.destroy();
      map.current = null;
      onMap(null);
    };
  }, [workbench, platform, onMap, onPointer]);

  // Language first, so the zones are labelled once when the project is drawn.
  useEffect(() => map.current?.setLang(lang), [lang, workbench]);
  useEffect(() => map.current?.setProject(mirror), [mirror, onMap]);
  useEffect(() => map.current?.setTool(tool), [tool, snapping]);
  useEffect(() => map.current?.setSelection(selection), [selection, mirror]);

  return (
    <div
      ref={element}
      className="map"
      role="application"
      aria-label={t('appTitle')}
      data-testid="map"
      tabIndex={0}
    />
  );
}

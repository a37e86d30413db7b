import { useEffect, useRef } from 'react';
import type { Position } from '../../shared/domain/geometry';
import { createPlanMap, type PlanMap } from '../map/createPlanMap';
import { useEditorState } from './hooks/useEditorState';
import type { ProjectData } from './hooks/useProjectData';
import { useLang } from './hooks/useLang';
import { useWorkbench } from './hooks/useWorkbench';

interface Props {
  data: ProjectData | null | undefined;
  onMap(map: PlanMap | null): void;
  onPointer(position: Position | null): void;
}

/** Owns the OpenLayers map's lifetime and feeds it the store's data and the editor's state. */
export function MapView({ data, onMap, onPointer }: Props) {
  const { workbench } = useWorkbench();
  const { lang, t } = useLang();
  const element = useRef<HTMLDivElement>(null);
  const map = useRef<PlanMap | null>(null);
  const fitted = useRef<string | null>(null);
  const tool = useEditorState((s) => s.tool);
  const snapping = useEditorState((s) => s.snapping);
  const selection = useEditorState((s) => s.selection.zoneIds);

  useEffect(() => {
    const planMap = createPlanMap({
      target: element.current!,
      workbench,
      onPointer,
      onReady: () => element.current?.setAttribute('data-ready', 'true'),
    });
    map.current = planMap;
    onMap(planMap);
    return () => {
      // StrictMode mounts twice in development: the first map must let go of the element.
      planMap.destroy();
      map.current = null;
      fitted.current = null;
      onMap(null);
    };
  }, [workbench, onMap, onPointer]);

  useEffect(() => {
    if (!map.current || !data) return;
    map.current.setData(data.zones, data.objects, lang);
    if (fitted.current !== data.project.id) {
      fitted.current = data.project.id;
      map.current.zoomToData();
    }
  }, [data, lang]);

  useEffect(() => map.current?.setTool(tool), [tool, snapping]);
  useEffect(() => map.current?.setSelection(selection), [selection]);
  useEffect(() => {
    if (data)
      map.current?.setBasemap({
        url: data.project.settings.onlineBasemapUrl,
        enabled: data.project.settings.onlineBasemapEnabled,
      });
  }, [data]);

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

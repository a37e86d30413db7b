import { useState, type ReactNode } from 'react';
import type { Background, LayerListPrefs } from '../../../shared/domain/backgrounds';
import type { ListedLayer } from '../../map/layerStack';
import { ensureTileOrigins } from '../../editor/basemapAccess';
import type { ProjectData } from '../hooks/useProjectData';
import { useWorkbench } from '../hooks/useWorkbench';
import type { AddBackgroundItem } from './AddBackgroundMenu';
import { AddTileServiceDialog, type TileServiceMode } from './AddTileServiceDialog';
import { addTileServices, projectTileOrigins } from './addTileServices';

interface Inputs {
  data: ProjectData;
  backgrounds: readonly Background[];
  listed: ListedLayer[];
  order: string[];
  prefs: LayerListPrefs | null;
}

/** The layers panel's tile-service entries of "Add background" and the dialog they open. */
export function useTileServiceDialog({ data, backgrounds, listed, order, prefs }: Inputs): {
  items: AddBackgroundItem[];
  dialog: ReactNode;
} {
  const { workbench, platform } = useWorkbench();
  const [mode, setMode] = useState<TileServiceMode | null>(null);
  const known = () => projectTileOrigins(backgrounds, data.project.settings);
  const allow = (origins: string[]) =>
    ensureTileOrigins(workbench, platform, [...new Set([...known(), ...origins])]);
  const items: AddBackgroundItem[] = [
    {
      id: 'tiles',
      label: { zh: '瓦片服务（XYZ / TMS / WMTS）…', en: 'Tile service (XYZ / TMS / WMTS)…' },
      run: () => setMode('template'),
    },
    { id: 'tianditu', label: { zh: '天地图…', en: 'Tianditu…' }, run: () => setMode('tianditu') },
    { id: 'wmts', label: { zh: '一张图 WMTS…', en: '一张图 WMTS service…' }, run: () => setMode('wmts') },
  ];
  const dialog = (
    <AddTileServiceDialog
      mode={mode}
      onClose={() => setMode(null)}
      allowOrigins={allow}
      onAdd={async (services) => {
        if (!prefs) return;
        const added = await addTileServices(services, {
          store: workbench.store,
          projectId: data.project.id,
          listed,
          order,
          prefs,
        });
        workbench.notify('info', {
          zh: `已添加 ${added.map((b) => b.name).join('、')}`,
          en: `Added ${added.map((b) => b.name).join(', ')}`,
        });
        await allow(services.flatMap((s) => s.origins));
      }}
    />
  );
  return { items, dialog };
}

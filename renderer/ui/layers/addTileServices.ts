import type { Background, LayerListPrefs } from '../../../shared/domain/backgrounds';
import type { ProjectSettings } from '../../../shared/domain/schema';
import { checkTileTemplate } from '../../../shared/tiles/tileTemplate';
import { orderWithNew, type ListedLayer } from '../../map/layerStack';
import type { Store } from '../../storage/store';
import type { NewTileService } from './tileServiceForm';

export interface AddTileDeps {
  store: Pick<Store, 'backgrounds' | 'layerList'>;
  projectId: string;
  listed: ListedLayer[];
  order: string[];
  prefs: LayerListPrefs;
}

/** Store new tile services as backgrounds, each placed above the other backgrounds. */
export async function addTileServices(services: NewTileService[], deps: AddTileDeps): Promise<Background[]> {
  let { listed, order } = deps;
  const added: Background[] = [];
  // The base map first, its labels above it.
  for (const service of services) {
    const background: Background = {
      id: crypto.randomUUID(),
      projectId: deps.projectId,
      name: service.name,
      source: service.source,
      createdAt: new Date().toISOString(),
    };
    await deps.store.backgrounds.add(background);
    listed = [...listed, { id: background.id, group: 'background' }];
    order = orderWithNew(order, listed, background.id);
    added.push(background);
  }
  await deps.store.layerList.set(deps.projectId, { ...deps.prefs, order });
  return added;
}

/**
 * The origins a project's tile services and online basemap need in the page's policy, as far as
 * their stored templates say (a WMTS service read from capabilities by the address of its
 * capabilities and the tile origins it named when the service was added).
 */
export function projectTileOrigins(backgrounds: readonly Background[], settings: ProjectSettings): string[] {
  const templates: string[] = [];
  for (const { source } of backgrounds) {
    if (source.kind === 'xyz') templates.push(source.template);
    if (source.kind === 'wmts') {
      templates.push(source.template ?? source.capabilitiesUrl ?? '');
      // Each checked as an address of its own: https, or http on this machine, never a wildcard.
      for (const origin of source.tileOrigins ?? []) templates.push(`${origin}/`);
    }
  }
  if (settings.onlineBasemapEnabled && settings.onlineBasemapUrl) templates.push(settings.onlineBasemapUrl);
  const origins = templates.flatMap((t) => {
    const check = checkTileTemplate(t, { requireTiles: false });
    return check.ok ? check.value.origins : [];
  });
  return [...new Set(origins)];
}

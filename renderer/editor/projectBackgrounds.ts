import type { LayerListPrefs } from '../../shared/domain/backgrounds';
import type { FileBackground, ProjectFileBackgrounds } from '../../shared/formats/projectFileBackgrounds';
import type { Store } from '../storage/store';

/** The project's backgrounds and layer settings as a project file keeps them (descriptions only). */
export async function backgroundsForFile(
  store: Store,
  projectId: string,
): Promise<Omit<ProjectFileBackgrounds, 'skipped'>> {
  const [list, layers] = await Promise.all([
    store.backgrounds.list(projectId),
    store.layerList.get(projectId),
  ]);
  return { list: list.map(({ projectId: _p, ...background }) => background), layers };
}

/** Settings keyed by layer id, with the ids renamed (ids of other layers kept as they are). */
function renamed(prefs: LayerListPrefs, ids: ReadonlyMap<string, string>): LayerListPrefs {
  const key = (id: string) => ids.get(id) ?? id;
  const rekey = <T>(record: Record<string, T>) =>
    Object.fromEntries(Object.entries(record).map(([id, value]) => [key(id), value]));
  return {
    ...prefs,
    order: prefs.order.map(key),
    visible: rekey(prefs.visible),
    opacity: rekey(prefs.opacity),
  };
}

/**
 * Give a project the backgrounds of a file (or of the project it is a copy of). Each gets a new id,
 * since the same file may be opened twice. Without `accessOf` they have no access here and show
 * as missing until their file is located; a working copy passes its original's access along.
 */
export async function restoreBackgrounds(
  store: Store,
  projectId: string,
  from: Omit<ProjectFileBackgrounds, 'skipped'>,
  accessOf?: (background: FileBackground) => ReturnType<Store['backgrounds']['access']>,
): Promise<void> {
  const ids = new Map<string, string>();
  for (const background of from.list) {
    const id = crypto.randomUUID();
    ids.set(background.id, id);
    const access = (await accessOf?.(background)) ?? undefined;
    await store.backgrounds.add({ ...background, id, projectId }, access);
  }
  if (from.layers) await store.layerList.set(projectId, renamed(from.layers, ids));
}

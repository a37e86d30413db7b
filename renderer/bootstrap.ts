import type { Bilingual, Lang } from '../shared/domain/labels';
import { buildTekesSample, buildWusuSample } from '../shared/sample/buildSample';
import { createAndShowProject, showProject } from './editor/projectSession';
import { Workbench } from './editor/workbench';
import type { BackgroundAccess } from './platform/backgroundFiles';
import type { Platform } from './platform/platform';
import { openStore, requestPersistentStorage } from './storage/store';

const LAST_PROJECT = 'lastProject';

/** Language: `?lang=en` wins, then the last choice, then Chinese. */
export function initialLanguage(): Lang {
  const fromUrl = new URLSearchParams(location.search).get('lang');
  if (fromUrl === 'en' || fromUrl === 'zh') return fromUrl;
  try {
    return localStorage.getItem('hzw:lang') === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

/**
 * Open the store and the project to show: the last one used, else the first stored, else — on
 * a first start — the illustrative samples (Wusu opens; Tekes is in the project list).
 * `onBlocked`: opening upgrades the database and waits for older windows to close.
 */
export async function startWorkbench(
  lang: Lang,
  onBlocked?: (message: Bilingual) => void,
  platform?: Pick<Platform, 'forgetBackground'>,
): Promise<{ workbench: Workbench; persistent: Promise<boolean> }> {
  const forgetAccess = platform && ((access: BackgroundAccess) => platform.forgetBackground(access));
  const store = await openStore({ session: 'window', onBlocked, forgetAccess });
  const persistent = requestPersistentStorage().catch(() => false);
  const workbench = new Workbench(store, lang);
  // Two windows starting at once must not both create the samples.
  await navigator.locks.request('hzw:first-start', async () => {
    const projects = await store.read.projects();
    const last = await store.readPreference(LAST_PROJECT);
    const existing = projects.find((p) => p.id === last) ?? projects[0];
    if (existing) showProject(workbench, existing.id);
    else {
      await createAndShowProject(workbench, buildTekesSample());
      await createAndShowProject(workbench, buildWusuSample());
    }
  });
  let remembered = workbench.state.get().projectId;
  if (remembered) await store.writePreference(LAST_PROJECT, remembered);
  workbench.state.subscribe(() => {
    const id = workbench.state.get().projectId;
    if (id && id !== remembered) {
      remembered = id;
      void store.writePreference(LAST_PROJECT, id);
    }
  });
  return { workbench, persistent };
}

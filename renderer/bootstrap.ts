import type { Lang } from '../shared/domain/labels';
import { buildTekesSample, buildWusuSample } from '../shared/sample/buildSample';
import { createAndShowProject, showProject } from './editor/projectSession';
import { Workbench } from './editor/workbench';
import { openStore, requestPersistentStorage } from './storage/store';

const LAST_PROJECT = 'hzw:lastProject';

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

export function rememberProject(projectId: string): void {
  try {
    localStorage.setItem(LAST_PROJECT, projectId);
  } catch {
    // Without localStorage the first project opens next time; nothing is lost.
  }
}

/**
 * Open the store and the project to show: the last one used, else the first stored, else — on
 * a first start — the illustrative samples (Wusu opens; Tekes is in the project list).
 */
export async function startWorkbench(
  lang: Lang,
): Promise<{ workbench: Workbench; persistent: Promise<boolean> }> {
  const store = await openStore();
  const persistent = requestPersistentStorage().catch(() => false);
  const workbench = new Workbench(store, lang);
  // Two windows starting at once must not both create the samples.
  await navigator.locks.request('hzw:first-start', async () => {
    const projects = await store.read.projects();
    let last: string | null = null;
    try {
      last = localStorage.getItem(LAST_PROJECT);
    } catch {
      last = null;
    }
    const existing = projects.find((p) => p.id === last) ?? projects[0];
    if (existing) showProject(workbench, existing.id);
    else {
      await createAndShowProject(workbench, buildTekesSample());
      await createAndShowProject(workbench, buildWusuSample());
    }
  });
  workbench.state.subscribe(() => {
    const id = workbench.state.get().projectId;
    if (id) rememberProject(id);
  });
  return { workbench, persistent };
}

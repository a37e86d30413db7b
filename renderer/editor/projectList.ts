import type { Bilingual, Lang } from '../../shared/domain/labels';
import { compareNames } from '../../shared/domain/collation';
import type { Project } from '../../shared/domain/schema';
import { updateProjectSettings } from './commands/projectCommands';
import { newProject, showProject } from './projectSession';
import type { Workbench } from './workbench';

/** A stored project as the project list shows it. */
export interface ProjectEntry {
  project: Project;
  /** A read-only review copy of a received file. */
  review: boolean;
}

export const REVIEW_COPY: Bilingual = { zh: '审阅副本', en: 'review copy' };

function openedAt(iso: string, lang: Lang): string {
  const date = new Date(iso);
  return date.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}

/**
 * The project list's labels, sorted by name: a review copy says so, and projects sharing a name
 * are told apart by when they were opened or created.
 */
export function projectLabels(entries: readonly ProjectEntry[], lang: Lang): { id: string; label: string }[] {
  const counts = new Map<string, number>();
  for (const e of entries)
    counts.set(e.project.settings.name, (counts.get(e.project.settings.name) ?? 0) + 1);
  return [...entries]
    .sort(
      (a, b) =>
        compareNames(a.project.settings.name, b.project.settings.name) ||
        a.project.createdAt.localeCompare(b.project.createdAt),
    )
    .map(({ project, review }) => {
      const notes: string[] = [];
      if (review) notes.push(REVIEW_COPY[lang]);
      if ((counts.get(project.settings.name) ?? 0) > 1) {
        const when = openedAt(project.createdAt, lang);
        notes.push(lang === 'zh' ? `${when} 打开` : `opened ${when}`);
      }
      const name = project.settings.name;
      const label =
        notes.length === 0
          ? name
          : lang === 'zh'
            ? `${name}（${notes.join('，')}）`
            : `${name} (${notes.join(', ')})`;
      return { id: project.id, label };
    });
}

/** Rename the open project: one undo step through the write door (a review copy refuses it). */
export async function renameProject(workbench: Workbench, name: string): Promise<boolean> {
  return (await workbench.run(updateProjectSettings(workbench.projectId, { name: name.trim() }))) !== null;
}

/**
 * Delete a project, undo-safe: it goes to the trash (storage/projectTrash.ts); the window moves to
 * another project (a new one if none is left) and the notice offers "undo delete".
 */
export async function deleteProject(workbench: Workbench, projectId: string, name: string): Promise<void> {
  try {
    await workbench.store.trashProject(projectId);
    if (workbench.state.get().projectId === projectId) {
      const rest = await workbench.store.read.projects();
      if (rest[0]) showProject(workbench, rest[0].id);
      else await newProject(workbench);
    }
  } catch (error) {
    workbench.reportError(error);
    return;
  }
  workbench.notify('info', { zh: `已删除项目“${name}”`, en: `Deleted the project "${name}"` }, undefined, {
    label: { zh: '撤销删除', en: 'Undo delete' },
    run: () =>
      void workbench.store.restoreProject(projectId).then(
        () => {
          showProject(workbench, projectId);
          workbench.notify('info', { zh: `已恢复项目“${name}”`, en: `Restored the project "${name}"` });
        },
        (error: unknown) => workbench.reportError(error),
      ),
  });
}

import { useState } from 'react';
import { projectLabels, REVIEW_COPY, type ProjectEntry } from '../editor/projectList';
import { showProject } from '../editor/projectSession';
import { useEditorState } from './hooks/useEditorState';
import { useLang } from './hooks/useLang';
import { useLive } from './hooks/useLive';
import { useWorkbench } from './hooks/useWorkbench';
import { DeleteProjectDialog, RenameProjectDialog } from './ProjectPickerDialogs';

/**
 * Switch between the projects stored in this workbench; rename or delete the open one. A review
 * copy is marked as such, and projects of the same name are told apart by when they were opened.
 */
export function ProjectPicker() {
  const { workbench } = useWorkbench();
  const { lang, t } = useLang();
  const projectId = useEditorState((s) => s.projectId);
  const readOnly = useEditorState((s) => s.readOnly);
  const [dialog, setDialog] = useState<'rename' | 'delete' | null>(null);
  const entries = useLive(async (q): Promise<ProjectEntry[]> => {
    const projects = await q.projects();
    const review = await Promise.all(projects.map((p) => q.readOnly(p.id)));
    return projects.map((project, i) => ({ project, review: review[i]! }));
  }, []);
  if (!entries) return null;
  const current = entries.find((e) => e.project.id === projectId);
  return (
    <div className="project-picker-group">
      <select
        className="project-picker"
        aria-label={t('currentProject')}
        value={projectId ?? ''}
        onChange={(e) => showProject(workbench, e.target.value)}
      >
        {projectLabels(entries, lang).map((p) => (
          <option key={p.id} value={p.id}>
            {p.label}
          </option>
        ))}
      </select>
      {current?.review && <span className="badge review-copy">{REVIEW_COPY[lang]}</span>}
      <button
        type="button"
        onClick={() => setDialog('rename')}
        disabled={!current || readOnly}
        title={readOnly ? t('reviewCopyCannotRename') : t('renameProject')}
      >
        {t('renameProject')}
      </button>
      <button type="button" onClick={() => setDialog('delete')} disabled={!current}>
        {t('deleteProject')}
      </button>
      {current && (
        <>
          <RenameProjectDialog
            open={dialog === 'rename'}
            project={current.project}
            onClose={() => setDialog(null)}
          />
          <DeleteProjectDialog open={dialog === 'delete'} entry={current} onClose={() => setDialog(null)} />
        </>
      )}
    </div>
  );
}

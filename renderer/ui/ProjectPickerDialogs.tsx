import { useState } from 'react';
import type { Project } from '../../shared/domain/schema';
import { deleteProject, renameProject, REVIEW_COPY, type ProjectEntry } from '../editor/projectList';
import { useLang } from './hooks/useLang';
import { useLive } from './hooks/useLive';
import { useModalDialog } from './hooks/useModalDialog';
import { useWorkbench } from './hooks/useWorkbench';

interface DialogProps {
  open: boolean;
  onClose(): void;
}

/** Rename the open project: the new name is one undo step. */
export function RenameProjectDialog({ open, project, onClose }: DialogProps & { project: Project }) {
  const { t } = useLang();
  const dialog = useModalDialog(open);
  return (
    <dialog ref={dialog} onClose={onClose} aria-labelledby="rename-project-title" className="modal">
      <h2 id="rename-project-title">{t('renameProject')}</h2>
      {open && <RenameForm key={project.id} project={project} onClose={onClose} />}
    </dialog>
  );
}

function RenameForm({ project, onClose }: { project: Project; onClose(): void }) {
  const { workbench } = useWorkbench();
  const { t } = useLang();
  const [name, setName] = useState(project.settings.name);
  const submit = async () => {
    if (name.trim() === project.settings.name) return onClose();
    if (await renameProject(workbench, name)) onClose();
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label htmlFor="rename-project-name">{t('newProjectName')}</label>{' '}
      <input
        id="rename-project-name"
        value={name}
        maxLength={200}
        onChange={(e) => setName(e.target.value)}
      />
      <div className="dialog-buttons">
        <button type="button" onClick={onClose}>
          {t('cancel')}
        </button>
        <button type="submit" className="primary" disabled={name.trim() === ''}>
          {t('rename')}
        </button>
      </div>
    </form>
  );
}

/** Confirm deleting the open project, saying what goes; the deletion can be undone from its notice. */
export function DeleteProjectDialog({ open, entry, onClose }: DialogProps & { entry: ProjectEntry }) {
  const { t } = useLang();
  const dialog = useModalDialog(open);
  return (
    <dialog ref={dialog} onClose={onClose} aria-labelledby="delete-project-title" className="modal">
      <h2 id="delete-project-title">{t('deleteProject')}</h2>
      {open && <DeleteConfirm entry={entry} onClose={onClose} />}
    </dialog>
  );
}

function DeleteConfirm({ entry, onClose }: { entry: ProjectEntry; onClose(): void }) {
  const { workbench } = useWorkbench();
  const { lang, t } = useLang();
  const { project, review } = entry;
  const counts = useLive(
    async (q) => ({
      objects: (await q.objectsOfProject(project.id)).length,
      zones: (await q.zonesOfProject(project.id)).length,
    }),
    [project.id],
  );
  const name = project.settings.name;
  const copy = review ? (lang === 'zh' ? `（${REVIEW_COPY.zh}）` : ` (${REVIEW_COPY.en})`) : '';
  return (
    <>
      {counts && (
        <p>
          {lang === 'zh'
            ? `将删除项目“${name}”${copy}及其 ${counts.objects} 个保护对象、${counts.zones} 个区划。删除后可在提示栏中“撤销删除”。`
            : `This deletes the project "${name}"${copy} with its ${counts.objects} protected objects and ${counts.zones} zones. You can undo this from the message bar.`}
        </p>
      )}
      <div className="dialog-buttons">
        <button type="button" onClick={onClose}>
          {t('cancel')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={!counts}
          onClick={() => {
            onClose();
            void deleteProject(workbench, project.id, name);
          }}
        >
          {t('delete')}
        </button>
      </div>
    </>
  );
}

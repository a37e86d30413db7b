import { showProject } from '../editor/projectSession';
import { useEditorState } from './hooks/useEditorState';
import { useLang } from './hooks/useLang';
import { useLive } from './hooks/useLive';
import { useWorkbench } from './hooks/useWorkbench';

/** Switch between the projects stored in this workbench. */
export function ProjectPicker() {
  const { workbench } = useWorkbench();
  const { lang } = useLang();
  const projectId = useEditorState((s) => s.projectId);
  const projects = useLive((q) => q.projects(), []);
  if (!projects) return null;
  return (
    <select
      className="project-picker"
      aria-label={lang === 'zh' ? '当前项目' : 'Current project'}
      value={projectId ?? ''}
      onChange={(e) => showProject(workbench, e.target.value)}
    >
      {projects
        .slice()
        .sort((a, b) => a.settings.name.localeCompare(b.settings.name, 'zh-CN'))
        .map((p) => (
          <option key={p.id} value={p.id}>
            {p.settings.name}
          </option>
        ))}
    </select>
  );
}

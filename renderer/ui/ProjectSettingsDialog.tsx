import { ProjectSettingsSchema } from '../../shared/domain/schema';
import { ensureBasemapAccess } from '../editor/basemapAccess';
import { updateProjectSettings } from '../editor/commands/projectCommands';
import { SchemaForm } from './form/SchemaForm';
import { Modal } from './Modal';
import { useEditorState } from './hooks/useEditorState';
import { useLang } from './hooks/useLang';
import type { ProjectData } from './hooks/useProjectData';
import { useWorkbench } from './hooks/useWorkbench';

/** Project name, administrative code and Gauss-Krüger zone; each change is one undo step. */
export function ProjectSettingsDialog({
  open,
  onClose,
  data,
}: {
  open: boolean;
  onClose(): void;
  data: ProjectData;
}) {
  const { workbench, platform } = useWorkbench();
  const { lang, t } = useLang();
  const readOnly = useEditorState((s) => s.readOnly);
  return (
    <Modal id="project-settings" open={open} onClose={onClose} title={t('projectSettings')}>
      <SchemaForm
        idPrefix="project"
        schema={ProjectSettingsSchema}
        value={data.project.settings}
        lang={lang}
        readOnly={readOnly}
        onCommit={async (patch) => {
          const committed = await workbench.run(updateProjectSettings(data.project.id, patch));
          const settings = committed?.changes.find((c) => c.table === 'projects')?.after;
          if (settings && ('onlineBasemapUrl' in patch || 'onlineBasemapEnabled' in patch)) {
            await ensureBasemapAccess(workbench, platform, (settings as typeof data.project).settings);
          }
        }}
      />
      <p className="hint">
        {lang === 'zh'
          ? '在线底图默认关闭；启用后仅从所填 https 地址加载瓦片（桌面版会把该地址加入内容安全策略）。'
          : 'The online basemap is off by default; when enabled, tiles load only from the https address given (the desktop app adds it to its content security policy).'}
      </p>
    </Modal>
  );
}

import { AreaStatisticsDialog } from './AreaStatisticsDialog';
import { setAreaStatisticsOpen, useAreaStatisticsOpen } from './analysisRequests';
import { Icon } from './Icon';
import { useEditorState } from './hooks/useEditorState';
import { useLang } from './hooks/useLang';
import { useProjectData } from './hooks/useProjectData';

/** Toolbar button opening 面积统计 / Area statistics (the Tools menu opens the same dialog). */
export function AreaStatisticsButton() {
  const { t } = useLang();
  const projectId = useEditorState((s) => s.projectId);
  return (
    <button
      type="button"
      aria-label={t('areaStatistics')}
      title={t('areaStatistics')}
      onClick={() => setAreaStatisticsOpen(true)}
      disabled={!projectId}
    >
      <Icon name="areaStatistics" />
    </button>
  );
}

/** The dialog itself, mounted once in the app; it reads the project only while open. */
export function AreaStatisticsHost() {
  const open = useAreaStatisticsOpen();
  const projectId = useEditorState((s) => s.projectId);
  return open && projectId ? <OpenDialog projectId={projectId} /> : null;
}

function OpenDialog({ projectId }: { projectId: string }) {
  const data = useProjectData(projectId);
  return data ? <AreaStatisticsDialog open onClose={() => setAreaStatisticsOpen(false)} data={data} /> : null;
}

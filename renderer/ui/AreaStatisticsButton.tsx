import { useState } from 'react';
import { AreaStatisticsDialog } from './AreaStatisticsDialog';
import { Icon } from './Icon';
import { useEditorState } from './hooks/useEditorState';
import { useLang } from './hooks/useLang';
import { useProjectData } from './hooks/useProjectData';

/** Toolbar button opening 面积统计 / Area statistics; reads the project only while open. */
export function AreaStatisticsButton() {
  const { t } = useLang();
  const projectId = useEditorState((s) => s.projectId);
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        aria-label={t('areaStatistics')}
        title={t('areaStatistics')}
        onClick={() => setOpen(true)}
        disabled={!projectId}
      >
        <Icon name="areaStatistics" />
      </button>
      {open && projectId && <OpenDialog projectId={projectId} onClose={() => setOpen(false)} />}
    </>
  );
}

function OpenDialog({ projectId, onClose }: { projectId: string; onClose(): void }) {
  const data = useProjectData(projectId);
  return data ? <AreaStatisticsDialog open onClose={onClose} data={data} /> : null;
}

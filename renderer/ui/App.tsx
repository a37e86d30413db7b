import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { isMenuCommand } from '../../shared/ipc/menuCommands';
import { openProjectFile } from '../editor/projectSession';
import { importFiles } from '../editor/transfer';
import type { PlanMap } from '../map/createPlanMap';
import { AboutDialog } from './AboutDialog';
import { AreaStatisticsHost } from './AreaStatisticsButton';
import { FigureComposerHost } from './figures/FigureComposer';
import { CompareHost } from './review/CompareDialog';
import { DeriveDialog } from './DeriveDialog';
import { MENU_ACTIONS } from './appActions';
import { AttributePanel } from './AttributePanel';
import { AttributeTableDock } from './AttributeTable';
import { ChecksPanelDock } from './ChecksPanelDock';
import { CoordinateHost } from './CoordinateHost';
import { ExportDialog } from './ExportDialog';
import { ImportDialog } from './ImportDialog';
import { JobBar } from './JobBar';
import { KeptSketchBar } from './KeptSketchBar';
import { MapView } from './MapView';
import { NewObjectDialog } from './NewObjectDialog';
import { NoticeBar } from './NoticeBar';
import { ObjectTree } from './ObjectTree';
import { ProjectPicker } from './ProjectPicker';
import { ProjectSettingsDialog } from './ProjectSettingsDialog';
import { ReloadBanner } from './ReloadBanner';
import { ReviewBanner } from './ReviewBanner';
import { ReviewPanel } from './review/ReviewPanel';
import { ReviewReportButtons } from './review/ReportButtons';
import { StatusBar } from './StatusBar';
import { Toolbar } from './Toolbar';
import { useEditorState } from './hooks/useEditorState';
import { useLang } from './hooks/useLang';
import { useLive } from './hooks/useLive';
import { usePointerStore } from './hooks/usePointer';
import { useProjectData } from './hooks/useProjectData';
import { useRenderCount } from './hooks/useRenderCount';
import { useWorkbench } from './hooks/useWorkbench';
import { useAppActions } from './useAppActions';
import { useKeyboard } from './useKeyboard';
import { WindowStateSync } from './WindowStateSync';
import { VersionsPanel } from './review/VersionsPanel';

type DialogName = 'newObject' | 'settings' | 'export' | 'about' | null;

/** The workbench window: toolbar, object tree, map, attribute panel, status bar. */
export function App({ persistent }: { persistent: boolean | null }) {
  useRenderCount('App');
  const { workbench, platform } = useWorkbench();
  const { lang, t } = useLang();
  const projectId = useEditorState((s) => s.projectId);
  const data = useProjectData(projectId);
  // What the window shows is what its edits start from (the write door compares, editor/windowView.ts).
  useEffect(() => workbench.view.show(data ?? null), [workbench, data]);
  const map = useRef<PlanMap | null>(null);
  const [dialog, setDialog] = useState<DialogName>(null);
  const pointer = usePointerStore();
  const dialogs = useMemo(
    () => ({
      openSettings: () => setDialog('settings'),
      openExport: () => setDialog('export'),
      openAbout: () => setDialog('about'),
    }),
    [],
  );
  const actions = useAppActions(map, dialogs);
  const closeDialog = useCallback(() => setDialog(null), []);
  const onMap = useCallback((planMap: PlanMap | null) => {
    map.current = planMap;
    // The benchmarks drive the map through this handle (they set window.__hzwBench first).
    const bench = (globalThis as { __hzwBench?: { map?: PlanMap | null } }).__hzwBench;
    if (bench) bench.map = planMap;
  }, []);

  useKeyboard(map, actions);
  // One live query of the undo/redo state serves the toolbar and the native menu: in a review copy
  // the review stack (comments, verdicts), the only one a reviewer fills.
  const readOnly = useEditorState((s) => s.readOnly);
  const stack = readOnly ? 'review' : 'edit';
  const history = useLive(
    (q) => (projectId ? q.history(projectId, stack) : Promise.resolve(null)),
    [projectId, stack],
  );
  useEffect(
    () => platform.onMenuCommand((command) => isMenuCommand(command) && MENU_ACTIONS[command](actions)),
    [platform, actions],
  );
  useEffect(
    // Files the OS hands over: a project opens (keeping its handle; another installation's file
    // opens as a review copy), any other data set goes through the import preview.
    () =>
      platform.onOpenFile((file) =>
        file.name.toLowerCase().endsWith('.hzw')
          ? void openProjectFile(workbench, file)
          : void importFiles(workbench, [file]),
      ),
    [platform, workbench],
  );

  const onDrop = async (event: DragEvent) => {
    event.preventDefault();
    // Like the disabled Import button: a review copy takes no imported zones.
    if (workbench.state.get().readOnly) {
      workbench.notify('error', {
        zh: '审阅副本为只读，不能导入；请先“制作工作副本”',
        en: 'A review copy is read-only and takes no imports; make a working copy first',
      });
      return;
    }
    const files = await Promise.all(
      [...event.dataTransfer.files].map(async (f) => ({
        name: f.name,
        bytes: new Uint8Array(await f.arrayBuffer()),
      })),
    );
    await importFiles(workbench, files);
  };

  return (
    <div className="app" onDragOver={(e) => e.preventDefault()} onDrop={(e) => void onDrop(e)}>
      <header className="title-bar">
        <h1>{t('appTitle')}</h1>
        <ProjectPicker />
        {data && <VersionsPanel projectId={data.project.id} />}
      </header>
      <WindowStateSync projectName={data?.project.settings.name ?? null} history={history} />
      <Toolbar actions={actions} history={history} />
      <ReloadBanner />
      <ReviewBanner />
      {data?.project.settings.illustrative && (
        <div className="banner illustrative" role="note">
          {t('illustrative')}
        </div>
      )}
      <NoticeBar />
      <JobBar />
      {data && <KeptSketchBar data={data} />}
      <main className="workspace">
        {data ? (
          <ObjectTree
            data={data}
            onNewObject={() => setDialog('newObject')}
            onZoomTo={(ids) => map.current?.zoomToZones(ids)}
          />
        ) : (
          <div className="panel tree" />
        )}
        <MapView projectId={projectId} onMap={onMap} onPointer={pointer.set} />
        <div className="side-column">
          {data ? <AttributePanel data={data} /> : <div className="panel attributes" />}
          {data && <CoordinateHost data={data} map={map} />}
          {data && <ChecksPanelDock data={data} map={map} />}
          {data && <ReviewPanel data={data} map={map} extraActions={<ReviewReportButtons data={data} />} />}
        </div>
      </main>
      {data && <AttributeTableDock data={data} map={map} />}
      <StatusBar
        pointer={pointer}
        gkZone={data?.project.settings.gkZone ?? 28}
        persistent={persistent}
        mode={platform.kind}
      />
      <NewObjectDialog open={dialog === 'newObject'} onClose={closeDialog} />
      {data && <ProjectSettingsDialog open={dialog === 'settings'} onClose={closeDialog} data={data} />}
      {data && <ExportDialog open={dialog === 'export'} onClose={closeDialog} data={data} />}
      <AboutDialog open={dialog === 'about'} onClose={closeDialog} />
      {data && <DeriveDialog data={data} />}
      <AreaStatisticsHost />
      <FigureComposerHost map={map} />
      {data && <CompareHost data={data} map={map} />}
      <ImportDialog />
      <span hidden data-lang={lang} />
    </div>
  );
}

import { useMemo, type RefObject } from 'react';
import type { Lang } from '../../shared/domain/labels';
import { makeWorkingCopy, newProject, pickAndOpenProject, saveProjectFile } from '../editor/projectSession';
import type { PlanMap } from '../map/createPlanMap';
import type { AppActions } from './appActions';
import { pickAndImport } from '../editor/transfer';
import { pickAndMergeReview } from '../editor/review/mergeReview';
import { useWorkbench } from './hooks/useWorkbench';
import { requestPanel, setAreaStatisticsOpen } from './analysisRequests';
import { setFigureComposerOpen } from './figures/figureOpen';

export interface DialogControls {
  openSettings(): void;
  openExport(): void;
  openAbout(): void;
}

export function rememberLanguage(lang: Lang): void {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  try {
    localStorage.setItem('hzw:lang', lang);
  } catch {
    // Storage may be unavailable (private mode); the language then lasts for this session.
  }
}

/** The one implementation of every app action, shared by toolbar, keyboard and native menu. */
export function useAppActions(map: RefObject<PlanMap | null>, dialogs: DialogControls): AppActions {
  const { workbench, platform } = useWorkbench();
  return useMemo(() => {
    const setLanguage = (lang: Lang) => {
      workbench.state.set({ lang });
      rememberLanguage(lang);
    };
    return {
      newProject: () => void newProject(workbench),
      openProject: () => void pickAndOpenProject(workbench, platform),
      saveProject: (saveAs) => void saveProjectFile(workbench, platform, saveAs),
      mergeReview: () => void pickAndMergeReview(workbench, platform),
      importFiles: () => void pickAndImport(workbench, platform),
      exportFiles: dialogs.openExport,
      // The store refuses edits to a review copy; this only guards against a stale menu.
      makeWorkingCopy: () => void (workbench.state.get().readOnly && makeWorkingCopy(workbench)),
      whatHere: () => workbench.setTool('whatHere'),
      // The panels exist only while a project is shown; the menu offers these only then.
      runFullCheck: () => void requestPanel('runFullCheck'),
      areaStatistics: () => {
        if (workbench.state.get().projectId) setAreaStatisticsOpen(true);
      },
      figure: () => {
        if (workbench.state.get().projectId) setFigureComposerOpen(true);
      },
      referenceLayers: () => void requestPanel('showReferenceLayers'),
      undo: () => void workbench.undo(),
      redo: () => void workbench.redo(),
      deleteSelection: () => void workbench.deleteSelection(),
      zoomBy: (delta) => map.current?.zoomBy(delta),
      zoomToProject: () => map.current?.zoomToData(),
      openSettings: dialogs.openSettings,
      toggleLanguage: () => setLanguage(workbench.state.get().lang === 'zh' ? 'en' : 'zh'),
      setLanguage,
      about: dialogs.openAbout,
    };
  }, [workbench, platform, map, dialogs]);
}

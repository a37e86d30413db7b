import type { ZoneType } from '../../shared/domain/taxonomy';
import type { PickedFile } from '../../shared/ipc/contract';
import type { Platform } from '../platform/platform';
import { currentDocument, openProjectFile } from './projectSession';
import type { Workbench } from './workbench';
import { PROJECT_FILE_EXTENSION } from '../../shared/formats/projectFile';
import { withJob } from './transferJob';
import { groupImportFiles } from './transferFiles';
import { importFilters } from '../../shared/ipc/fileTypes';
import { firstRead, importDecided, pendingFrom } from './transferImport';

export { acceptImport, acceptPending, cancelImport, rereadImport } from './transferImport';
export { exportFiles } from './transferExport';

const GEOJSON_FILTER = { name: 'GeoJSON', extensions: ['geojson', 'json'] };

/**
 * Import dropped or picked files: project files open as projects; every other data set (a
 * shapefile's parts together, each other file alone) is read in the worker and shown in the
 * import preview, one after the other. Nothing is stored until the planner accepts.
 */
export async function importFiles(workbench: Workbench, files: readonly PickedFile[]): Promise<void> {
  performance.mark('hzw:import-files');
  const data: PickedFile[] = [];
  for (const file of files) {
    if (file.name.toLowerCase().endsWith(`.${PROJECT_FILE_EXTENSION}`))
      await openProjectFile(workbench, { ...file, handle: null });
    else data.push(file);
  }
  if (data.length > 0 && !workbench.state.get().projectId) {
    workbench.notify('error', { zh: '请先新建或打开一个项目', en: 'Create or open a project first' });
    return;
  }
  for (const set of groupImportFiles(data)) {
    const read = await firstRead(workbench, set);
    if (!read) continue;
    workbench.state.set({ pendingImport: pendingFrom(set, read.options, read) });
    // Bench marks (bench/countyImport.ts): the preview is shown, its accept button enabled.
    performance.mark('hzw:import-previewed');
    await importDecided(workbench);
  }
}

export async function pickAndImport(workbench: Workbench, platform: Platform): Promise<void> {
  const lang = workbench.state.get().lang;
  const title = lang === 'zh' ? '导入' : 'Import';
  const files = await platform.pickFiles({ title, filters: importFilters(lang), multiple: true });
  await importFiles(workbench, files);
}

/** Export as RFC 7946 GeoJSON through the original job (kept for callers outside the dialog). */
export async function exportGeoJson(
  workbench: Workbench,
  platform: Platform,
  zoneTypes: readonly ZoneType[] | null,
): Promise<void> {
  const document = await currentDocument(workbench);
  const label = { zh: '正在导出 GeoJSON', en: 'Exporting GeoJSON' };
  const bytes = await withJob(workbench, label, 'exportGeoJson', {
    document,
    options: { zoneTypes, decimals: 7 },
  });
  if (!bytes) return;
  const saved = await platform.exportFile({
    handle: null,
    suggestedName: `${document.settings.name}.geojson`,
    bytes,
    filters: [GEOJSON_FILTER],
  });
  if (saved) workbench.notify('info', { zh: `已导出 ${saved.name}`, en: `Exported ${saved.name}` });
}

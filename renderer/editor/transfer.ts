import type { Bilingual } from '../../shared/domain/labels';
import type { ZoneType } from '../../shared/domain/taxonomy';
import type { GeoJsonImportResult } from '../../shared/formats/geojson/readGeoJson';
import { JobCancelled, runJob } from '../jobs/runJob';
import type { JobKind, JobTypes } from '../jobs/jobTypes';
import type { PickedFile } from '../../shared/ipc/contract';
import type { Platform } from '../platform/platform';
import { importDocument } from './commands/importCommands';
import { currentDocument, openProjectFile } from './projectSession';
import type { Workbench } from './workbench';
import { PROJECT_FILE_EXTENSION } from '../../shared/formats/projectFile';

const GEOJSON_FILTER = { name: 'GeoJSON', extensions: ['geojson', 'json'] };

/** Run a worker job with progress and a cancel button in the UI; null when cancelled or failed. */
async function withJob<K extends JobKind>(
  workbench: Workbench,
  label: Bilingual,
  kind: K,
  input: JobTypes[K]['input'],
): Promise<JobTypes[K]['output'] | null> {
  const controller = new AbortController();
  workbench.state.set({ job: { label, progress: null, cancel: () => controller.abort() } });
  try {
    return await runJob(kind, input, {
      signal: controller.signal,
      onProgress: (progress) => workbench.state.set((s) => ({ job: s.job && { ...s.job, progress } })),
    });
  } catch (error) {
    if (error instanceof JobCancelled)
      workbench.notify('info', { zh: '已取消，未做任何更改', en: 'Cancelled; nothing was changed' });
    else workbench.reportError(error);
    return null;
  } finally {
    workbench.state.set({ job: null });
  }
}

/** Add an import's accepted zones to the open project as one undo step. */
export async function acceptImport(
  workbench: Workbench,
  fileName: string,
  result: GeoJsonImportResult,
): Promise<void> {
  workbench.state.set({ pendingImport: null });
  if (result.document.zones.length === 0) {
    workbench.notify('error', {
      zh: `${fileName} 中没有可导入的区划`,
      en: `${fileName} has no zones that can be imported`,
    });
    return;
  }
  const committed = await workbench.run(importDocument(workbench.projectId, result.document, fileName));
  if (committed) {
    const n = result.document.zones.length;
    workbench.notify('info', {
      zh: `已从 ${fileName} 导入 ${n} 个区划`,
      en: `Imported ${n} zones from ${fileName}`,
    });
  }
}

/** Import dropped or picked files: project files open as projects, GeoJSON adds zones. */
export async function importFiles(workbench: Workbench, files: readonly PickedFile[]): Promise<void> {
  for (const file of files) {
    if (file.name.toLowerCase().endsWith(`.${PROJECT_FILE_EXTENSION}`)) {
      await openProjectFile(workbench, { ...file, handle: null });
      continue;
    }
    const label = { zh: `正在读取 ${file.name}`, en: `Reading ${file.name}` };
    const result = await withJob(workbench, label, 'importGeoJson', { name: file.name, bytes: file.bytes });
    if (!result) continue;
    if (result.rejected.length > 0) {
      // The planner sees every refused feature and decides; nothing is stored until then.
      workbench.state.set({ pendingImport: { fileName: file.name, result } });
      return;
    }
    await acceptImport(workbench, file.name, result);
  }
}

export async function pickAndImport(workbench: Workbench, platform: Platform): Promise<void> {
  const title = workbench.state.get().lang === 'zh' ? '导入 GeoJSON' : 'Import GeoJSON';
  const files = await platform.pickFiles({ title, filters: [GEOJSON_FILTER], multiple: true });
  await importFiles(workbench, files);
}

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

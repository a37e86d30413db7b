import type { NamedBytes } from '../../shared/formats/layer';
import type { ImportOptions, ImportResult, ReadImportOutput } from '../../shared/formats/mapping/types';
import { importDocument } from './commands/importCommands';
import { importPlan, summaryText, type ImportSummary } from './commands/importPlan';
import { fittingPreset, presetPatch } from './importPresets';
import type { PendingImport } from './editorState';
import { withJob, type JobHandle } from './transferJob';
import type { ZoneType } from '../../shared/domain/taxonomy';
import { baseNameOf, extensionOf, fileSetName, suggestZoneType } from './transferFiles';
import type { Workbench } from './workbench';
import { rememberDatumShifts } from './commands/projectCommands';
import { chosenDatumShifts } from './transferCrs';

const running = new WeakMap<Workbench, JobHandle>();

/** Copies of the bytes for the worker, so the originals stay readable for the next re-read. */
function forWorker(files: readonly NamedBytes[]): NamedBytes[] {
  return files.map((f) => ({ name: f.name, bytes: f.bytes.slice() }));
}

/** Options of the first read: the project's GK zone, the profile recognised from the fields. */
export async function initialImportOptions(
  workbench: Workbench,
  files: readonly NamedBytes[],
): Promise<ImportOptions> {
  const project = await workbench.store.read.project(workbench.projectId);
  const options: ImportOptions = { profile: 'auto' };
  if (project) {
    options.gkZone = project.settings.gkZone;
    // Transformations chosen for earlier files on the same old datum apply again.
    if (Object.keys(project.settings.datumShifts).length > 0)
      options.datumShifts = project.settings.datumShifts;
  }
  // Drawings and KML carry no object names: name the object after the file, the planner may edit it.
  const ext = extensionOf(fileSetName(files));
  if (ext === 'dxf' || ext === 'kml' || ext === 'kmz')
    options.defaultObjectName = baseNameOf(fileSetName(files));
  return options;
}

/** Read a file set in the worker (job bar with progress and cancel); null when cancelled or failed. */
export async function readFileSet(
  workbench: Workbench,
  files: readonly NamedBytes[],
  options: ImportOptions,
): Promise<ReadImportOutput | null> {
  running.get(workbench)?.abort();
  const name = fileSetName(files);
  const label = { zh: `正在读取 ${name}`, en: `Reading ${name}` };
  const output = await withJob(
    workbench,
    label,
    'readImport',
    { files: forWorker(files), options },
    (handle) => running.set(workbench, handle),
  );
  return output;
}

/**
 * Zone types suggested for the CAD layers (or KML folders) of a first read, from their names;
 * null when there are none or nothing could be suggested.
 */
export function suggestedCadMapping(output: ReadImportOutput): Record<string, ZoneType> | null {
  const entries: [string, ZoneType][] = [];
  for (const layer of output.layers)
    for (const cad of layer.cadLayers ?? []) {
      // The reader's suggestion when it made one (it knows the drawing), else ours from the name.
      const type = cad.suggested === undefined ? suggestZoneType(cad.name) : cad.suggested;
      if (type) entries.push([cad.name, type]);
    }
  // fromEntries defines own properties: a layer named "__proto__" stays a plain key.
  return entries.length > 0 ? (Object.fromEntries(entries) as Record<string, ZoneType>) : null;
}

/**
 * The first read of a file set: with the project's options, then — when it helps — again with
 * the zone types its CAD layer names suggest and with the saved mapping preset made for exactly
 * its fields. Null when cancelled or failed.
 */
export async function firstRead(
  workbench: Workbench,
  files: readonly NamedBytes[],
): Promise<{ options: ImportOptions; output: ReadImportOutput } | null> {
  let options = await initialImportOptions(workbench, files);
  let output = await readFileSet(workbench, files, options);
  if (!output) return null;
  const mapping = suggestedCadMapping(output);
  const preset = await fittingPreset(workbench.store, output);
  if (!mapping && !preset) return { options, output };
  if (mapping) options = { ...options, cadLayerMapping: mapping };
  if (preset) options = withoutUndefined({ ...options, ...presetPatch(preset) });
  output = await readFileSet(workbench, files, options);
  return output ? { options, output } : null;
}

function withoutUndefined(options: ImportOptions): ImportOptions {
  for (const key of Object.keys(options) as (keyof ImportOptions)[])
    if (options[key] === undefined) delete options[key];
  return options;
}

/** The import preview for a read file set. */
export function pendingFrom(
  files: NamedBytes[],
  options: ImportOptions,
  output: ReadImportOutput,
): PendingImport {
  return {
    fileName: fileSetName(files),
    result: output.result,
    read: { files, options, output, busy: false },
  };
}

/**
 * Read the previewed files again with changed options (encoding, CRS, CAD layer mapping…) and
 * update the preview; a newer change cancels an older re-read. `undefined` removes an option.
 */
export async function rereadImport(workbench: Workbench, patch: Partial<ImportOptions>): Promise<void> {
  const pending = workbench.state.get().pendingImport;
  const read = pending?.read;
  if (!pending || !read) return;
  const options = withoutUndefined({ ...read.options, ...patch });
  workbench.state.set({ pendingImport: { ...pending, read: { ...read, options, busy: true } } });
  const output = await readFileSet(workbench, read.files, options);
  const now = workbench.state.get().pendingImport;
  // The planner may have closed the preview, or asked for yet another re-read meanwhile.
  if (!now?.read || now.read.files !== read.files || now.read.options !== options) return;
  if (!output) {
    workbench.state.set({ pendingImport: { ...now, read: { ...now.read, busy: false } } });
    return;
  }
  workbench.state.set({ pendingImport: pendingFrom(read.files, options, output) });
}

/** Resolves when the preview shown now is accepted or cancelled (it leaves the editor state). */
export function importDecided(workbench: Workbench): Promise<void> {
  const shown = workbench.state.get().pendingImport?.read?.files;
  return new Promise((resolve) => {
    if (!shown) return resolve();
    const stop = workbench.state.subscribe(() => {
      if (workbench.state.get().pendingImport?.read?.files === shown) return;
      stop();
      resolve();
    });
  });
}

export function cancelImport(workbench: Workbench): void {
  running.get(workbench)?.abort();
  workbench.state.set({ pendingImport: null });
}

/** What accepting the import would do to the open project now: added, updated, unchanged. */
export async function previewImport(workbench: Workbench, result: ImportResult): Promise<ImportSummary> {
  const plan = await importPlan(
    workbench.store.read,
    workbench.projectId,
    result.document,
    result.mappedProperties,
  );
  return plan.summary;
}

/**
 * Bring an import's zones into the open project as one undo step: new zones added, zones it
 * already holds (same zone id or BSM) updated; the notice says how many of each.
 */
export async function acceptImport(
  workbench: Workbench,
  fileName: string,
  result: ImportResult,
): Promise<void> {
  workbench.state.set({ pendingImport: null });
  if (result.document.zones.length === 0) {
    workbench.notify('error', {
      zh: `${fileName} 中没有可导入的区划`,
      en: `${fileName} has no zones that can be imported`,
    });
    return;
  }
  const command = importDocument(workbench.projectId, result.document, fileName, result.mappedProperties);
  const committed = await workbench.run(command);
  const summary = command.summary();
  if (!committed || !summary) return;
  const text = summaryText(summary);
  workbench.notify('info', { zh: `已导入 ${fileName}。${text.zh}`, en: `Imported ${fileName}. ${text.en}` });
}

/**
 * Accept the import preview: remember the datum transformation chosen in it with the project (not
 * an undo step), then import (one undo step).
 */
export async function acceptPending(workbench: Workbench, pending: PendingImport): Promise<void> {
  const read = pending.read;
  const shifts = read ? chosenDatumShifts(read.options, read.output.layers) : {};
  if (Object.keys(shifts).length > 0) await workbench.run(rememberDatumShifts(workbench.projectId, shifts));
  await acceptImport(workbench, pending.fileName, pending.result);
}

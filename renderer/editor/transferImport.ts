import type { NamedBytes } from '../../shared/formats/layer';
import type { ImportOptions, ImportResult, ReadImportOutput } from '../../shared/formats/mapping/types';
import { importDocument } from './commands/importCommands';
import { importPlan, summaryText, type ImportSummary } from './commands/importPlan';
import { fittingPreset, presetPatch } from './importPresets';
import type { PendingImport } from './editorState';
import type { ZoneType } from '../../shared/domain/taxonomy';
import { baseNameOf, extensionOf, fileSetName, suggestZoneType } from './transferFiles';
import type { Workbench } from './workbench';
import { rememberDatumShifts } from './commands/projectCommands';
import { chosenDatumShifts } from './transferCrs';
import type { SessionRead } from './importSession';
import {
  endImportSession,
  hasImportSession,
  sessionAccept,
  sessionPlan,
  sessionRead,
  startImportSession,
  SUPERSEDED,
} from './importSessionClient';

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
 * The first read of a file set, in a new import session (its bytes go to the session's worker):
 * with the project's options, then — when it helps — mapped again with the zone types its CAD
 * layer names suggest and with the saved mapping preset made for exactly its fields (the files
 * are not parsed again). Null when cancelled or failed; the session then ends.
 */
export async function firstRead(
  workbench: Workbench,
  files: readonly NamedBytes[],
): Promise<({ options: ImportOptions } & SessionRead) | null> {
  let options = await initialImportOptions(workbench, files);
  startImportSession(workbench, files);
  let read = await sessionRead(workbench, options);
  if (read === null || read === SUPERSEDED) return failedRead(workbench);
  const mapping = suggestedCadMapping(read.output);
  const preset = await fittingPreset(workbench.store, read.output);
  if (!mapping && !preset) return { options, ...read };
  if (mapping) options = { ...options, cadLayerMapping: mapping };
  if (preset) options = withoutUndefined({ ...options, ...presetPatch(preset) });
  read = await sessionRead(workbench, options);
  if (read === null || read === SUPERSEDED) return failedRead(workbench);
  return { options, ...read };
}

/** A first read that was cancelled or failed (and reported) ends its session. */
function failedRead(workbench: Workbench): null {
  endImportSession(workbench);
  return null;
}

function withoutUndefined(options: ImportOptions): ImportOptions {
  for (const key of Object.keys(options) as (keyof ImportOptions)[])
    if (options[key] === undefined) delete options[key];
  return options;
}

/** The import preview for a file set read in a session; the zones stay in the session's worker. */
export function pendingFrom(files: NamedBytes[], options: ImportOptions, read: SessionRead): PendingImport {
  return {
    fileName: fileSetName(files),
    result: read.output.result,
    read: { files, options, output: read.output, importable: read.importable, busy: false },
  };
}

/**
 * Read the previewed files again with changed options (encoding, CRS, CAD layer mapping…) and
 * update the preview; only the newest of several quick changes is read. `undefined` removes an
 * option. Cancelling the read ends the session, and the preview with it.
 */
export async function rereadImport(workbench: Workbench, patch: Partial<ImportOptions>): Promise<void> {
  const pending = workbench.state.get().pendingImport;
  const read = pending?.read;
  if (!pending || !read) return;
  const options = withoutUndefined({ ...read.options, ...patch });
  workbench.state.set({ pendingImport: { ...pending, read: { ...read, options, busy: true } } });
  const next = await sessionRead(workbench, options);
  const now = workbench.state.get().pendingImport;
  // The planner may have closed the preview, or asked for yet another re-read meanwhile.
  if (next === SUPERSEDED || !now?.read || now.read.files !== read.files || now.read.options !== options)
    return;
  if (!next) {
    const alive = hasImportSession(workbench, read.files);
    workbench.state.set({ pendingImport: alive ? { ...now, read: { ...now.read, busy: false } } : null });
    return;
  }
  workbench.state.set({ pendingImport: pendingFrom(read.files, options, next) });
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
  endImportSession(workbench);
  workbench.state.set({ pendingImport: null });
}

/** What accepting the import would do to the open project now: added, updated, unchanged. */
export async function previewImport(workbench: Workbench, pending: PendingImport): Promise<ImportSummary> {
  if (pending.read && hasImportSession(workbench, pending.read.files))
    return sessionPlan(workbench, workbench.projectId);
  const { document, mappedProperties } = pending.result as ImportResult;
  const plan = await importPlan(workbench.store.read, workbench.projectId, document, mappedProperties);
  return plan.summary;
}

const noZones = (fileName: string) => ({
  zh: `${fileName} 中没有可导入的区划`,
  en: `${fileName} has no zones that can be imported`,
});

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
    workbench.notify('error', noZones(fileName));
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
 * an undo step), then import (one undo step) — committed in the session's worker, where the
 * zones are; the page's live queries see the commit like another window's.
 */
export async function acceptPending(workbench: Workbench, pending: PendingImport): Promise<void> {
  const read = pending.read;
  const shifts = read ? chosenDatumShifts(read.options, read.output.layers) : {};
  if (Object.keys(shifts).length > 0) await workbench.run(rememberDatumShifts(workbench.projectId, shifts));
  if (!read || !hasImportSession(workbench, read.files))
    return acceptImport(workbench, pending.fileName, pending.result);
  workbench.state.set({ pendingImport: null });
  if (read.importable === 0) {
    endImportSession(workbench);
    workbench.notify('error', noZones(pending.fileName));
    return;
  }
  performance.mark('hzw:import-accept');
  const accepted = await sessionAccept(workbench, workbench.projectId);
  performance.mark('hzw:import-committed');
  endImportSession(workbench);
  if (!accepted) return;
  workbench.view.wrote(accepted.versions);
  workbench.followUp(new Set(accepted.written));
  const text = summaryText(accepted.summary);
  workbench.notify('info', {
    zh: `已导入 ${pending.fileName}。${text.zh}`,
    en: `Imported ${pending.fileName}. ${text.en}`,
  });
}

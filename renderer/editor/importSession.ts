import type { NamedBytes } from '../../shared/formats/layer';
import { mapImport, parseImport } from '../../shared/formats/mapping/readImport';
import type { ImportOptions, ReadImportOutput } from '../../shared/formats/mapping/types';
import type { FileRead } from '../../shared/formats/registry';
import type { Store } from '../storage/store';
import { importDocument } from './commands/importCommands';
import { importPlan, type ImportSummary } from './commands/importPlan';
import { writtenZoneIds } from './regenerateDerived';
import type { RecordVersion } from '../storage/records';
import { versionOf } from '../storage/recordVersion';

/**
 * What the import preview shows of a read: everything but the imported zones and objects
 * themselves, which stay in the session's worker (50 000 zones would take seconds to copy to the
 * page and back); `importable` counts the zones.
 */
export interface SessionRead {
  output: ReadImportOutput;
  importable: number;
}

export interface AcceptedImport {
  summary: ImportSummary;
  /** Zones the commit wrote, for the follow-ups (regenerating derived zones). */
  written: string[];
  /** The versions of the existing records it replaced, for the page's view (windowView.ts). */
  versions: RecordVersion[];
}

/** The calls of the import session worker (importSessionWorker.ts). */
export interface ImportSessionTypes {
  /** Hand the file bytes over (transferred, not copied) and start a session. */
  open: { input: { files: NamedBytes[] }; output: null };
  /** Read with these options: parse when needed, map again otherwise. */
  read: { input: ImportOptions; output: SessionRead };
  /** What accepting would do to the project now. */
  plan: { input: { projectId: string }; output: ImportSummary };
  /** Commit the import (one undo step) through the write door, here in the worker. */
  accept: { input: { projectId: string; fileName: string; session: string }; output: AcceptedImport };
}

/**
 * An import while its preview is open: the files are parsed once and the parsed layers kept; a
 * new attribute encoding parses again (readers decode attributes while they parse), any other
 * change (CRS, axis order, datum shift, field and value mapping, defaults) maps the kept layers
 * again. Accepting commits the mapped document through the store's write door in this thread,
 * where the reader's validation of every geometry is still known (validatePolygon.ts), so the
 * door checks each record without walking its topology again.
 */
export class ImportSession {
  private parsed: { encoding: string | undefined; reads: FileRead[] } | null = null;
  private mapped: ReadImportOutput | null = null;

  constructor(
    private files: readonly NamedBytes[],
    private readonly store: () => Promise<Store>,
  ) {}

  async read(options: ImportOptions, progress: (f: number) => void = () => {}): Promise<SessionRead> {
    if (!this.parsed || this.parsed.encoding !== options.encoding) {
      // Let the old layers go before parsing again: a big file's layers take hundreds of MB.
      this.parsed = null;
      this.mapped = null;
      const reads = await parseImport(this.files, options, (f) => progress(f * 0.6));
      this.parsed = { encoding: options.encoding, reads };
    }
    this.mapped = mapImport(this.parsed!.reads, options, (f) => progress(0.6 + f * 0.4));
    const { result } = this.mapped;
    const settings = result.document.settings;
    return {
      output: { ...this.mapped, result: { ...result, document: { objects: [], zones: [], settings } } },
      importable: result.document.zones.length,
    };
  }

  private current(): ReadImportOutput {
    if (!this.mapped) throw new Error('the import session has read nothing yet');
    return this.mapped;
  }

  async plan(projectId: string): Promise<ImportSummary> {
    const { result } = this.current();
    const store = await this.store();
    return (await importPlan(store.read, projectId, result.document, result.mappedProperties)).summary;
  }

  /** `session`: the window whose undo step the import becomes (it commits here, in the worker). */
  async accept(projectId: string, fileName: string, session: string): Promise<AcceptedImport> {
    const { result } = this.current();
    // The session ends with its commit: the file bytes and parsed layers are not needed any more,
    // and the write wants the memory (IndexedDB serialises every record in this thread).
    this.parsed = null;
    this.files = [];
    const command = importDocument(projectId, result.document, fileName, result.mappedProperties);
    const store = await this.store();
    const committed = await store.commit({ projectId, ...command, session });
    return {
      summary: command.summary()!,
      written: [...writtenZoneIds(committed.changes)],
      // New records are not in any window's view yet; only replaced ones need their new version.
      versions: committed.changes
        .filter((c) => c.before !== null)
        .map((c) => ({ table: c.table, key: c.key, fingerprint: versionOf(c.after) })),
    };
  }
}

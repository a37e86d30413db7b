import type { Project, ProtectedObject, Zone } from '../../shared/domain/schema';
import type { ChangeSet, RecordVersion, TableName } from '../storage/records';
import { versionOf, type Basis } from '../storage/recordVersion';

/** The open project as this window shows it (the live query's latest result). */
export interface ShownRecords {
  project: Project;
  objects: readonly ProtectedObject[];
  zones: readonly Zone[];
}

/**
 * A frozen moment of the view: the records as shown then, each table indexed by id on its first
 * lookup (a vertex edit asks only for zones; 10 000 zones index in a few milliseconds).
 */
export class ViewSnapshot {
  private readonly index = new Map<TableName, Map<string, object>>();

  constructor(private readonly shown: ShownRecords | null) {}

  record(table: TableName, key: string): object | undefined {
    if (!this.shown) return undefined;
    let byId = this.index.get(table);
    if (!byId) {
      const { project, objects, zones } = this.shown;
      const records: readonly { id: string }[] =
        table === 'projects' ? [project] : table === 'objects' ? objects : table === 'zones' ? zones : [];
      byId = new Map(records.map((r) => [r.id, r]));
      this.index.set(table, byId);
    }
    return byId.get(key);
  }
}

/** Versions of shown records, each computed once: a shown record is never mutated (a new read replaces it). */
const versions = new WeakMap<object, number>();
function shownVersion(record: object): number {
  let version = versions.get(record);
  if (version === undefined) versions.set(record, (version = versionOf(record)!));
  return version;
}

/** How many of its own recent writes a window remembers (its view lags them by a live query). */
const OWN_WRITES_KEPT = 20_000;

/**
 * What this window has shown the planner and written itself: the basis every edit it commits is
 * compared with (storage/recordVersion.ts). An edit that started from a record as shown — at the
 * start of its gesture, or now for a click — may overwrite that version or one this window wrote
 * itself since; anything else was another window's change, and the write door refuses the edit.
 */
export class WindowView {
  private current = new ViewSnapshot(null);
  private readonly own = new Map<string, number | null>();

  show(records: ShownRecords | null): void {
    this.current = new ViewSnapshot(records);
  }

  snapshot(): ViewSnapshot {
    return this.current;
  }

  /** Remember the versions this window wrote (a commit's results or an undo's). */
  wrote(versions: readonly RecordVersion[]): void {
    for (const v of versions) {
      const id = `${v.table}/${v.key}`;
      this.own.delete(id);
      this.own.set(id, v.fingerprint);
    }
    for (const id of this.own.keys()) {
      if (this.own.size <= OWN_WRITES_KEPT) break;
      this.own.delete(id);
    }
  }

  committed(changes: ChangeSet): void {
    this.wrote(changes.map((c) => ({ table: c.table, key: c.key, fingerprint: versionOf(c.after) })));
  }

  /** The basis of an edit that started at `from` (a gesture's start; now for a click). */
  basis(from: ViewSnapshot = this.current): Basis {
    return (table, key) => {
      const shown = from.record(table, key);
      if (shown === undefined) return undefined;
      const id = `${table}/${key}`;
      return this.own.has(id) ? [shownVersion(shown), this.own.get(id)!] : [shownVersion(shown)];
    };
  }
}

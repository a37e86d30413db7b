import Dexie, { type EntityTable } from 'dexie';
import type { Project, ProtectedObject, Zone } from '../../shared/domain/schema';
import type { ReferenceLayerData } from '../../shared/analysis/overlapsReferenceLayer';
import type { Background } from '../../shared/domain/backgrounds';
import type { BackgroundAccessRecord } from './backgroundAccess';
import { upgradeToVersion2, upgradeToVersion4, upgradeToVersion6 } from './migrations';
import type {
  HistoryEntry,
  MetaRecord,
  ReviewTableRecords,
  VersionRecord,
  VersionRecordRow,
} from './records';
import { isDoorTransaction } from './writeDoorMark';
import { packedZones } from './packedZones';

/** Why a write outside the write door is refused (a programming error, never a planner's). */
export class OutsideWriteDoor extends Error {
  constructor(table: string) {
    super(`${table} was written outside the write door (renderer/storage/commit.ts)`);
    this.name = 'OutsideWriteDoor';
  }
}

export const DATABASE_NAME = 'heritage-zone-workbench';

/**
 * The single Dexie database. Zones and objects carry their projectId; history entries are the
 * undo log (per window session); `meta` holds undo cursors and session preferences. Only schema versions that carry an
 * upgrade are kept (version 1 is the layout version 2 upgrades from), plus version 3, which adds the
 * empty `referenceLayers` table; version 4 gives every undo step its window session; version 5 adds
 * the empty `backgrounds` and `backgroundAccess` tables; version 6 adds the review records
 * (`comments`, `decisions`, `signoffs`, moving comments a file carried out of `meta`) and the named
 * versions (`versions`, `versionRecords`); version 7 stores zone geometry packed (packedZones.ts).
 */
export class WorkbenchDb extends Dexie {
  projects!: EntityTable<Project, 'id'>;
  objects!: EntityTable<ProtectedObject, 'id'>;
  zones!: EntityTable<Zone, 'id'>;
  history!: EntityTable<HistoryEntry, 'seq'>;
  meta!: EntityTable<MetaRecord, 'key'>;
  /** Read-only reference layers (control lines) per project; outside the undo history. */
  referenceLayers!: EntityTable<ReferenceLayerData, 'id'>;
  /** Backgrounds per project (descriptions only); outside the undo history. */
  backgrounds!: EntityTable<Background, 'id'>;
  /** How this installation reaches each background's file (grant, handle or copy): never exported. */
  backgroundAccess!: EntityTable<BackgroundAccessRecord, 'id'>;
  /** Review records (document records of their own, with an undo stack of their own): key `<projectId>/<entryId>`. */
  comments!: EntityTable<ReviewTableRecords['comments'], 'id'>;
  decisions!: EntityTable<ReviewTableRecords['decisions'], 'id'>;
  signoffs!: EntityTable<ReviewTableRecords['signoffs'], 'id'>;
  /** Named versions: headers, and the records kept copy-on-write (versionRecords.ts). */
  versions!: EntityTable<VersionRecord, 'id'>;
  versionRecords!: EntityTable<VersionRecordRow, 'id'>;

  constructor(
    name = DATABASE_NAME,
    options: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {},
  ) {
    // Strict durability: a committed edit is flushed to disk before the commit resolves, so a power
    // cut right after an edit does not lose it (Chrome's default since 121 is relaxed). No query
    // cache: Dexie's default cache hands every live query a deep copy of its result, which for a
    // project of 50 000 zones took longer than reading them from IndexedDB (docs/benchmarks.md).
    super(name, { chromeTransactionDurability: 'strict', cache: 'disabled', ...options });
    this.version(1).stores({
      projects: 'id',
      objects: 'id, projectId',
      zones: 'id, projectId, objectId',
      history: '++seq, projectId',
      meta: 'key',
    });
    this.version(2)
      .stores({
        zones: 'id, projectId, objectId, [projectId+attributes.zoneType]',
        history: '++seq, projectId, [projectId+seq]',
      })
      .upgrade(upgradeToVersion2);
    // Version 3 only adds an empty table: nothing to upgrade.
    this.version(3).stores({ referenceLayers: 'id, projectId' });
    this.version(4)
      .stores({ history: '++seq, projectId, [projectId+seq], [projectId+session+seq]' })
      .upgrade(upgradeToVersion4);
    // Version 5 only adds empty tables (backgrounds and how this installation reaches their files).
    this.version(5).stores({ backgrounds: 'id, projectId', backgroundAccess: 'id' });
    this.version(6)
      .stores({
        comments: 'id, projectId, [projectId+threadId]',
        decisions: 'id, projectId, [projectId+targetId]',
        signoffs: 'id, projectId',
        versions: 'id, projectId, [projectId+seq]',
        versionRecords: 'id, versionId',
      })
      .upgrade(upgradeToVersion6);
    // Version 7 keeps zone geometry packed (packedZones.ts; read back either way, so nothing to
    // upgrade): the bump keeps an older workbench, which would misread a packed zone, out.
    this.version(7).stores({});
    this.use(packedZones);
    // One write door: a table write in a transaction the door did not open is refused.
    this.use({
      stack: 'dbcore',
      name: 'writeDoor',
      create: (down) => ({
        ...down,
        table(name) {
          const table = down.table(name);
          return {
            ...table,
            mutate: (request) =>
              isDoorTransaction(request.trans)
                ? table.mutate(request)
                : Promise.reject(new OutsideWriteDoor(name)),
          };
        },
      }),
    });
  }
}

import { contentHash } from '../../shared/review/contentHash';
import type { ProtectedObject, Zone } from '../../shared/domain/schema';
import type { WorkbenchDb } from './database';
import { readFileExtras } from './fileExtras';
import type { OutsideWrite } from './outsideHistory';
import type { VersionWrites } from './reviewStoreTypes';
import { versionKey } from './versionRecords';
import { StateMoved, stateBasis } from './versionBasis';

/**
 * The store's named-version writes (reviewStoreTypes.ts), each one outside-history write through
 * the door. Tagging hashes the live objects and zones first (Web Crypto cannot run inside an
 * IndexedDB transaction), then the door checks in its transaction that they are still the ones
 * hashed — an edit from another window in between makes it hash again.
 */
export function createVersionWrites(
  db: WorkbenchDb,
  outside: (...writes: OutsideWrite[]) => Promise<void>,
): VersionWrites {
  return {
    async tagVersion(projectId, { name, note, author }) {
      for (let attempt = 0; ; attempt++) {
        const [objects, zones, extras] = await Promise.all([
          db.objects.where('projectId').equals(projectId).toArray(),
          db.zones.where('projectId').equals(projectId).toArray(),
          readFileExtras(db, projectId),
        ]);
        const hash = await contentHash(inDocumentIds(objects, zones, extras?.idMap ?? {}));
        const label = {
          versionId: crypto.randomUUID(),
          name,
          note,
          author,
          createdAt: new Date().toISOString(),
        };
        try {
          await outside({
            kind: 'tagVersion',
            projectId,
            label: { ...label, contentHash: hash },
            basis: stateBasis(objects, zones),
          });
          return (await db.versions.get(versionKey(projectId, label.versionId)))!;
        } catch (error) {
          if (!(error instanceof StateMoved) || attempt >= 2) throw error;
        }
      }
    },
    renameVersion: (projectId, versionId, name, note) =>
      outside({ kind: 'renameVersion', projectId, versionId, name, note }),
    removeVersion: (projectId, versionId) => outside({ kind: 'removeVersion', projectId, versionId }),
    importVersion: (projectId, { header, overlay }) =>
      outside({ kind: 'importVersion', projectId, header, overlay }),
  };
}

/** Objects and zones under their document ids (FileExtras.idMap: only the ids the store changed). */
export function inDocumentIds(
  objects: readonly ProtectedObject[],
  zones: readonly Zone[],
  idMap: Readonly<Record<string, string>>,
): { objects: ProtectedObject[]; zones: Zone[] } {
  const doc = (id: string) => idMap[id] ?? id;
  return {
    objects: objects.map((o) => ({ ...o, id: doc(o.id) })),
    zones: zones.map((z) => ({ ...z, id: doc(z.id), objectId: doc(z.objectId) })),
  };
}

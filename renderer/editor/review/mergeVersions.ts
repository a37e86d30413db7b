import type { ProjectDocument } from '../../../shared/formats/projectDocument';
import type { ProjectFileContent } from '../../../shared/formats/projectFile';
import { objectHash, zoneHash, type ReviewHashes } from '../../../shared/review/contentHash';
import type { FileVersion, VersionFileRecord } from '../../../shared/review/model';

/**
 * States a returned file knows, as versions of the open project: each holds only the records
 * where that state differs from the project now (an overlay, design §2.5), in document ids.
 */
type Hashes = { theirs: ReviewHashes; ours: ReviewHashes };

/** The records where the file differs from the project now (by record hash). */
export function fileMinusLive(
  content: ProjectFileContent,
  live: ProjectDocument,
  hashes: Hashes,
): VersionFileRecord[] {
  const differs = (table: 'objects' | 'zones', id: string) =>
    hashes.theirs[table][id] !== hashes.ours[table][id];
  const objectIds = new Set(content.objects.map((o) => o.id));
  const zoneIds = new Set(content.zones.map((z) => z.id));
  return [
    ...content.objects
      .filter((o) => differs('objects', o.id))
      .map((o) => ({ table: 'objects' as const, id: o.id, value: o })),
    ...content.zones
      .filter((z) => differs('zones', z.id))
      .map((z) => ({ table: 'zones' as const, id: z.id, value: z })),
    ...live.objects
      .filter((o) => !objectIds.has(o.id))
      .map((o) => ({ table: 'objects' as const, id: o.id, value: null })),
    ...live.zones
      .filter((z) => !zoneIds.has(z.id))
      .map((z) => ({ table: 'zones' as const, id: z.id, value: null })),
  ];
}

/**
 * The file's versions the project does not have (by version id), each as its state (the file's
 * document with the version's records over it) minus the project now.
 */
export async function fileVersionsMinusLive(
  content: ProjectFileContent,
  live: ProjectDocument,
  hashes: Hashes,
  known: ReadonlySet<string>,
): Promise<FileVersion[]> {
  const unknown = content.versions.filter((v) => !known.has(v.header.versionId));
  if (unknown.length === 0) return [];
  const base = fileMinusLive(content, live, hashes);
  return Promise.all(
    unknown.map(async ({ header, records }) => {
      const out = new Map(base.map((r) => [`${r.table}|${r.id}`, r]));
      for (const r of records) {
        const key = `${r.table}|${r.id}`;
        const now = hashes.ours[r.table][r.id];
        if (r.value === null) {
          if (now === undefined) out.delete(key);
          else out.set(key, r);
          continue;
        }
        const hash = await recordHash(r);
        if (hash === now) out.delete(key);
        else out.set(key, r);
      }
      return { header, records: [...out.values()] };
    }),
  );
}

function recordHash(r: VersionFileRecord): Promise<string | undefined> {
  if (r.table === 'objects') return r.value ? objectHash(r.value) : Promise.resolve(undefined);
  return r.value ? zoneHash(r.value) : Promise.resolve(undefined);
}

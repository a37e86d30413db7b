import type { ProjectSettings, ProtectedObject, Zone } from '../../shared/domain/schema';
import type { ReviewerIdentity, VersionHeader } from '../../shared/review/model';
import type { CommentRecord, DecisionRecord, SignoffRecord, VersionRecord } from './records';

/** The store's review and version reads and writes (issue 13; Store, Queries). */
export interface ReviewQueries {
  /** The project's review records (issue 13), in store order. */
  comments(projectId: string): Promise<CommentRecord[]>;
  decisions(projectId: string): Promise<DecisionRecord[]>;
  signoffs(projectId: string): Promise<SignoffRecord[]>;
  /** The project's named versions, oldest (lowest seq) first. */
  versions(projectId: string): Promise<VersionRecord[]>;
  /** A named version's objects and zones as they were (store ids); null if it does not exist. */
  versionState(projectId: string, versionId: string): Promise<VersionState | null>;
  /** The records where a version differs from live (for saving as a reverse delta). */
  versionDelta(projectId: string, versionId: string): Promise<VersionDelta>;
  /** The project's lineage uid (`meta lineage:<projectId>`; default the project id). */
  lineage(projectId: string): Promise<string>;
  /** The reviewer identity set once in the app (preference `reviewer`); null until set. */
  reviewer(): Promise<ReviewerIdentity | null>;
}

/** A project's document records in one state, as the store holds them. */
export interface VersionState {
  settings: ProjectSettings;
  objects: ProtectedObject[];
  zones: Zone[];
}

/** Per table, the records whose value in a version differs from live (value null: absent then). */
export interface VersionDelta {
  objects: { key: string; value: ProtectedObject | null }[];
  zones: { key: string; value: Zone | null }[];
}

/** A version brought from a file, a working copy or a merged review: header + its overlay. */
export interface VersionImport {
  header: VersionHeader;
  /** Records (store ids) where the version differs from live now. */
  overlay: VersionDelta;
}

/** Version writes, outside the undo history; editable projects only (tag, rename, remove). */
export interface VersionWrites {
  /** Tag the current state; resolves to the new header. */
  tagVersion(
    projectId: string,
    input: { name: string; note: string; author: ReviewerIdentity | null },
  ): Promise<VersionRecord>;
  renameVersion(projectId: string, versionId: string, name: string, note: string): Promise<void>;
  /** Remove a version; its stored records fold into the version before it. */
  removeVersion(projectId: string, versionId: string): Promise<void>;
  /** Add a version from elsewhere as a new chain point (design §2.5 "import as overlay"). */
  importVersion(projectId: string, version: VersionImport): Promise<void>;
}

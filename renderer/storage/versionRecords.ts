import type { VersionRecordRow } from './records';

/**
 * Named versions (版本) are stored copy-on-write: tagging stores a header (`versions`, records.ts
 * VersionRecord) and nothing else; the first later change of an object or zone stores its earlier
 * value once, as a `pre` row of the project's newest version (`versionRecords`, VersionRecordRow;
 * versionCapture.ts). A version's state is rebuilt from the live records and the rows
 * (versionStore.ts), so a project keeps only the records that changed.
 */
export type VersionTable = VersionRecordRow['table'];
export type VersionedRecord = NonNullable<VersionRecordRow['value']>;

export const versionKey = (projectId: string, versionId: string) => `${projectId}/${versionId}`;
export const versionRecordKey = (
  version: string,
  kind: VersionRecordRow['kind'],
  table: VersionTable,
  key: string,
) => `${version}|${kind}|${table}|${key}`;
export const isVersionTable = (table: string): table is VersionTable =>
  table === 'objects' || table === 'zones';

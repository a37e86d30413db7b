import type { GeoJsonExportOptions } from '../../shared/formats/geojson/writeGeoJson';
import type { GeoJsonImportResult } from '../../shared/formats/geojson/readGeoJson';
import type { ProjectDocument } from '../../shared/formats/projectDocument';

/** The jobs a worker can run: name → input and output. */
export interface JobTypes {
  importGeoJson: { input: { name: string; bytes: Uint8Array }; output: GeoJsonImportResult };
  exportGeoJson: { input: { document: ProjectDocument; options: GeoJsonExportOptions }; output: Uint8Array };
}
export type JobKind = keyof JobTypes;

export type JobRequest = { [K in JobKind]: { kind: K; input: JobTypes[K]['input'] } }[JobKind];

export type JobReply =
  | { type: 'progress'; fraction: number }
  | { type: 'done'; output: unknown }
  | { type: 'failed'; name: string; message: string; detail?: unknown };

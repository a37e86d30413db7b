import type { AreaGrouping, AreaStatistics } from '../../shared/analysis/areaStatistics';
import type { OverlapResult } from '../../shared/analysis/overlaps';
import type { ReadReferenceInput, ReadReferenceOutput } from '../../shared/analysis/overlapsReadReference';
import type { ReferenceLayerData } from '../../shared/analysis/overlapsReferenceLayer';
import type { ZoneGeometry } from '../../shared/domain/geometry';
import type { PackedGeometry } from '../../shared/domain/packedGeometry';
import type { DocumentZone } from '../../shared/formats/projectDocument';
import type { GeoJsonExportOptions } from '../../shared/formats/geojson/writeGeoJson';
import type { GeoJsonImportResult } from '../../shared/formats/geojson/readGeoJson';
import type { ProjectDocument } from '../../shared/formats/projectDocument';
import type { ProjectFileContent, ProjectFileWriteOptions } from '../../shared/formats/projectFile';
import type {
  ReadImportInput,
  ReadImportOutput,
  WriteExportInput,
  WriteExportOutput,
} from '../../shared/formats/mapping/types';
import type { ExportLint } from '../../shared/formats/mapping/exportLint';
import type { CadSheetInput, CadSheetOutput } from '../../shared/formats/dxf/cadSheet';
import type { DeriveRequest, DerivedShape } from '../../shared/derive/types';
import type { ReasonDetail } from './jobFailure';
import type { ObjectView, ReviewHashes, ZoneView } from '../../shared/review/contentHash';
import type { ChangeLayerOptions, CompareOptions, CompareResult } from '../../shared/review/compareTypes';
import type { ChangeReportInput, ReportOutput, ReviewReportInput } from '../../shared/review/reportTypes';

/** The jobs a worker can run: name → input and output. */
export interface JobTypes {
  importGeoJson: { input: { name: string; bytes: Uint8Array }; output: GeoJsonImportResult };
  exportGeoJson: { input: { document: ProjectDocument; options: GeoJsonExportOptions }; output: Uint8Array };
  /** Any supported file set (shapefile sidecars, .zip, .kmz, .gpkg, .dxf, tables…) → import result. */
  readImport: { input: ReadImportInput; output: ReadImportOutput };
  /** The document in any export format and field profile → files to save (+ renamed fields). */
  writeExport: { input: WriteExportInput; output: WriteExportOutput };
  /** What the planning-database QC would refuse in that export, before anything is written. */
  lintExport: { input: WriteExportInput; output: ExportLint };
}
export interface JobTypes {
  /** Zones derived from 四至 rules (shared/derive): one list of shapes per request. */
  deriveZones: { input: { requests: DeriveRequest[]; gkZone: number }; output: DerivedShape[][] };
}
export interface JobTypes {
  /** A project file (v1 JSON or v2 GeoPackage) → its content; refused files reject with FormatError. */
  readProject: { input: { name: string; bytes: Uint8Array }; output: ProjectFileContent };
  /** A project → version 2 project file bytes. */
  writeProject: {
    input: { document: ProjectDocument; options: ProjectFileWriteOptions };
    output: Uint8Array;
  };
}
export interface JobTypes {
  /** Polygon files → one packed read-only reference layer (生态保护红线, 永久基本农田, …). */
  readReferenceLayer: { input: ReadReferenceInput; output: ReadReferenceOutput };
  /** Zones × one reference layer → overlap areas (planar Gauss-Krüger). */
  overlapAnalysis: {
    input: { zones: DocumentZone[]; layer: ReferenceLayerData; gkZone: number };
    output: OverlapResult;
  };
  /** 面积统计: ellipsoidal and planar areas grouped one way, with the total. */
  areaStatistics: {
    input: { document: ProjectDocument; options: { gkZone: number; grouping: AreaGrouping } };
    output: AreaStatistics;
  };
  /** The attribute table's area column: one ellipsoidal area per zone, in input order. */
  zoneAreas: { input: { zones: { geometry: ZoneGeometry | PackedGeometry }[] }; output: number[] };
}
export interface JobTypes {
  /** Figure pages (one figure, or the atlas's page per object) → one PDF set in the embedded font. */
  /** A DXF survey sheet → packed linework and labels in lon/lat, for a CAD background. */
  readCadSheet: { input: CadSheetInput; output: CadSheetOutput };
}
export interface JobTypes {
  /** Issue 13: record hashes (document ids) and the content hash a sign-off binds to. */
  reviewHashes: { input: { objects: ObjectView[]; zones: ZoneView[] }; output: ReviewHashes };
}
export interface JobTypes {
  /** Issue 13: two states of a project (document ids) → what changed (shared/review/compare.ts). */
  compareStates: {
    input: { a: ProjectDocument; b: ProjectDocument; options: CompareOptions };
    output: CompareResult;
  };
  /** Issue 13: the change layer (WHLX 1/2/3) in Shapefile, GeoPackage or GeoJSON. */
  writeChangeLayer: {
    input: { result: CompareResult; a: ProjectDocument; b: ProjectDocument; options: ChangeLayerOptions };
    output: WriteExportOutput;
  };
}
export interface JobTypes {
  /** Issue 13: the change report (XLSX, HTML, PDF). */
  writeChangeReport: { input: ChangeReportInput; output: ReportOutput };
  /** Issue 13: the review report (审查意见: comments, decisions, sign-off). */
  writeReviewReport: { input: ReviewReportInput; output: ReportOutput };
}
export type JobKind = keyof JobTypes;

export type JobRequest = { [K in JobKind]: { kind: K; input: JobTypes[K]['input'] } }[JobKind];

export type JobReply =
  | { type: 'progress'; fraction: number }
  | { type: 'done'; output: unknown }
  | {
      type: 'failed';
      name: string;
      message: string;
      detail?: unknown;
      /** A refusal with a bilingual reason (DeriveError, OpError): see jobFailure.ts. */
      reason?: ReasonDetail;
    };

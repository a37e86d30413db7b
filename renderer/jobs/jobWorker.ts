import { readGeoJson } from '../../shared/formats/geojson/readGeoJson';
import { writeGeoJson } from '../../shared/formats/geojson/writeGeoJson';
import { deriveZones } from '../../shared/derive/deriveZones';
import { readProjectFile, writeProjectFile } from '../../shared/formats/projectFile';
import { readImport } from '../../shared/formats/mapping/readImport';
import { writeExport } from '../../shared/formats/mapping/writeExport';
import { lintExport } from '../../shared/formats/mapping/exportLint';
import { areaStatistics } from '../../shared/analysis/areaStatistics';
import { zoneAreas } from '../../shared/analysis/zoneAreas';
import { overlapAnalysis } from '../../shared/analysis/overlaps';
import { readCadSheet } from '../../shared/formats/dxf/cadSheet';
import { readReferenceLayer } from '../../shared/analysis/overlapsReadReference';
import { reviewHashes } from '../../shared/review/contentHash';
import { compareStates } from '../../shared/review/compare';
import { writeChangeLayer } from '../../shared/review/whlxLayer';
import { writeChangeReport, writeReviewReport } from '../../shared/review/report/writeReport';
import { rasterisePage } from './rasterisePage';
import type { JobKind, JobReply, JobRequest, JobTypes } from './jobTypes';
import { failureReply } from './jobFailure';

type Progress = (fraction: number) => void;
const HANDLERS: {
  [K in JobKind]: (
    input: JobTypes[K]['input'],
    progress: Progress,
  ) => JobTypes[K]['output'] | Promise<JobTypes[K]['output']>;
} = {
  readReferenceLayer: (input, progress) => readReferenceLayer(input, progress),
  overlapAnalysis: (input) => overlapAnalysis(input.zones, input.layer, { gkZone: input.gkZone }),
  areaStatistics: (input) => areaStatistics(input.document, input.options),
  zoneAreas: (input, progress) => zoneAreas(input.zones, progress),
  importGeoJson: (input, progress) => readGeoJson(input.bytes, input.name, progress),
  exportGeoJson: (input, progress) => writeGeoJson(input.document, input.options, progress),
  readImport: (input, progress) => readImport(input, progress),
  writeExport: (input, progress) => writeExport(input, progress),
  lintExport: (input, progress) => lintExport(input, progress),
  deriveZones: (input) => deriveZones(input.requests, { gkZone: input.gkZone }),
  readProject: (input) => readProjectFile(input.bytes, input.name),
  writeProject: (input, progress) => writeProjectFile(input.document, input.options, progress),
  readCadSheet: (input, progress) => readCadSheet(input, progress),
  reviewHashes: (input) => reviewHashes(input),
  compareStates: (input, progress) => compareStates(input.a, input.b, input.options, progress),
  writeChangeLayer: (input, progress) => writeChangeLayer(input, progress),
  writeChangeReport: (input) => writeChangeReport(input),
  writeReviewReport: (input) => writeReviewReport(input, rasterisePage),
};

// A dedicated worker's global scope, typed by hand (the web project compiles against DOM types).
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<JobRequest>) => void) | null;
  postMessage(message: JobReply, transfer?: Transferable[]): void;
};

/** One job per worker: the page terminates the worker to cancel, so nothing half-done survives. */
scope.onmessage = async (event) => {
  const request = event.data;
  let last = 0;
  const progress: Progress = (fraction) => {
    const now = performance.now();
    if (now - last < 100 && fraction < 1) return;
    last = now;
    scope.postMessage({ type: 'progress', fraction });
  };
  try {
    const handler = HANDLERS[request.kind] as (input: unknown, progress: Progress) => unknown;
    const output = await handler(request.input, progress);
    scope.postMessage({ type: 'done', output }, output instanceof Uint8Array ? [output.buffer] : []);
  } catch (error) {
    scope.postMessage(failureReply(error));
  }
};

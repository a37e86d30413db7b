import { FormatError } from '../../shared/formats/formatError';
import { readGeoJson } from '../../shared/formats/geojson/readGeoJson';
import { writeGeoJson } from '../../shared/formats/geojson/writeGeoJson';
import type { JobKind, JobReply, JobRequest, JobTypes } from './jobTypes';

type Progress = (fraction: number) => void;
const HANDLERS: {
  [K in JobKind]: (input: JobTypes[K]['input'], progress: Progress) => JobTypes[K]['output'];
} = {
  importGeoJson: (input, progress) => readGeoJson(input.bytes, input.name, progress),
  exportGeoJson: (input, progress) => writeGeoJson(input.document, input.options, progress),
};

// A dedicated worker's global scope, typed by hand (the web project compiles against DOM types).
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<JobRequest>) => void) | null;
  postMessage(message: JobReply, transfer?: Transferable[]): void;
};

/** One job per worker: the page terminates the worker to cancel, so nothing half-done survives. */
scope.onmessage = (event) => {
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
    const output = handler(request.input, progress);
    scope.postMessage({ type: 'done', output }, output instanceof Uint8Array ? [output.buffer] : []);
  } catch (error) {
    const detail = error instanceof FormatError ? { file: error.file, problems: error.problems } : undefined;
    scope.postMessage({
      type: 'failed',
      name: error instanceof Error ? error.name : 'Error',
      message: error instanceof Error ? error.message : String(error),
      detail,
    });
  }
};

import { parentPort, workerData } from 'node:worker_threads';
import { FormatError } from '../../shared/formats/formatError';
import type { CliOptions } from './args';
import { convertFile } from './commands';
import { info } from './info';
import { inputFiles } from './inputFiles';

/** Messages from the worker to `hzw` (main.ts). */
export type WorkerReply =
  | { type: 'progress'; fraction: number }
  | { type: 'done'; result: unknown }
  | { type: 'failed'; name: string; message: string; problems?: FormatError['problems']; file?: string };

export interface WorkerTask {
  command: 'info' | 'convert';
  input: string;
  output?: string;
  options: CliOptions;
}

const port = parentPort!;
const task = workerData as WorkerTask;
let last = 0;
const progress = (fraction: number) => {
  const now = Date.now();
  if (now - last < 200 && fraction < 1) return;
  last = now;
  port.postMessage({ type: 'progress', fraction } satisfies WorkerReply);
};

/** Parsing and writing run here, off the main thread; main.ts writes the result atomically. */
async function run(): Promise<void> {
  try {
    const result =
      task.command === 'info'
        ? await info(await inputFiles(task.input), task.options, progress)
        : await convertFile(task.input, task.output!, task.options, progress);
    // The output's bytes are handed over, not copied: a conversion's files can be large.
    const written = task.command === 'convert' ? (result as { files: { bytes: Uint8Array }[] }).files : [];
    const transfer = [...new Set(written.map((f) => f.bytes.buffer as ArrayBuffer))];
    port.postMessage({ type: 'done', result } satisfies WorkerReply, transfer);
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    port.postMessage({
      type: 'failed',
      name: e.name,
      message: e.message,
      ...(error instanceof FormatError ? { problems: error.problems, file: error.file } : {}),
    } satisfies WorkerReply);
  }
}
void run();

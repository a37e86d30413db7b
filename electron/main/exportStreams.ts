import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { MAX_EXPORT_STREAM_BYTES, MAX_EXPORT_STREAMS } from '../../shared/ipc/limits';
import type { AtomicStream } from './atomicWrite';

interface Open {
  name: string;
  file: AtomicStream;
  written: number;
  /** Writes run one after another in the order they arrived. */
  queue: Promise<void>;
}

export interface ExportStreamLimits {
  maxBytes: number;
  maxOpen: number;
}

/**
 * Exports written in pieces (file:exportStream*): the renderer holds an opaque stream id, main
 * holds the temporary file behind it. Nothing appears at the chosen path until the renderer
 * commits; an abort, a failed write, the size cap or the page going away removes the temporary
 * file and leaves whatever was at the path before.
 */
export class ExportStreams {
  private readonly open = new Map<string, Open>();

  constructor(
    private readonly openFile: (path: string) => Promise<AtomicStream>,
    private readonly limits: ExportStreamLimits = {
      maxBytes: MAX_EXPORT_STREAM_BYTES,
      maxOpen: MAX_EXPORT_STREAMS,
    },
    private readonly newId: () => string = randomUUID,
  ) {}

  /** Opens a stream to `path` (chosen by the user in a save dialog). */
  async begin(path: string): Promise<{ stream: string; name: string }> {
    if (this.open.size >= this.limits.maxOpen)
      throw new Error(
        `同时进行的导出过多（最多 ${this.limits.maxOpen} 个）。/ Too many exports at once (at most ${this.limits.maxOpen}).`,
      );
    const file = await this.openFile(path);
    const stream = this.newId();
    this.open.set(stream, { name: basename(path), file, written: 0, queue: Promise.resolve() });
    return { stream, name: basename(path) };
  }

  async write(stream: string, bytes: Uint8Array): Promise<void> {
    const entry = this.entry(stream);
    const run = entry.queue.then(async () => {
      if (entry.written + bytes.length > this.limits.maxBytes) {
        await this.drop(stream);
        throw new Error(
          `“${entry.name}”超过 ${this.limits.maxBytes / 2 ** 30} GiB，导出已取消。/ "${entry.name}" is larger than ${this.limits.maxBytes / 2 ** 30} GiB; the export was cancelled.`,
        );
      }
      entry.written += bytes.length;
      try {
        await entry.file.write(bytes);
      } catch (error) {
        this.open.delete(stream); // the stream removed its temporary file already
        throw error;
      }
    });
    entry.queue = run.catch(() => undefined);
    return run;
  }

  /** Commits (the file is in place; returns its name) or aborts (returns null). */
  async end(stream: string, commit: boolean): Promise<string | null> {
    const entry = this.entry(stream);
    await entry.queue;
    if (!this.open.has(stream))
      throw new Error(`“${entry.name}”的导出已中止。/ The export of "${entry.name}" was stopped.`);
    this.open.delete(stream);
    if (!commit) {
      await entry.file.abort();
      return null;
    }
    await entry.file.commit();
    return entry.name;
  }

  /** The page reloaded or went away: its unfinished exports are removed. */
  async abortAll(): Promise<void> {
    await Promise.all([...this.open.keys()].map((stream) => this.drop(stream)));
  }

  get openCount(): number {
    return this.open.size;
  }

  private entry(stream: string): Open {
    const entry = this.open.get(stream);
    if (!entry) throw new Error('未知或已结束的导出。/ Unknown or finished export.');
    return entry;
  }

  private async drop(stream: string): Promise<void> {
    const entry = this.open.get(stream);
    this.open.delete(stream);
    await entry?.file.abort();
  }
}

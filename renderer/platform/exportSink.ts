import type { HzwBridge } from '../../shared/ipc/bridge';
import type { ExportStreamRequest, SavedFile } from '../../shared/ipc/contract';
import { mimeTypeOfName } from '../../shared/ipc/fileTypes';
import { READ_CHUNK_BYTES } from '../../shared/ipc/limits';

/**
 * A large export written in pieces as it is produced (an atlas PDF with orthophoto pieces can
 * pass the 256 MiB a single message may carry). `close(true)` makes the file appear whole;
 * `close(false)` (cancel) leaves nothing behind.
 */
export interface ExportSink {
  write(bytes: Uint8Array): Promise<void>;
  close(commit: boolean): Promise<SavedFile | null>;
}

/**
 * Desktop: pieces are gathered up to one IPC chunk (16 MiB) and sent to main, which appends them
 * to a temporary file beside the target and renames it into place on commit.
 */
export async function desktopExportSink(
  bridge: HzwBridge,
  request: ExportStreamRequest,
): Promise<ExportSink | null> {
  const opened = await bridge.exportStreamBegin({
    suggestedName: request.suggestedName,
    filters: request.filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })),
  });
  if (!opened) return null;
  const { stream } = opened;
  let buffer = new Uint8Array(READ_CHUNK_BYTES);
  let used = 0;
  let closed = false;
  const flush = async () => {
    if (!used) return;
    const bytes = buffer.subarray(0, used);
    buffer = new Uint8Array(READ_CHUNK_BYTES);
    used = 0;
    await bridge.exportStreamWrite({ stream, bytes });
  };
  return {
    async write(bytes) {
      if (closed) throw new Error('export already closed');
      for (let at = 0; at < bytes.length;) {
        const n = Math.min(bytes.length - at, READ_CHUNK_BYTES - used);
        buffer.set(bytes.subarray(at, at + n), used);
        used += n;
        at += n;
        if (used === READ_CHUNK_BYTES) await flush();
      }
    },
    async close(commit) {
      if (closed) throw new Error('export already closed');
      closed = true;
      if (commit) await flush();
      return bridge.exportStreamEnd({ stream, commit });
    },
  };
}

/**
 * Web: pieces become Blob parts (the browser may keep them on disk rather than in the page's
 * memory) and the whole file is offered as one download when committed.
 */
export function webExportSink(request: ExportStreamRequest): ExportSink {
  let parts: Blob[] = [];
  let closed = false;
  return {
    async write(bytes) {
      if (closed) throw new Error('export already closed');
      parts.push(new Blob([bytes.slice() as Uint8Array<ArrayBuffer>]));
    },
    async close(commit) {
      if (closed) throw new Error('export already closed');
      closed = true;
      const blob = new Blob(parts, { type: mimeTypeOfName(request.suggestedName) });
      parts = [];
      if (!commit) return null;
      return downloadBlob(blob, request.suggestedName);
    },
  };
}

/** Offer a file to the browser as a download (web mode's way of saving). */
export function downloadBlob(blob: Blob, name: string): SavedFile {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { handle: null, name };
}

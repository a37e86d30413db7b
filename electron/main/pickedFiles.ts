import { randomUUID } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { PickedFileRef, ReadChunk } from '../../shared/ipc/contract';
import {
  MAX_IMPORT_FILE_BYTES,
  MAX_IMPORT_TOTAL_BYTES,
  MAX_PICKED_FILES,
  READ_CHUNK_BYTES,
} from '../../shared/ipc/limits';
import { FileReadError, readError } from './readFileCapped';

const MIB = 1024 * 1024;

interface Grant {
  path: string;
  size: number;
  /** Bytes the renderer has read so far; reading the last one drops the grant. */
  read: number;
}

export interface PickedFileCaps {
  perFile: number;
  total: number;
  chunk: number;
}

const DEFAULT_CAPS: PickedFileCaps = {
  perFile: MAX_IMPORT_FILE_BYTES,
  total: MAX_IMPORT_TOTAL_BYTES,
  chunk: READ_CHUNK_BYTES,
};

/**
 * Files the user picked for import, readable by the renderer in chunks through one-time tokens.
 * Picked files may be far larger than one IPC message (a county's farmland shapefile), so main
 * never sends them whole. Only paths the user chose in the dialog get a token; a new pick drops
 * the tokens of the previous one; sizes are capped per file and per pick before anything is read,
 * and a file that changed size while being read is refused rather than read half old, half new.
 */
export class PickedFiles {
  private grants = new Map<string, Grant>();

  constructor(private readonly caps: PickedFileCaps = DEFAULT_CAPS) {}

  /** Grant tokens for the chosen paths (in order), after checking every size cap. */
  async grant(paths: readonly string[]): Promise<PickedFileRef[]> {
    this.grants.clear();
    if (paths.length > MAX_PICKED_FILES) {
      throw new FileReadError(
        `一次最多选择 ${MAX_PICKED_FILES} 个文件（选择了 ${paths.length} 个）。/ Pick at most ${MAX_PICKED_FILES} files at once (${paths.length} were picked).`,
        'E2BIG',
      );
    }
    const sized: { path: string; size: number }[] = [];
    for (const path of paths) sized.push({ path, size: await this.sizeOf(path) });
    const total = sized.reduce((sum, f) => sum + f.size, 0);
    if (total > this.caps.total) {
      throw new FileReadError(
        `所选文件共 ${mib(total)} MB，超过一次导入的上限 ${mib(this.caps.total)} MB。/ The picked files total ${mib(total)} MB, more than the ${mib(this.caps.total)} MB one import may read.`,
        'EFBIG',
      );
    }
    return sized.map(({ path, size }) => {
      const token = randomUUID();
      this.grants.set(token, { path, size, read: 0 });
      return { name: basename(path), size, token };
    });
  }

  /** One chunk of a granted file, at most the chunk cap and never past the size granted. */
  async read({ token, offset, length }: ReadChunk): Promise<Uint8Array> {
    const grant = this.grants.get(token);
    if (!grant)
      throw new Error('该文件已不可读取，请重新选择。/ That file can no longer be read; pick it again.');
    const name = basename(grant.path);
    if (offset > grant.size)
      throw new Error(`${name}: offset ${offset} is past the end (${grant.size} bytes)`);
    const wanted = Math.min(length, this.caps.chunk, grant.size - offset);
    const bytes = new Uint8Array(wanted);
    let file;
    try {
      file = await open(grant.path, 'r');
    } catch (error) {
      this.grants.delete(token);
      throw readError(error, name);
    }
    try {
      const info = await file.stat();
      if (info.size !== grant.size) throw changed(name);
      let filled = 0;
      while (filled < wanted) {
        const { bytesRead } = await file.read(bytes, filled, wanted - filled, offset + filled);
        if (bytesRead === 0) throw changed(name);
        filled += bytesRead;
      }
    } catch (error) {
      this.grants.delete(token);
      throw error instanceof FileReadError ? error : readError(error, name);
    } finally {
      await file.close().catch(() => undefined);
    }
    grant.read = Math.max(grant.read, offset + wanted);
    if (grant.read >= grant.size) this.grants.delete(token);
    return bytes;
  }

  release(token: string): void {
    this.grants.delete(token);
  }

  /** Tokens still readable (for tests and diagnostics). */
  get outstanding(): number {
    return this.grants.size;
  }

  private async sizeOf(path: string): Promise<number> {
    const name = basename(path);
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      throw readError(error, name);
    }
    if (!info.isFile()) throw new FileReadError(`“${name}”不是文件。/ "${name}" is not a file.`, 'EISDIR');
    if (info.size > this.caps.perFile) {
      throw new FileReadError(
        `“${name}”有 ${mib(info.size)} MB，超过单个文件的上限 ${mib(this.caps.perFile)} MB。/ "${name}" is ${mib(info.size)} MB, more than the ${mib(this.caps.perFile)} MB limit per file.`,
        'EFBIG',
      );
    }
    return info.size;
  }
}

function changed(name: string): FileReadError {
  return new FileReadError(
    `“${name}”在读取时被修改，请重新选择。/ "${name}" changed while it was being read; pick it again.`,
    'ECHANGED',
  );
}

function mib(bytes: number): string {
  return (bytes / MIB).toFixed(bytes < 10 * MIB ? 1 : 0);
}

import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { MAX_MESSAGE_BYTES } from '../../shared/ipc/limits';
import { errorCode } from './saveError';

/** A file that could not be read for the renderer, worded for the user; `code` for callers. */
export class FileReadError extends Error {
  override readonly name = 'FileReadError';
  constructor(
    message: string,
    readonly code: string | undefined,
    cause?: unknown,
  ) {
    super(message, { cause });
  }
}

const MIB = 1024 * 1024;

/**
 * Read a whole file, refusing anything that is not a regular file or is larger than `maxBytes`
 * — checked before reading and again after, in case the file grew meanwhile. The default is what
 * one IPC message can carry: projects opened from the dialog, the recent list or the OS. Picked
 * imports, which may be larger, are read in chunks instead (pickedFiles.ts).
 */
export async function readFileCapped(path: string, maxBytes = MAX_MESSAGE_BYTES): Promise<Uint8Array> {
  const name = basename(path);
  const tooLarge = () =>
    new FileReadError(
      `“${name}”大于 ${maxBytes / MIB} MB，无法打开。/ "${name}" is larger than ${maxBytes / MIB} MB and cannot be opened.`,
      'EFBIG',
    );
  let file;
  try {
    file = await open(path, 'r');
  } catch (error) {
    throw readError(error, name);
  }
  try {
    const info = await file.stat();
    if (!info.isFile()) throw new FileReadError(`“${name}”不是文件。/ "${name}" is not a file.`, 'EISDIR');
    if (info.size > maxBytes) throw tooLarge();
    const bytes = await file.readFile();
    if (bytes.byteLength > maxBytes) throw tooLarge();
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } catch (error) {
    throw error instanceof FileReadError ? error : readError(error, name);
  } finally {
    await file.close().catch(() => undefined);
  }
}

/** A Node file-system error, worded for the user. */
export function readError(error: unknown, name: string): FileReadError {
  const code = errorCode(error);
  if (code === 'ENOENT')
    return new FileReadError(`找不到文件“${name}”。/ "${name}" was not found.`, code, error);
  if (code === 'EACCES' || code === 'EPERM') {
    return new FileReadError(`没有读取“${name}”的权限。/ No permission to read "${name}".`, code, error);
  }
  if (code === 'EISDIR')
    return new FileReadError(`“${name}”不是文件。/ "${name}" is not a file.`, code, error);
  return new FileReadError(
    `无法读取“${name}”（${code ?? String(error)}）。/ Could not read "${name}".`,
    code,
    error,
  );
}

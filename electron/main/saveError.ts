/** An error from a file write, worded for the user (both languages) and keeping the cause. */
export class FileSaveError extends Error {
  override readonly name = 'FileSaveError';
  constructor(
    message: string,
    readonly code: string | undefined,
    cause: unknown,
  ) {
    super(message, { cause });
  }
}

export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Word a failed save. `unchanged`: the failure came before the rename, so the target still
 * holds its previous content. `written`: the new content is in place but the folder could not
 * be flushed, so a power cut might still undo the rename. `pending`: a set's renames stopped
 * half-way after its journal was written (atomicSet.ts).
 */
export function saveError(
  error: unknown,
  name: string,
  target: 'unchanged' | 'written' | 'pending',
): FileSaveError {
  const code = errorCode(error);
  const detail = code ?? (error instanceof Error ? error.message : String(error));
  if (target === 'pending') {
    return new FileSaveError(
      `“${name}”所在的文件组未能全部替换（${detail}）；新文件已完整写入，下次写入或读取该文件夹时会补完。/ The set of "${name}" could not all be replaced (${detail}); the new files are complete on disk and the next write or read of the folder finishes the set.`,
      code,
      error,
    );
  }
  if (target === 'written') {
    return new FileSaveError(
      `“${name}”已写入，但未能确认已写入磁盘（${detail}）。/ "${name}" was written but could not be flushed to disk (${detail}).`,
      code,
      error,
    );
  }
  const kept = '原文件未改动。/ ';
  const keptEn = 'the existing file was not changed.';
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new FileSaveError(
        `磁盘空间不足，无法保存“${name}”；${kept}Not enough disk space to save "${name}"; ${keptEn}`,
        code,
        error,
      );
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new FileSaveError(
        `没有写入“${name}”的权限；${kept}No permission to write "${name}"; ${keptEn}`,
        code,
        error,
      );
    case 'EBUSY':
      return new FileSaveError(
        `“${name}”正被其他程序占用；${kept}"${name}" is in use by another program; ${keptEn}`,
        code,
        error,
      );
    case 'ENOENT':
      return new FileSaveError(
        `“${name}”所在的文件夹不存在；${kept}The folder of "${name}" no longer exists; ${keptEn}`,
        code,
        error,
      );
    default:
      return new FileSaveError(
        `无法保存“${name}”（${detail}）；${kept}Could not save "${name}" (${detail}); ${keptEn}`,
        code,
        error,
      );
  }
}

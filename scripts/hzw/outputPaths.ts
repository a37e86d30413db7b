import { lstat, readlink, realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, relative, resolve } from 'node:path';
import type { Bilingual } from '../../shared/domain/labels';

/** An output the CLI will not write; nothing of the conversion is written. */
export class OutputPathError extends Error {
  constructor(readonly reason: Bilingual) {
    super(`${reason.en} / ${reason.zh}`);
    this.name = 'OutputPathError';
  }
}

/**
 * Where each output file goes: a single file at `output` itself, several files beside it, each
 * named by the writer. Writers name files with shared/formats/safeFileName.ts; this is the last
 * check that every path lies directly in the output folder, so a name that escaped the rule (a
 * writer that forgot it) refuses the whole output instead of writing elsewhere.
 */
export function outputPaths(names: readonly string[], output: string): string[] {
  const target = resolve(output);
  if (names.length === 1) return [target];
  const folder = dirname(target);
  return names.map((name) => {
    const path = resolve(folder, name);
    const rel = relative(folder, path);
    const inside = rel !== '' && !isAbsolute(rel) && dirname(path) === folder && basename(path) === name;
    if (!inside || /[\\/\0]/.test(name) || name === '.' || name === '..')
      throw new OutputPathError({
        zh: `输出文件名“${name}”会写到输出文件夹 ${folder} 之外，未写入任何文件`,
        en: `the output file name “${name}” would be written outside the output folder ${folder}; nothing was written`,
      });
    return path;
  });
}

/**
 * Several outputs named from data: none may be an existing symbolic link that leads out of the
 * output folder (the writer writes through links, as a user who linked a file expects; a name
 * chosen by the data must not pick such a link). A single output is the user's own name.
 */
export async function refuseLinksOutside(paths: readonly string[]): Promise<void> {
  if (paths.length < 2) return;
  const folder = await realpath(dirname(paths[0]!));
  for (const path of paths) {
    const link = await lstat(path).catch(() => null);
    if (!link?.isSymbolicLink()) continue;
    const end = await realpath(path).catch(async () => resolve(dirname(path), await readlink(path)));
    if (dirname(end) !== folder)
      throw new OutputPathError({
        zh: `输出文件“${basename(path)}”是指向输出文件夹之外（${end}）的符号链接，未写入任何文件`,
        en: `the output file “${basename(path)}” is a symbolic link out of the output folder (to ${end}); nothing was written`,
      });
  }
}

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

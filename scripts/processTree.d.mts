import type { ChildProcess, SpawnOptions } from 'node:child_process';

export function startProcessTree(
  command: string,
  args: readonly string[],
  options?: SpawnOptions,
): { child: ChildProcess; stop(graceMs?: number): Promise<void> };

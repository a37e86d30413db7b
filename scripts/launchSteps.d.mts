import type { ChildProcess, SpawnSyncReturns } from 'node:child_process';

/** Why an installer run failed, in plain words (no stack trace). */
export function installFailureReason(
  result: Pick<SpawnSyncReturns<string>, 'error' | 'status' | 'stdout' | 'stderr'>,
): string;
/** Run the Electron installer quietly; null when it succeeded, else the plain reason. */
export function installElectron(installer?: string): string | null;
/** Poll a URL until the server answers; false after the timeout. */
export function waitUntilAnswering(
  url: string,
  options?: { timeoutMs?: number; intervalMs?: number },
): Promise<boolean>;
/** Start a server and log its address once it answers. */
export function serveAndAnnounce(options: {
  command: string;
  args: string[];
  url: string;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}): ChildProcess;

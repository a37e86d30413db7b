// A helper process started with its own children (npx → node vite preview, a shell's jobs) and
// stopped with all of them: killing only the direct child leaves the grandchildren running and
// the port taken.
import { spawn, spawnSync } from 'node:child_process';

const windows = process.platform === 'win32';

/**
 * Start `command` as the leader of a new process group (on Windows: a process whose tree
 * taskkill ends), so `stop` reaches every process under it.
 */
export function startProcessTree(command, args, options = {}) {
  const child = spawn(command, args, { ...options, detached: !windows });
  const exited = new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  const signalTree = (signal) => {
    if (child.pid === undefined) return;
    try {
      if (windows) spawnSync('taskkill', ['/pid', String(child.pid), '/T', '/F'], { stdio: 'ignore' });
      else process.kill(-child.pid, signal);
    } catch {
      // The group is already gone.
    }
  };
  return {
    child,
    /** End the whole tree: SIGTERM, then SIGKILL for whatever is left after `graceMs`. */
    async stop(graceMs = 3000) {
      signalTree('SIGTERM');
      let timer;
      await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, graceMs)))]);
      clearTimeout(timer);
      // The leader may exit on SIGTERM while a child ignores it: the group is signalled again.
      signalTree('SIGKILL');
    },
  };
}

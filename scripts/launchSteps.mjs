// The steps of `npm start` / `npm run web` that talk to the planner: installing Electron (its
// failure told in one plain sentence, never a stack trace) and serving web mode (the address
// printed once the server answers, not before).
import { spawn, spawnSync } from 'node:child_process';

/** Why an installer run failed, in plain words: the last error line it printed, without the stack. */
export function installFailureReason(result) {
  if (result.error) return result.error.message;
  const lines = `${result.stderr ?? ''}\n${result.stdout ?? ''}`.split('\n').map((l) => l.trim());
  const errorLine = lines.find((l) => /^[A-Za-z]*Error:/.test(l));
  const message = errorLine ? errorLine.replace(/^[A-Za-z]*Error:\s*/, '') : '';
  if (/fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|socket hang up/i.test(message))
    return 'its download failed: no connection to the download server';
  if (message) return `the installer said: ${message}`;
  return `the installer exited with ${result.status}`;
}

/**
 * Run the Electron installer with its output captured. Resolves to null when it succeeded, else
 * the plain reason it did not.
 */
export function installElectron(installer = 'node_modules/electron/install.js') {
  const result = spawnSync(process.execPath, [installer], { encoding: 'utf8', timeout: 180_000 });
  return result.error || result.status !== 0 ? installFailureReason(result) : null;
}

/** Poll `url` until the server answers (any HTTP status); false if it has not within `timeoutMs`. */
export async function waitUntilAnswering(url, { timeoutMs = 60_000, intervalMs = 200 } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(2_000) });
      return true;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
  return false;
}

/**
 * Start a server process and tell the planner its address once it answers. The server's own
 * banner (stdout) is dropped: it prints an address before the page can be served; its errors
 * (stderr) pass through. Resolves to the child process.
 */
export function serveAndAnnounce({ command, args, url, env = process.env, log = console.log }) {
  const server = spawn(command, args, { stdio: ['ignore', 'ignore', 'inherit'], env });
  let exited = false;
  server.on('exit', () => (exited = true));
  void waitUntilAnswering(url).then((answering) => {
    if (exited) return;
    if (answering) log(`\nHeritage Zone Workbench (web mode): ${url}\n`);
    else log(`\nThe web server did not answer at ${url} within a minute.\n`);
  });
  return server;
}

import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { installElectron, serveAndAnnounce } from './launchSteps.mjs';

/** A free port on 127.0.0.1 (bound, read, released). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const children: { kill(): boolean }[] = [];
afterEach(() => children.splice(0).forEach((c) => c.kill()));

describe('npm start without a network', () => {
  it('explains the failed Electron download in one plain sentence, without the stack', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hzw-install-'));
    const installer = join(dir, 'install.js');
    // What @electron/get prints when the download cannot reach the server (Node's fetch).
    writeFileSync(
      installer,
      "const e = new TypeError('fetch failed'); console.error(e.stack); process.exit(1);",
    );
    const reason = installElectron(installer);
    expect(reason).toBe('its download failed: no connection to the download server');
    expect(reason).not.toMatch(/TypeError|at .*\.js/);
  });
});

describe('web mode', () => {
  it('prints the address only once the server answers there', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/`;
    // A server that starts answering 1.5 s after it was launched, as vite preview does.
    const script = `setTimeout(() => require('node:http').createServer((q, s) => s.end('ok')).listen(${port}, '127.0.0.1'), 1500);`;
    const started = Date.now();
    const announced = new Promise<{ line: string; answered: boolean; after: number }>((resolve) => {
      const server = serveAndAnnounce({
        command: process.execPath,
        args: ['-e', script],
        url,
        log: (line) =>
          void fetch(url).then(
            () => resolve({ line, answered: true, after: Date.now() - started }),
            () => resolve({ line, answered: false, after: Date.now() - started }),
          ),
      });
      children.push(server);
    });
    const { line, answered, after } = await announced;
    expect(line).toContain(url);
    expect(answered).toBe(true);
    expect(after).toBeGreaterThanOrEqual(1500);
  }, 20_000);
});

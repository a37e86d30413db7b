import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as FakeElectron from './fakeElectron';

/**
 * The entry file's own measures, before anything else runs: the privileged scheme (without the
 * privileges that would open it to other origins or exempt it from the CSP), an explicit
 * profile folder, and one instance per profile.
 */
vi.mock('electron', () => import('./fakeElectron'));
const runWorkbench = vi.hoisted(() => vi.fn());
vi.mock('./workbenchMain', () => ({ runWorkbench }));

let recorded: typeof FakeElectron.recorded;

/** The entry file runs again as in a fresh process, against the (one) fake Electron. */
async function start(options: { lock: boolean; userDataDir?: string; env?: string }): Promise<void> {
  vi.resetModules();
  recorded = ((await import('electron')) as unknown as typeof FakeElectron).recorded;
  recorded.schemes.length = 0;
  recorded.lockRequests = 0;
  recorded.quits = 0;
  recorded.sandboxForced = false;
  recorded.userData = '/profiles/default';
  recorded.singleInstance = options.lock;
  recorded.switches = options.userDataDir ? { 'user-data-dir': options.userDataDir } : {};
  vi.stubEnv('ELECTRON_RENDERER_URL', options.env ?? '');
  await import('./index');
}

beforeEach(() => runWorkbench.mockClear());

describe('the main entry', () => {
  it('registers app:// as standard, secure and fetchable, never CORS-enabled nor CSP-bypassing', async () => {
    await start({ lock: true });
    expect(recorded.schemes).toEqual([
      [{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }],
    ]);
    const privileges = recorded.schemes[0]![0]!.privileges!;
    expect(privileges.bypassCSP).toBeUndefined();
    expect(privileges.corsEnabled).toBeUndefined();
    expect(privileges.allowServiceWorkers).toBeUndefined();
  });

  it('sandboxes every renderer process', async () => {
    await start({ lock: true });
    expect(recorded.sandboxForced).toBe(true);
  });

  it('takes the single-instance lock and starts the workbench on app:// when a packaged build holds it', async () => {
    await start({ lock: true, env: 'http://localhost:5173/' });
    expect(recorded.lockRequests).toBe(1);
    expect(recorded.quits).toBe(0);
    expect(runWorkbench).toHaveBeenCalledTimes(1);
    const [launch] = runWorkbench.mock.calls[0]!;
    expect(launch.devUrl).toBeNull();
    expect(launch.paths.preload).toMatch(/preload[\\/]index\.cjs$/);
  });

  it('quits without starting when another instance holds the profile', async () => {
    await start({ lock: false });
    expect(recorded.lockRequests).toBe(1);
    expect(recorded.quits).toBe(1);
    expect(runWorkbench).not.toHaveBeenCalled();
  });

  it('applies --user-data-dir before taking the lock, which is held per profile', async () => {
    await start({ lock: true, userDataDir: '/tmp/hzw-profile' });
    expect(recorded.userData).toBe('/tmp/hzw-profile');
  });
});

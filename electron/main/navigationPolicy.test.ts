import { describe, expect, it } from 'vitest';
import { externalLink, isAllowedNavigation, isPermissionAllowed } from './navigationPolicy';
import { preferenceViolations, secureWebPreferences } from './webPreferences';

const ORIGIN = 'app://workbench';

describe('navigation', () => {
  it('stays on our origin', () => {
    expect(isAllowedNavigation('app://workbench/index.html?lang=en', ORIGIN)).toBe(true);
    expect(isAllowedNavigation('https://example.org/', ORIGIN)).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd', ORIGIN)).toBe(false);
    expect(isAllowedNavigation('app://other/index.html', ORIGIN)).toBe(false);
    expect(isAllowedNavigation('javascript:alert(1)', ORIGIN)).toBe(false);
    expect(isAllowedNavigation('http://127.0.0.1:5173/', 'http://127.0.0.1:5173')).toBe(true);
  });

  it('offers only plain https links to the system browser', () => {
    expect(externalLink('https://example.org/a?b#c')).toBe('https://example.org/a?b#c');
    for (const url of [
      'http://example.org/',
      'file:///C:/x',
      'javascript:alert(1)',
      'https://u:p@example.org/',
      'smb://host/share',
      'nope',
    ]) {
      expect(externalLink(url), url).toBeNull();
    }
    expect(externalLink(`https://example.org/${'a'.repeat(3000)}`)).toBeNull();
  });

  it('denies every permission except persistent storage for our own origin', () => {
    expect(isPermissionAllowed('persistent-storage', 'app://workbench', ORIGIN)).toBe(true);
    expect(isPermissionAllowed('persistent-storage', 'app://workbench/index.html', ORIGIN)).toBe(true);
    expect(isPermissionAllowed('persistent-storage', 'https://example.org', ORIGIN)).toBe(false);
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fileSystem',
    ]) {
      expect(isPermissionAllowed(permission, 'app://workbench', ORIGIN), permission).toBe(false);
    }
  });
});

describe('web preferences', () => {
  const PRELOAD = '/app/out/preload/index.cjs';

  it('are sandboxed and isolated, and pass their own check', () => {
    const prefs = secureWebPreferences(PRELOAD, false);
    expect(prefs).toEqual({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: false,
      preload: PRELOAD,
    });
    expect(preferenceViolations(prefs, PRELOAD)).toEqual([]);
  });

  it('name every weakened setting', () => {
    const weak = {
      ...secureWebPreferences(PRELOAD, true),
      sandbox: false,
      nodeIntegration: true,
      webSecurity: false,
    };
    expect(preferenceViolations(weak, PRELOAD, true)).toEqual([
      'sandbox is not enabled',
      'nodeIntegration is enabled',
      'webSecurity is disabled',
    ]);
    expect(
      preferenceViolations({ ...secureWebPreferences(PRELOAD, false), preload: '/tmp/evil.js' }, PRELOAD),
    ).toEqual(['unexpected preload /tmp/evil.js']);
    expect(preferenceViolations({ contextIsolation: true, devTools: false }, PRELOAD)).toEqual([
      'sandbox is not enabled',
    ]);
    expect(preferenceViolations(null, PRELOAD)).toEqual(['no web preferences']);
  });

  // One weakening at a time: each runtime check must catch its own setting on its own.
  it.each([
    ['sandbox', false, 'sandbox is not enabled'],
    ['contextIsolation', false, 'contextIsolation is not enabled'],
    ['nodeIntegration', true, 'nodeIntegration is enabled'],
    ['nodeIntegrationInWorker', true, 'nodeIntegrationInWorker is enabled'],
    ['nodeIntegrationInSubFrames', true, 'nodeIntegrationInSubFrames is enabled'],
    ['webSecurity', false, 'webSecurity is disabled'],
    ['allowRunningInsecureContent', true, 'allowRunningInsecureContent is enabled'],
    ['webviewTag', true, 'webviewTag is enabled'],
    ['experimentalFeatures', true, 'experimentalFeatures is enabled'],
    ['devTools', true, 'DevTools are enabled in a packaged build'],
  ])('refuse %s = %s alone', (key, value, problem) => {
    const prefs = { ...secureWebPreferences(PRELOAD, false), [key]: value };
    expect(preferenceViolations(prefs, PRELOAD)).toEqual([problem]);
  });

  it('allow DevTools in development only', () => {
    const prefs = secureWebPreferences(PRELOAD, true);
    expect(preferenceViolations(prefs, PRELOAD, true)).toEqual([]);
    expect(preferenceViolations({ ...prefs, devTools: undefined }, PRELOAD)).toEqual([
      'DevTools are enabled in a packaged build',
    ]);
  });
});

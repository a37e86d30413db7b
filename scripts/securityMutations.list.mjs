// Each security measure of the desktop shell as a named source edit that removes it. The
// mutation check (scripts/securityMutations.mjs) applies them one at a time to a scratch copy
// and expects the listed tests to fail; a mutation that survives is a measure no test guards.
// `find` must occur exactly once in `file`; `fast` marks the subset `npm run test:unit` runs.
// The checklist in docs/desktop-security.md names the tests that guard each item.

const WIRING = 'electron/main/securityWiring.test.ts';
const ENTRY = 'electron/main/index.test.ts';
const MAIN = 'electron/main/workbenchMain.test.ts';
const CONTENTS = 'electron/main/contentsSecurity.test.ts';
const POLICY = 'electron/main/navigationPolicy.test.ts';
const ATOMIC = ['electron/main/atomicWrite.test.ts', 'electron/main/atomicWrite.durability.test.ts'];
const PACKAGING = 'scripts/packaging.test.ts';

const m = (name, file, find, replace, tests, fast = false) => ({
  name,
  file,
  find,
  replace,
  tests: [tests].flat(),
  fast,
});

const PREFS = 'electron/main/webPreferences.ts';
const preference = (key, line) => m(`window preference ${key}`, PREFS, line, '', [POLICY, WIRING]);
const check = (key, fast = false) =>
  m(
    `runtime check of ${key}`,
    PREFS,
    new RegExp(`^ {2}if \\(prefs\\.${key} [^\\n]*\\n`, 'm'),
    '',
    [POLICY, WIRING],
    fast,
  );

export const MUTATIONS = [
  // Origin and scheme (electron/main/index.ts, appScheme.ts)
  m('privileged scheme registered', 'electron/main/index.ts', 'registerAppScheme();\n', '', ENTRY),
  m(
    'scheme bypassCSP stays off',
    'electron/main/appScheme.ts',
    'supportFetchAPI: true }',
    'supportFetchAPI: true, bypassCSP: true }',
    ENTRY,
    true,
  ),
  m(
    'scheme corsEnabled stays off',
    'electron/main/appScheme.ts',
    'supportFetchAPI: true }',
    'supportFetchAPI: true, corsEnabled: true }',
    ENTRY,
    true,
  ),
  m('every renderer sandboxed', 'electron/main/index.ts', 'app.enableSandbox();\n', '', ENTRY),
  m(
    'single-instance lock',
    'electron/main/index.ts',
    'if (!app.requestSingleInstanceLock()) app.quit();\nelse ',
    '',
    ENTRY,
  ),
  m(
    'profile folder before the lock',
    'electron/main/index.ts',
    "if (userDataDir) app.setPath('userData', resolve(userDataDir));",
    '',
    ENTRY,
  ),
  m('app:// protocol handler', 'electron/main/workbenchMain.ts', 'await serveAppScheme(', 'void (', MAIN),
  m('CSP response header', 'electron/main/serveAppRequest.ts', "'Content-Security-Policy': csp,", '', [
    'electron/main/serveAppRequest.test.ts',
    MAIN,
  ]),
  m(
    'nosniff response header',
    'electron/main/serveAppRequest.ts',
    "'X-Content-Type-Options': 'nosniff',",
    '',
    ['electron/main/serveAppRequest.test.ts', MAIN],
  ),
  m(
    'granted files: GET and HEAD only',
    'electron/main/serveGrantedFile.ts',
    "if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method Not Allowed');",
    '',
    'electron/main/serveGrantedFile.test.ts',
  ),
  m(
    'granted route: a malformed grant path never reaches the build',
    'electron/main/appRequests.ts',
    'url.pathname.startsWith(GRANTED_PREFIX)',
    'grantOfPath(url.pathname) !== null',
    'electron/main/appRequests.test.ts',
  ),
  m(
    'GET and HEAD only',
    'electron/main/serveAppRequest.ts',
    "if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405, csp);",
    '',
    'electron/main/serveAppRequest.test.ts',
  ),
  // The raw path is checked for encoded separators, and each decoded segment again (dots,
  // separators, NUL, double encoding); URL parsing already resolves plain and %2e dot segments,
  // so removing one layer alone is invisible by design. The decoded check is the one listed.
  m(
    'decoded path segments checked',
    'electron/main/resolveAppRequest.ts',
    /^ {4}if \(segment === '\.' [^\n]*\n/m,
    '',
    'electron/main/resolveAppRequest.test.ts',
  ),
  m(
    'symlinks out of the build refused',
    'electron/main/resolveAppRequest.ts',
    'if (!isInside(real, rootReal)) return { ok: false, status: 403 };',
    '',
    'electron/main/resolveAppRequest.test.ts',
  ),
  m(
    "CSP object-src 'none'",
    'shared/security/csp.ts',
    `"object-src 'none'",`,
    '',
    'shared/security/csp.test.ts',
  ),
  m(
    "CSP frame-ancestors 'none'",
    'shared/security/csp.ts',
    `"frame-ancestors 'none'",`,
    '',
    'shared/security/csp.test.ts',
  ),
  m(
    'CSP tile origins https only',
    'shared/security/csp.ts',
    'tileOrigins.filter(isTileOrigin)',
    '[...tileOrigins]',
    'shared/security/csp.test.ts',
  ),

  // Windows: preferences as created, and checked again at runtime
  preference('sandbox', 'sandbox: true,\n'),
  preference('contextIsolation', 'contextIsolation: true,\n'),
  preference('nodeIntegration', 'nodeIntegration: false,\n'),
  preference('webSecurity', 'webSecurity: true,\n'),
  preference('webviewTag', 'webviewTag: false,\n'),
  preference('allowRunningInsecureContent', 'allowRunningInsecureContent: false,\n'),
  m(
    'DevTools off in packaged builds (window)',
    'electron/main/workbenchMain.ts',
    'devTools: dev,',
    'devTools: true,',
    WIRING,
  ),
  m(
    "DevTools' own contents let through only in development",
    'electron/main/workbenchMain.ts',
    'allowUnchecked: dev,',
    'allowUnchecked: true,',
    WIRING,
  ),
  m(
    'DevTools off in packaged builds (dev flag)',
    'electron/main/workbenchMain.ts',
    'const dev = !app.isPackaged;',
    'const dev = true;',
    WIRING,
    true,
  ),
  check('sandbox', true),
  check('contextIsolation'),
  check('nodeIntegration'),
  check('nodeIntegrationInWorker'),
  check('nodeIntegrationInSubFrames'),
  check('webSecurity'),
  check('allowRunningInsecureContent'),
  check('webviewTag'),
  check('experimentalFeatures'),
  m('runtime check of DevTools', PREFS, /^ {2}if \(!devToolsAllowed[^\n]*\n/m, '', [POLICY, WIRING], true),
  m(
    'runtime check of the preload',
    PREFS,
    "if (prefs.preload !== undefined && prefs.preload !== '' && prefs.preload !== preload) {",
    'if (false) {',
    [POLICY, WIRING],
  ),
  m(
    'weak webContents closed',
    'electron/main/contentsSecurity.ts',
    'if (!contents.isDestroyed()) contents.close();',
    '',
    [CONTENTS, WIRING],
  ),
  m(
    'runtime check installed (web-contents-created)',
    'electron/main/contentsSecurity.ts',
    "app.on('web-contents-created', (_event, contents) => guardContents(contents, policy));",
    '',
    WIRING,
    true,
  ),
  m(
    'contents security installed at start',
    'electron/main/workbenchMain.ts',
    'installContentsSecurity({',
    'void ({',
    WIRING,
    true,
  ),

  // Navigation, windows, webviews, external links
  m(
    'will-navigate guard',
    'electron/main/contentsSecurity.ts',
    "contents.on('will-navigate',",
    "contents.on('will-navigate-removed',",
    [CONTENTS, WIRING],
    true,
  ),
  m(
    'will-frame-navigate guard',
    'electron/main/contentsSecurity.ts',
    "contents.on('will-frame-navigate',",
    "contents.on('removed',",
    [CONTENTS, WIRING],
  ),
  m(
    'will-redirect guard',
    'electron/main/contentsSecurity.ts',
    "contents.on('will-redirect',",
    "contents.on('removed',",
    [CONTENTS, WIRING],
  ),
  m(
    'webview attachment refused',
    'electron/main/contentsSecurity.ts',
    "contents.on('will-attach-webview', (event) => event.preventDefault());",
    '',
    [CONTENTS, WIRING],
  ),
  m(
    'window.open denied',
    'electron/main/contentsSecurity.ts',
    "return { action: 'deny' };",
    "return { action: 'allow' };",
    [CONTENTS, WIRING],
  ),
  m(
    'external link only after confirming',
    'electron/main/contentsSecurity.ts',
    'if (response === 1) await shell.openExternal(link);',
    'await shell.openExternal(link);',
    [CONTENTS, WIRING],
  ),
  m('external link https only', 'electron/main/navigationPolicy.ts', "parsed.protocol !== 'https:' || ", '', [
    POLICY,
    CONTENTS,
  ]),
  m(
    'navigation parsed as an origin',
    'electron/main/navigationPolicy.ts',
    'return isSameOrigin(url, origin);',
    "return url.startsWith(origin) || url.startsWith('https:');",
    [POLICY, CONTENTS],
  ),

  // Permissions
  m(
    'permission request handler installed',
    'electron/main/contentsSecurity.ts',
    'ses.setPermissionRequestHandler(',
    'void (',
    WIRING,
    true,
  ),
  m(
    'permission check handler installed',
    'electron/main/contentsSecurity.ts',
    'ses.setPermissionCheckHandler(',
    'void (',
    WIRING,
    true,
  ),
  m(
    'permissions denied',
    'electron/main/navigationPolicy.ts',
    "return permission === 'persistent-storage' && isSameOrigin(requestingUrl, origin);",
    'return isSameOrigin(requestingUrl, origin);',
    [POLICY, WIRING],
  ),

  // IPC
  m(
    'IPC sender checked',
    'electron/main/ipcGuard.ts',
    'if (refusal) return { ok: false, error: refusal };',
    '',
    ['electron/main/ipcGuard.test.ts', MAIN],
  ),
  m(
    'IPC top frame only',
    'electron/main/ipcGuard.ts',
    "if (!facts.isTopFrame) return 'only the top frame may call main';",
    '',
    'electron/main/ipcGuard.test.ts',
  ),
  m('IPC payload validated', 'electron/main/ipc.ts', 'if (!checked.ok) {', 'if (!checked.ok && false) {', [
    'electron/main/ipc.test.ts',
    MAIN,
  ]),
  m(
    'IPC only from the workbench window',
    'electron/main/workbenchMain.ts',
    'isAppWindow: (contents) => window !== null && window.webContents.id === contents.id',
    'isAppWindow: () => true',
    MAIN,
  ),
  m(
    'preload exposes named functions only',
    'electron/preload/index.ts',
    'contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);',
    'contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, { ...bridge, ipcRenderer });',
    'electron/preload/index.test.ts',
  ),
  m(
    'preload hides IPC event objects',
    'electron/preload/index.ts',
    '=> listener(payload);',
    '=> (listener as (...args: unknown[]) => void)(_event, payload);',
    'electron/preload/index.test.ts',
  ),

  // Durable saves
  m(
    'temp file flushed before the rename',
    'electron/main/atomicWrite.ts',
    '    await file.sync();\n',
    '',
    ATOMIC,
    true,
  ),
  m(
    '.bak flushed before its rename',
    'electron/main/atomicWrite.ts',
    '      await copy.sync();\n',
    '',
    ATOMIC,
    true,
  ),
  m(
    'folder flushed after the rename',
    'electron/main/atomicWrite.ts',
    '    await handle.sync();\n',
    '',
    ATOMIC,
    true,
  ),
  m(
    'previous version kept as .bak',
    'electron/main/atomicWrite.ts',
    "await backUp(fs, target, join(dirname(target), tempName(basename(target), 'hzw-baktmp')), retry);",
    'void 0;',
    ATOMIC,
  ),
  m(
    'streamed export flushed before its rename',
    'electron/main/atomicWrite.ts',
    '          await out.sync();\n',
    '',
    'electron/main/exportStreams.test.ts',
  ),
  m(
    'rename retried for antivirus',
    'electron/main/atomicWrite.ts',
    "if (delay === undefined || !RETRIED.has(errorCode(error) ?? '')) throw error;",
    'throw error;',
    ATOMIC,
  ),

  // Release build (electron-builder.config.mjs, scripts/fuses.mjs)
  ...[
    'RunAsNode',
    'EnableCookieEncryption',
    'EnableNodeOptionsEnvironmentVariable',
    'EnableNodeCliInspectArguments',
    'EnableEmbeddedAsarIntegrityValidation',
    'OnlyLoadAppFromAsar',
    'GrantFileProtocolExtraPrivileges',
  ].map((fuse) =>
    m(
      `fuse ${fuse}`,
      'scripts/fuses.mjs',
      new RegExp(`^ {2}\\[FuseV1Options\\.${fuse}\\]: [^\\n]*\\n`, 'm'),
      '',
      PACKAGING,
      fuse === 'RunAsNode',
    ),
  ),
  m('fuses flipped after packing', 'electron-builder.config.mjs', '  afterPack,\n', '', PACKAGING, true),
  m('asar on', 'electron-builder.config.mjs', 'asar: true,', 'asar: false,', PACKAGING),
  m(
    'no libraries shipped from node_modules',
    'electron-builder.config.mjs',
    "'!node_modules/**',",
    '',
    PACKAGING,
  ),
  m('no source maps shipped', 'electron-builder.config.mjs', "'!**/*.map',", '', PACKAGING),
  m('no tests shipped', 'electron-builder.config.mjs', "'!**/*.test.*',", '', PACKAGING),
  m('no e2e shipped', 'electron-builder.config.mjs', "'!**/e2e/**',", '', PACKAGING),
];

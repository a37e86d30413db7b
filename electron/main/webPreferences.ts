/** The subset of Electron's WebPreferences this app sets or checks (kept free of electron). */
export interface CheckedPreferences {
  sandbox?: boolean;
  contextIsolation?: boolean;
  nodeIntegration?: boolean;
  nodeIntegrationInWorker?: boolean;
  nodeIntegrationInSubFrames?: boolean;
  webSecurity?: boolean;
  allowRunningInsecureContent?: boolean;
  webviewTag?: boolean;
  experimentalFeatures?: boolean;
  navigateOnDragDrop?: boolean;
  spellcheck?: boolean;
  devTools?: boolean;
  preload?: string;
}

/** The preferences of every window the app opens. */
export function secureWebPreferences(preload: string, devTools: boolean): CheckedPreferences {
  return {
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
    devTools,
    preload,
  };
}

/**
 * What is wrong with a webContents' effective preferences; empty when they match the policy.
 * Checked at runtime for every webContents, so a window created by any path (a future window,
 * a library, a regression) cannot run with weaker settings unnoticed. DevTools are allowed only
 * in unpackaged (development) builds.
 */
export function preferenceViolations(
  prefs: CheckedPreferences | null,
  preload: string,
  devToolsAllowed = false,
): string[] {
  if (!prefs) return ['no web preferences'];
  const problems: string[] = [];
  if (prefs.sandbox !== true) problems.push('sandbox is not enabled');
  if (prefs.contextIsolation !== true) problems.push('contextIsolation is not enabled');
  if (prefs.nodeIntegration === true) problems.push('nodeIntegration is enabled');
  if (prefs.nodeIntegrationInWorker === true) problems.push('nodeIntegrationInWorker is enabled');
  if (prefs.nodeIntegrationInSubFrames === true) problems.push('nodeIntegrationInSubFrames is enabled');
  if (prefs.webSecurity === false) problems.push('webSecurity is disabled');
  if (prefs.allowRunningInsecureContent === true) problems.push('allowRunningInsecureContent is enabled');
  if (prefs.webviewTag === true) problems.push('webviewTag is enabled');
  if (prefs.experimentalFeatures === true) problems.push('experimentalFeatures is enabled');
  if (!devToolsAllowed && prefs.devTools !== false) problems.push('DevTools are enabled in a packaged build');
  if (prefs.preload !== undefined && prefs.preload !== '' && prefs.preload !== preload) {
    problems.push(`unexpected preload ${prefs.preload}`);
  }
  return problems;
}

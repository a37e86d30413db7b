import { app, dialog, session, shell, type WebContents } from 'electron';
import type { DialogText } from './dialogText';
import { externalLink, isAllowedNavigation, isPermissionAllowed } from './navigationPolicy';
import { preferenceViolations, type CheckedPreferences } from './webPreferences';

export interface ContentsPolicy {
  /** Our origin: app://workbench, or the dev server in development. */
  origin: string;
  preload: string;
  /**
   * Development only: DevTools' own webContents are not app pages (no app preferences, or a
   * type other than the page types) and are let through, and pages may have DevTools.
   */
  allowUnchecked: boolean;
  text(): DialogText;
}

/** Electron's effective preferences of a webContents (a runtime API missing from its typings). */
function lastPreferences(contents: WebContents): CheckedPreferences | null {
  const withPrefs = contents as WebContents & { getLastWebPreferences?: () => CheckedPreferences | null };
  return withPrefs.getLastWebPreferences?.() ?? null;
}

/** The webContents types that show app pages; anything else would be DevTools or an extension. */
const PAGE_TYPES = new Set(['window', 'browserView', 'webview', 'offscreen']);

let confirming = false;

/** Ask before handing an https link to the system browser; one question at a time. */
async function offerExternal(url: string, policy: ContentsPolicy): Promise<void> {
  const link = externalLink(url);
  if (!link || confirming) return;
  confirming = true;
  try {
    const text = policy.text();
    const { response } = await dialog.showMessageBox({
      type: 'question',
      title: text.openLinkTitle,
      message: text.openLinkMessage(link),
      buttons: [text.cancel, text.openLinkConfirm],
      defaultId: 0,
      cancelId: 0,
    });
    if (response === 1) await shell.openExternal(link);
  } finally {
    confirming = false;
  }
}

/**
 * Every webContents, whoever creates it: refuse it unless its preferences match the policy,
 * keep it on our origin, never let it open windows or attach webviews.
 */
export function guardContents(contents: WebContents, policy: ContentsPolicy): void {
  const prefs = lastPreferences(contents);
  const problems = preferenceViolations(prefs, policy.preload, policy.allowUnchecked);
  if (problems.length && policy.allowUnchecked && (prefs === null || !PAGE_TYPES.has(contents.getType())))
    return;
  if (problems.length) {
    console.error(`[hzw] refused a webContents: ${problems.join('; ')}`);
    // Closed on the next turn: destroying it inside its own creation event is not safe.
    setImmediate(() => {
      if (!contents.isDestroyed()) contents.close();
    });
    return;
  }
  contents.on('will-navigate', (event) => {
    if (isAllowedNavigation(event.url, policy.origin)) return;
    event.preventDefault();
    void offerExternal(event.url, policy);
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedNavigation(event.url, policy.origin)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url, policy.origin)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    void offerExternal(url, policy);
    return { action: 'deny' };
  });
}

/** Install the policy for the whole app: permissions of the default session, every webContents. */
export function installContentsSecurity(policy: ContentsPolicy): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(isPermissionAllowed(permission, details.requestingUrl, policy.origin)),
  );
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin, policy.origin),
  );
  app.on('web-contents-created', (_event, contents) => guardContents(contents, policy));
}

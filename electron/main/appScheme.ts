import { realpath } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_SCHEME } from './appOrigin';
import { appRequestHandler, type GrantLookup } from './appRequests';
import { nodeGrantedIo } from './grantedIo';

/**
 * Must run before the app is ready. `standard` gives app://workbench a real origin (IndexedDB,
 * relative URLs), `secure` makes it a secure context, `supportFetchAPI` lets the page fetch its
 * own files (basemap, CRS data). Deliberately not `corsEnabled` (other origins could read it) nor
 * `bypassCSP`.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * Serve the renderer build over app://, and the granted background files at /_granted/<id>; the
 * CSP is read per response so new tile origins apply.
 */
export async function serveAppScheme(
  rendererFolder: string,
  csp: () => string,
  granted: GrantLookup,
): Promise<void> {
  const root = await realpath(rendererFolder).catch(() => {
    console.error(`[hzw] the renderer build is missing at ${rendererFolder}: run \`npm run build\``);
    return rendererFolder;
  });
  protocol.handle(APP_SCHEME, appRequestHandler(root, csp, granted, nodeGrantedIo));
}

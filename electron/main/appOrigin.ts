/**
 * Where the workbench lives. The origin is chosen once and never changes: IndexedDB, and with it
 * every stored project, belongs to it. (Development with `electron-vite dev` uses the dev
 * server's origin instead, and so a separate database.)
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'workbench';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * `scheme://host[:port]` of a URL, or null. Computed by hand because Node's URL reports the
 * origin of a custom scheme such as app: as "null".
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!parsed.host || parsed.username || parsed.password) return null;
  return `${parsed.protocol}//${parsed.host}`.toLowerCase();
}

export function isSameOrigin(url: string, origin: string): boolean {
  const own = originOf(url);
  return own !== null && own === origin.toLowerCase();
}

/** The dev server URL electron-vite passes in development, if it is a plain http(s) URL. */
export function devServerUrl(env: Record<string, string | undefined>, packaged: boolean): string | null {
  const value = env.ELECTRON_RENDERER_URL;
  if (packaged || !value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

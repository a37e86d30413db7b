/**
 * The Content-Security-Policy the workbench is served with, in the desktop app (as a response
 * header from the app:// protocol handler) and in web mode (as a header from the preview server).
 * Online basemap tiles are the only remote content, and only from origins the user configured.
 */
export function contentSecurityPolicy(tileOrigins: readonly string[] = []): string {
  const tiles = tileOrigins.filter(isHttpsOrigin);
  const img = ["'self'", 'data:', 'blob:', ...tiles].join(' ');
  return [
    "default-src 'self'",
    // sql.js (SQLite as WebAssembly, for GeoPackage and project files) needs to compile wasm;
    // 'wasm-unsafe-eval' allows exactly that and nothing else (no eval, no inline script).
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self'",
    "style-src 'self'",
    `img-src ${img}`,
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** An origin such as `https://tiles.example.org` — nothing else may widen the policy. */
export function isHttpsOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.origin === value && !url.username && !url.password;
  } catch {
    return false;
  }
}

/**
 * The Content-Security-Policy the workbench is served with, in the desktop app (as a response
 * header from the app:// protocol handler) and in web mode (as a header from the preview server).
 * Tile services are the only remote content, and only from the exact origins the user configured:
 * in img-src for images and in connect-src because tiles and WMTS capabilities are fetched (so a
 * 403 or an unreachable host is seen and reported on the layer). Never a wildcard.
 */
export function contentSecurityPolicy(tileOrigins: readonly string[] = []): string {
  const tiles = [...new Set(tileOrigins.filter(isTileOrigin))];
  const img = ["'self'", 'data:', 'blob:', ...tiles].join(' ');
  const connect = ["'self'", ...tiles].join(' ');
  return [
    "default-src 'self'",
    // sql.js (SQLite as WebAssembly, for GeoPackage and project files) needs to compile wasm;
    // 'wasm-unsafe-eval' allows exactly that and nothing else (no eval, no inline script).
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self'",
    "style-src 'self'",
    `img-src ${img}`,
    "font-src 'self'",
    `connect-src ${connect}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Hosts that are "potentially trustworthy" over plain http (no mixed-content block): this machine. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * A tile-service origin the policy may name: an https origin, or an http one on this machine
 * (a local tile server, the test fixtures). Exactly an origin: no path, no credentials, no
 * wildcard, nothing that could widen the policy beyond that one place.
 */
export function isTileOrigin(value: string): boolean {
  if (isHttpsOrigin(value)) return true;
  try {
    const url = new URL(value);
    return (
      url.protocol === 'http:' &&
      LOOPBACK_HOSTS.has(url.hostname) &&
      url.origin === value &&
      !url.username &&
      !url.password
    );
  } catch {
    return false;
  }
}

/**
 * Letters, digits, dots and hyphens (punycode for Chinese domain names), or an IPv6 literal. The
 * URL parser keeps `*` in a host name, and `https://*.example.org` would be a CSP wildcard.
 */
const PLAIN_HOST = /^(?:[a-z0-9-]+\.)*[a-z0-9-]+$|^\[[0-9a-f:.]+\]$/;

/** An origin such as `https://tiles.example.org` — nothing else may widen the policy. */
export function isHttpsOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (
      url.protocol === 'https:' &&
      url.origin === value &&
      !url.username &&
      !url.password &&
      PLAIN_HOST.test(url.hostname)
    );
  } catch {
    return false;
  }
}

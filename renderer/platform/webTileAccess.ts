/**
 * Web mode's side of tile services. The page cannot change its server's security policy: the
 * server reads the allowed origins at start (HZW_WEB_SETTINGS / HZW_TILE_ORIGINS, see
 * vite.web.config.ts). So "allow these origins" means: ask our own server which policy it sends,
 * and answer 'allowed' when every origin is in it, 'unsupported' otherwise (the UI then explains
 * the setting).
 */
export async function webTileOrigins(origins: readonly string[]): Promise<'allowed' | 'unsupported'> {
  if (origins.length === 0) return 'allowed';
  let policy: string | null;
  try {
    const response = await fetch(location.href, { method: 'HEAD', cache: 'no-store' });
    policy = response.headers.get('content-security-policy');
  } catch {
    return 'unsupported';
  }
  const connect = policy
    ?.split(';')
    .map((d) => d.trim().split(/\s+/))
    .find((d) => d[0] === 'connect-src');
  if (!connect) return 'unsupported';
  return origins.every((o) => connect.includes(o)) ? 'allowed' : 'unsupported';
}

/**
 * Service keys in web mode: this browser profile's local storage, outside every project (the
 * project lives in IndexedDB and travels as a file; the key does neither). Interim until the
 * layers work keeps them in the database's settings.
 */
const KEY_PREFIX = 'hzw:serviceKey:';

export const webServiceKeys = {
  async get(keyId: string): Promise<string | null> {
    return localStorage.getItem(KEY_PREFIX + keyId);
  },
  async set(keyId: string, key: string | null): Promise<void> {
    if (key === null) localStorage.removeItem(KEY_PREFIX + keyId);
    else localStorage.setItem(KEY_PREFIX + keyId, key);
  },
};

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

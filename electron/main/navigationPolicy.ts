import { isSameOrigin } from './appOrigin';

/** In-app navigation stays on our origin; everything else is refused. */
export function isAllowedNavigation(url: string, origin: string): boolean {
  return isSameOrigin(url, origin);
}

/**
 * A link the user may open in the system browser (after confirming): https only, no embedded
 * credentials, bounded length. Returns the normalised URL, or null for anything else
 * (file:, javascript:, custom schemes, http:).
 */
export function externalLink(url: string): string | null {
  if (url.length > 2048) return null;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' || parsed.username || parsed.password || !parsed.hostname) return null;
    return parsed.href;
  } catch {
    return null;
  }
}

/**
 * Permissions are denied, with one exception: persistent storage for our own origin. Without it
 * Chromium may evict the project database under disk pressure ("best effort" storage), and
 * the workbench keeps months of work there.
 */
export function isPermissionAllowed(permission: string, requestingUrl: string, origin: string): boolean {
  return permission === 'persistent-storage' && isSameOrigin(requestingUrl, origin);
}

/**
 * Background files the desktop app serves by range at `app://workbench/_granted/<grant id>`
 * (electron/main/serveGrantedFile.ts). The id is a random UUID main gave out when the user picked
 * the file; the path stays in main.
 */
export const GRANTED_PREFIX = '/_granted/';

const GRANTED_PATH = /^\/_granted\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** The URL path of a grant. */
export const grantedPath = (grant: string): string => `${GRANTED_PREFIX}${grant}`;

/** The grant id a URL path names, or null (not a grant path, or a malformed id). */
export function grantOfPath(pathname: string): string | null {
  return GRANTED_PATH.exec(pathname)?.[1] ?? null;
}

/** Grants main remembers across restarts; the oldest goes first. */
export const MAX_GRANTS = 256;

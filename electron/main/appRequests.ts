import { grantOfPath, GRANTED_PREFIX } from '../../shared/ipc/granted';
import { APP_HOST } from './appOrigin';
import type { Grant } from './grantedFiles';
import { serveAppRequest } from './serveAppRequest';
import { serveGrantedFile, type GrantedIo } from './serveGrantedFile';

export interface GrantLookup {
  get(id: string): Grant | undefined;
}

/**
 * Every app:// request: `/_granted/<uuid>` goes to the granted background files (by id; a
 * malformed id is a 404, never a path into the build), everything else to the renderer build.
 * The CSP is read per request so tile origins added later apply.
 */
export function appRequestHandler(
  rootReal: string,
  csp: () => string,
  granted: GrantLookup,
  io: GrantedIo,
): (request: Request) => Promise<Response> {
  return (request) => {
    let url: URL | null = null;
    try {
      url = new URL(request.url);
    } catch {
      // serveAppRequest answers 400
    }
    if (url && url.hostname === APP_HOST && url.pathname.startsWith(GRANTED_PREFIX)) {
      const id = grantOfPath(url.pathname);
      return serveGrantedFile(request, id === null ? undefined : granted.get(id), csp(), io);
    }
    return serveAppRequest(request, rootReal, csp());
  };
}

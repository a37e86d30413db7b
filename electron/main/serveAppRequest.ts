import { readFile } from 'node:fs/promises';
import { mimeType } from './mimeTypes';
import { resolveAppRequest } from './resolveAppRequest';

/** Headers every app:// response carries, errors included. */
export function securityHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-cache',
  };
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  500: 'Internal Server Error',
};

function refusal(status: number, csp: string): Response {
  return new Response(REASONS[status] ?? 'Error', {
    status,
    headers: { ...securityHeaders(csp), 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/**
 * Answer one app:// request from the renderer build. Read-only: GET and HEAD only. The CSP is
 * passed per request so tile origins the user adds apply to every page loaded afterwards.
 */
export async function serveAppRequest(request: Request, rootReal: string, csp: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405, csp);
  const file = await resolveAppRequest(request.url, rootReal);
  if (!file.ok) return refusal(file.status, csp);
  const headers = { ...securityHeaders(csp), 'Content-Type': mimeType(file.path) };
  if (request.method === 'HEAD') return new Response(null, { status: 200, headers });
  try {
    return new Response(new Uint8Array(await readFile(file.path)), { status: 200, headers });
  } catch {
    return refusal(500, csp);
  }
}

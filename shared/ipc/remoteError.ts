/**
 * Electron wraps an error thrown by a main-process handler as
 * "Error invoking remote method 'project:save': Error: <message>". The page shows the message to
 * the user, so the wrapper is removed and only main's own words remain.
 */
export function remoteErrorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^Error invoking remote method '[^']*': (?:[A-Za-z]*Error: )?/, '');
}

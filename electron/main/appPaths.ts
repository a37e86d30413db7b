import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Build layout: out/main/index.js (this bundle), out/preload/index.cjs, out/renderer/. Paths are
 * resolved from the main bundle's own location so they hold inside an asar archive too.
 */
export function appPaths(mainModuleUrl: string): { renderer: string; preload: string } {
  const mainDir = dirname(fileURLToPath(mainModuleUrl));
  return { renderer: resolve(mainDir, '../renderer'), preload: resolve(mainDir, '../preload/index.cjs') };
}

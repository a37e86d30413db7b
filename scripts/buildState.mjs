// Whether the renderer build in out/renderer is older than its sources.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs);
}

export function rendererBuildIsStale() {
  const built = 'out/renderer/index.html';
  if (!existsSync(built)) return true;
  const sources = ['renderer', 'shared', 'resources', 'vite.web.config.ts', 'package-lock.json'];
  return Math.max(...sources.map(newest)) > statSync(built).mtimeMs;
}

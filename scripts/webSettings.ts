import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isTileOrigin } from '../shared/security/csp.ts';
import { MAX_TILE_ORIGINS } from '../shared/ipc/limits.ts';

/**
 * Web mode's local setting: the tile-service origins the preview server's security policy
 * allows. Read once at start from a JSON file (HZW_WEB_SETTINGS, default ./hzw-web.local.json,
 * gitignored), shaped `{"tileOrigins": ["https://t0.tianditu.gov.cn", …]}`, plus the
 * space-separated HZW_TILE_ORIGINS. Anything that is not exactly an https origin (or http on
 * 127.0.0.1/localhost) is left out and reported, so the file cannot widen the policy.
 */
export interface WebSettings {
  file: string;
  tileOrigins: string[];
  refused: string[];
  problem?: string;
}

export const DEFAULT_WEB_SETTINGS = 'hzw-web.local.json';

export function readWebSettings(env: NodeJS.ProcessEnv, cwd: string): WebSettings {
  const file = resolve(cwd, env.HZW_WEB_SETTINGS || DEFAULT_WEB_SETTINGS);
  const candidates: unknown[] = (env.HZW_TILE_ORIGINS ?? '').split(/\s+/).filter(Boolean);
  let problem: string | undefined;
  let text: string | null = null;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    if (env.HZW_WEB_SETTINGS) problem = `${file} cannot be read`;
  }
  if (text !== null) {
    try {
      const json = JSON.parse(text) as { tileOrigins?: unknown };
      if (Array.isArray(json?.tileOrigins)) candidates.push(...(json.tileOrigins as unknown[]));
      else problem = `${file}: expected {"tileOrigins": ["https://…"]}`;
    } catch {
      problem = `${file} is not valid JSON`;
    }
  }
  const tileOrigins: string[] = [];
  const refused: string[] = [];
  for (const value of candidates) {
    if (typeof value === 'string' && isTileOrigin(value)) {
      if (!tileOrigins.includes(value)) tileOrigins.push(value);
    } else refused.push(String(value));
  }
  refused.push(...tileOrigins.splice(MAX_TILE_ORIGINS));
  return { file, tileOrigins, refused, ...(problem && { problem }) };
}

// Tell the planner at start which tile-service origins web mode allows, and where that is set.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export function printTileOrigins() {
  const file = resolve(process.env.HZW_WEB_SETTINGS || 'hzw-web.local.json');
  const env = (process.env.HZW_TILE_ORIGINS ?? '').split(/\s+/).filter(Boolean);
  let listed = [];
  if (existsSync(file)) {
    try {
      listed = JSON.parse(readFileSync(file, 'utf8')).tileOrigins ?? [];
    } catch {
      console.warn(`${file} is not valid JSON; no tile origins read from it`);
    }
  }
  const all = [...env, ...listed];
  if (all.length === 0) console.log(`Tile services: none allowed (add origins to ${file})`);
  else
    console.log(
      `Tile-service origins listed in ${file} and HZW_TILE_ORIGINS (exact https, or http on 127.0.0.1, are allowed): ${all.join(' ')}`,
    );
}

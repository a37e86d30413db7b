import { z } from 'zod';
import { isTileOrigin } from '../../shared/security/csp';
import { MAX_SERVICE_KEYS, MAX_TILE_ORIGINS } from '../../shared/ipc/limits';
import { ServiceKeyIdSchema, ServiceKeyValueSchema } from '../../shared/ipc/contract';
import { readJsonFile, writeJsonFile } from './jsonFile';

/** Distinct tile origins (https, or http on loopback), in the order given, at most MAX_TILE_ORIGINS. */
export function normalizeTileOrigins(values: readonly unknown[]): string[] {
  const origins: string[] = [];
  for (const value of values) {
    if (typeof value === 'string' && isTileOrigin(value) && !origins.includes(value)) origins.push(value);
  }
  return origins.slice(0, MAX_TILE_ORIGINS);
}

/** Well-formed keys only: a hand-edited file cannot put anything else into a tile URL. */
function normalizeKeys(value: unknown): Record<string, string> {
  const keys: Record<string, string> = Object.create(null) as Record<string, string>;
  if (!value || typeof value !== 'object') return keys;
  for (const [id, key] of Object.entries(value).slice(0, MAX_SERVICE_KEYS)) {
    if (ServiceKeyIdSchema.safeParse(id).success && ServiceKeyValueSchema.safeParse(key).success)
      keys[id] = key as string;
  }
  return keys;
}

const SettingsSchema = z.object({
  version: z.literal(1),
  tileOrigins: z.array(z.unknown()),
  serviceKeys: z.unknown().optional(),
});

/**
 * Desktop settings kept in `settings.json` in the profile: the tile-service origins the CSP
 * header of every app:// response allows, and the service keys (天地图 tk, a 一张图 token), which
 * belong to this installation and never to a project or an export.
 */
export class AppSettings {
  private constructor(
    private readonly file: string,
    private origins: string[],
    private keys: Record<string, string>,
  ) {}

  static async load(file: string): Promise<AppSettings> {
    const parsed = SettingsSchema.safeParse(await readJsonFile(file));
    if (!parsed.success) return new AppSettings(file, [], normalizeKeys(null));
    return new AppSettings(
      file,
      normalizeTileOrigins(parsed.data.tileOrigins),
      normalizeKeys(parsed.data.serviceKeys),
    );
  }

  tileOrigins(): readonly string[] {
    return this.origins;
  }

  async setTileOrigins(values: readonly string[]): Promise<readonly string[]> {
    const origins = normalizeTileOrigins(values);
    await this.write(origins, this.keys);
    this.origins = origins;
    return origins;
  }

  serviceKey(keyId: string): string | null {
    return Object.hasOwn(this.keys, keyId) ? this.keys[keyId]! : null;
  }

  async setServiceKey(keyId: string, key: string | null): Promise<void> {
    const keys = normalizeKeys({ ...this.keys });
    if (key === null) delete keys[keyId];
    else if (Object.keys(keys).length >= MAX_SERVICE_KEYS && !Object.hasOwn(keys, keyId))
      throw new Error(`at most ${MAX_SERVICE_KEYS} service keys`);
    else keys[keyId] = key;
    await this.write(this.origins, keys);
    this.keys = keys;
  }

  private write(origins: readonly string[], keys: Record<string, string>): Promise<void> {
    return writeJsonFile(this.file, { version: 1, tileOrigins: origins, serviceKeys: { ...keys } });
  }
}

import { z } from 'zod';
import { isHttpsOrigin } from '../../shared/security/csp';
import { MAX_TILE_ORIGINS } from '../../shared/ipc/limits';
import { readJsonFile, writeJsonFile } from './jsonFile';

/** Distinct https origins, in the order given, at most MAX_TILE_ORIGINS. */
export function normalizeTileOrigins(values: readonly unknown[]): string[] {
  const origins: string[] = [];
  for (const value of values) {
    if (typeof value === 'string' && isHttpsOrigin(value) && !origins.includes(value)) origins.push(value);
  }
  return origins.slice(0, MAX_TILE_ORIGINS);
}

const SettingsSchema = z.object({ version: z.literal(1), tileOrigins: z.array(z.unknown()) });

/**
 * Desktop settings kept in `settings.json` in the profile. Today: the online basemap origins
 * the user configured, which the CSP header of every app:// response allows for images.
 */
export class AppSettings {
  private constructor(
    private readonly file: string,
    private origins: string[],
  ) {}

  static async load(file: string): Promise<AppSettings> {
    const parsed = SettingsSchema.safeParse(await readJsonFile(file));
    return new AppSettings(file, parsed.success ? normalizeTileOrigins(parsed.data.tileOrigins) : []);
  }

  tileOrigins(): readonly string[] {
    return this.origins;
  }

  async setTileOrigins(values: readonly string[]): Promise<readonly string[]> {
    const origins = normalizeTileOrigins(values);
    await writeJsonFile(this.file, { version: 1, tileOrigins: origins });
    this.origins = origins;
    return origins;
  }
}

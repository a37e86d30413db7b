import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { MAX_GRANTS } from '../../shared/ipc/granted';
import { readJsonFile, writeJsonFile } from './jsonFile';

/** A file the user picked as a background: served by id, never named to the renderer by path. */
export interface Grant {
  id: string;
  path: string;
  size: number;
  mtimeMs: number;
}

const GrantSchema = z.object({
  id: z.uuid(),
  path: z.string().min(1).max(32_767),
  size: z.number().int().nonnegative(),
  mtimeMs: z.number().nonnegative(),
});
const GrantsFileSchema = z.object({ version: z.literal(1), grants: z.array(z.unknown()) });

/**
 * Background grants kept in `grants.json` in the profile, so a project's orthophoto is found
 * again after a restart. Only paths the user chose in a dialog get a grant; at most MAX_GRANTS
 * are kept (the least recently granted goes first); granting the same path again keeps its id.
 */
export class GrantedFiles {
  /** Changes run one after another, so two picks at once cannot lose a grant. */
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly file: string,
    private grants: Grant[],
    private readonly newId: () => string,
    private readonly max: number,
  ) {}

  static async load(file: string, newId: () => string = randomUUID, max = MAX_GRANTS): Promise<GrantedFiles> {
    const parsed = GrantsFileSchema.safeParse(await readJsonFile(file));
    const grants: Grant[] = [];
    for (const raw of parsed.success ? parsed.data.grants : []) {
      const grant = GrantSchema.safeParse(raw);
      if (grant.success && !grants.some((g) => g.id === grant.data.id || g.path === grant.data.path))
        grants.push(grant.data);
    }
    return new GrantedFiles(file, grants.slice(-max), newId, max);
  }

  get(id: string): Grant | undefined {
    return this.grants.find((g) => g.id === id);
  }

  get count(): number {
    return this.grants.length;
  }

  /** Grants `path` (or renews its grant with the size and time seen now). */
  grant(path: string, size: number, mtimeMs: number): Promise<Grant> {
    return this.serially(async () => {
      const old = this.grants.find((g) => g.path === path);
      const grant = { id: old?.id ?? this.newId(), path, size, mtimeMs };
      await this.save([...this.grants.filter((g) => g.path !== path), grant].slice(-this.max));
      return grant;
    });
  }

  /** Drops a grant (the background was removed); unknown ids are ignored. */
  forget(id: string): Promise<void> {
    return this.serially(async () => {
      if (this.get(id)) await this.save(this.grants.filter((g) => g.id !== id));
    });
  }

  private serially<T>(change: () => Promise<T>): Promise<T> {
    const run = this.queue.catch(() => undefined).then(change);
    this.queue = run;
    return run;
  }

  private async save(grants: Grant[]): Promise<void> {
    await writeJsonFile(this.file, { version: 1, grants });
    this.grants = grants;
  }
}

import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic, type AtomicFs } from './atomicWrite';

/**
 * A power cut right after a save reported success. The file system below keeps, as POSIX
 * allows, only what was flushed: a file's bytes survive once that file was fsynced, a folder's
 * entries (creations, renames) once the folder was fsynced. Whatever is not flushed is lost.
 */
interface Inode {
  data: string | null;
  durable: string | null;
}
const FOLDER = '/projects';

function powerCutFs(initial: Record<string, string>) {
  const entries = new Map<string, Inode>();
  for (const [name, text] of Object.entries(initial)) entries.set(name, { data: text, durable: text });
  let durableEntries = new Map(entries);
  const name = (path: string) => basename(path);
  const missing = (path: string) => Object.assign(new Error(`ENOENT ${path}`), { code: 'ENOENT' });

  const fs: AtomicFs = {
    async open(path, flags) {
      if (path === FOLDER) {
        const folder = { writeFile: async () => undefined, close: async () => undefined };
        return { ...folder, sync: async () => void (durableEntries = new Map(entries)) };
      }
      let inode = entries.get(name(path));
      if (flags === 'wx') entries.set(name(path), (inode = { data: '', durable: null }));
      if (!inode) throw missing(path);
      const file = inode;
      return {
        writeFile: async (bytes) => void (file.data = new TextDecoder().decode(bytes)),
        sync: async () => void (file.durable = file.data),
        close: async () => undefined,
      };
    },
    async copyFile(from, to) {
      const source = entries.get(name(from));
      if (!source) throw missing(from);
      entries.set(name(to), { data: source.data, durable: null });
    },
    async rename(from, to) {
      const inode = entries.get(name(from));
      if (!inode) throw missing(from);
      entries.delete(name(from));
      entries.set(name(to), inode);
    },
    async unlink(path) {
      entries.delete(name(path));
    },
    readdir: async () => [...entries.keys()],
    async readFile(path) {
      const inode = entries.get(name(path));
      if (!inode || inode.data === null) throw missing(path);
      return new TextEncoder().encode(inode.data);
    },
    async stat(path) {
      if (path !== FOLDER && !entries.has(name(path))) throw missing(path);
      return { mode: 0o644 };
    },
    chmod: async () => undefined,
    async realpath(path) {
      if (path !== FOLDER && !entries.has(name(path))) throw missing(path);
      return path;
    },
  };
  /** What the disk shows after the power comes back. */
  const afterPowerCut = () =>
    Object.fromEntries([...durableEntries].map(([entry, inode]) => [entry, inode.durable]));
  return { fs, afterPowerCut };
}

describe('writeFileAtomic and a power cut', () => {
  it('keeps the new file and the previous version once the save has returned', async () => {
    const disk = powerCutFs({ 'plan.hzw': 'old plan' });
    await writeFileAtomic(`${FOLDER}/plan.hzw`, new TextEncoder().encode('new plan'), { fs: disk.fs });
    expect(disk.afterPowerCut()).toEqual({ 'plan.hzw': 'new plan', 'plan.hzw.bak': 'old plan' });
  });

  it('keeps a first save of a new file', async () => {
    const disk = powerCutFs({});
    await writeFileAtomic(`${FOLDER}/new.hzw`, new TextEncoder().encode('first'), { fs: disk.fs });
    expect(disk.afterPowerCut()).toEqual({ 'new.hzw': 'first' });
  });

  it('is not fooled by the model: unflushed writes are lost', async () => {
    const disk = powerCutFs({ 'plan.hzw': 'old plan' });
    const file = await disk.fs.open(`${FOLDER}/draft.hzw`, 'wx');
    await file.writeFile(new TextEncoder().encode('draft'));
    await disk.fs.rename(`${FOLDER}/plan.hzw`, `${FOLDER}/moved.hzw`);
    expect(disk.afterPowerCut()).toEqual({ 'plan.hzw': 'old plan' });
  });
});

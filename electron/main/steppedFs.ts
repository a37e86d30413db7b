import * as nodeFs from 'node:fs/promises';
import type { AtomicFs, WritableFile } from './atomicSet';

/**
 * The real file system with `step()` called before every call (and after a file's close), so a
 * test can fail or "kill" a write at any step. `writeFile` may be replaced to inject partial
 * writes. Used by the atomic-write tests only.
 */
export function steppedFs(
  step: () => void,
  writeFile?: (handle: nodeFs.FileHandle, data: Uint8Array) => Promise<void>,
): AtomicFs {
  return {
    async open(path, flags) {
      step();
      const handle = await nodeFs.open(path, flags);
      const file: WritableFile = {
        writeFile: writeFile
          ? (data) => writeFile(handle, data)
          : async (data) => (step(), handle.writeFile(data)),
        sync: async () => (step(), handle.sync()),
        async close() {
          // The real descriptor is released either way; only the reported outcome is injected.
          await handle.close();
          step();
        },
      };
      return file;
    },
    copyFile: async (from, to) => (step(), nodeFs.copyFile(from, to)),
    rename: async (from, to) => (step(), nodeFs.rename(from, to)),
    unlink: async (path) => (step(), nodeFs.unlink(path)),
    readdir: async (path) => (step(), nodeFs.readdir(path)),
    readFile: async (path) => (step(), nodeFs.readFile(path)),
    stat: async (path) => (step(), nodeFs.stat(path)),
    chmod: async (path, mode) => (step(), nodeFs.chmod(path, mode)),
    realpath: async (path) => (step(), nodeFs.realpath(path)),
  };
}

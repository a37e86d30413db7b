import { randomUUID } from 'node:crypto';

/**
 * Paths the user granted (through a dialog, the recent list or the OS), known to the renderer
 * only by opaque handles. A handle never leaves main as a path and the renderer cannot make one
 * up: any path main writes to was chosen by the user in this session or earlier.
 */
export class FileHandles {
  private readonly byHandle = new Map<string, string>();
  private readonly byPath = new Map<string, string>();

  constructor(private readonly newHandle: () => string = randomUUID) {}

  /** The handle for a path, the same one each time the path is granted again. */
  grant(path: string): string {
    const existing = this.byPath.get(path);
    if (existing) return existing;
    const handle = this.newHandle();
    this.byHandle.set(handle, path);
    this.byPath.set(path, handle);
    return handle;
  }

  pathOf(handle: string): string | null {
    return this.byHandle.get(handle) ?? null;
  }
}

import { describe, expect, it } from 'vitest';
import { accessOf, backgroundBytes } from './fileAccess';

/** A stand-in for a browser file handle whose permission and file the test sets. */
function handle(permission: PermissionState, onRequest: PermissionState, file: () => Promise<File>) {
  const calls: string[] = [];
  const h = {
    kind: 'file',
    name: 'dom.tif',
    queryPermission: async () => (calls.push('query'), permission),
    requestPermission: async () => (calls.push('request'), onRequest),
    getFile: file,
  } as unknown as FileSystemFileHandle;
  return { h, calls };
}
const file = () => Promise.resolve(new File(['tiff bytes'], 'dom.tif'));

describe('web file access for backgrounds', () => {
  it('reads a handle only with permission, and asks for it only inside a click', async () => {
    const granted = handle('granted', 'granted', file);
    const bytes = await backgroundBytes({ handle: granted.h }, { ask: false });
    expect(await (bytes as { blob: Blob }).blob.text()).toBe('tiff bytes');

    const prompt = handle('prompt', 'granted', file);
    expect(await backgroundBytes({ handle: prompt.h }, { ask: false })).toEqual({ needsPermission: true });
    expect(prompt.calls).toEqual(['query']);
    const allowed = await backgroundBytes({ handle: prompt.h }, { ask: true });
    expect('blob' in allowed).toBe(true);
    expect(prompt.calls).toEqual(['query', 'query', 'request']);

    const refused = handle('prompt', 'denied', file);
    expect(await backgroundBytes({ handle: refused.h }, { ask: true })).toEqual({ needsPermission: true });
  });

  it('reports a file moved or deleted since as missing; a desktop grant means nothing here', async () => {
    const gone = handle('granted', 'granted', () =>
      Promise.reject(new DOMException('gone', 'NotFoundError')),
    );
    expect(await backgroundBytes({ handle: gone.h }, { ask: false })).toEqual({ missing: true });
    expect(await backgroundBytes({ grant: 'abc' }, { ask: false })).toEqual({ missing: true });
    const copy = new Blob(['copied']);
    expect(await backgroundBytes({ copy }, { ask: false })).toEqual({ blob: copy });
  });

  it('keeps a handle whatever the size, copies a small file, refuses to copy one over 256 MiB', () => {
    const big = { size: 257 * 1024 * 1024 } as File;
    const h = {} as FileSystemFileHandle;
    expect(accessOf({ name: 'dom.tif', file: big, handle: h })).toEqual({ handle: h });
    const small = new File(['x'], 'scan.jpg');
    expect(accessOf({ name: 'scan.jpg', file: small, handle: null })).toEqual({ copy: small });
    expect(() => accessOf({ name: 'dom.tif', file: big, handle: null })).toThrow(
      /"dom.tif" \(257 MB\) is larger than 256 MB: this browser cannot keep access/,
    );
  });
});

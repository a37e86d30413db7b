import { afterEach, describe, expect, it, vi } from 'vitest';
import { accessOf, backgroundBytes, pickBackgroundFiles } from './fileAccess';

afterEach(() => vi.unstubAllGlobals());

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

  it('reads a GDAL .aux.xml with histograms (300 KiB), leaves out a 2 MiB "sidecar"', async () => {
    const histogram = `<PAMDataset>${'<HistItemCounts>1|2|3</HistItemCounts>'.repeat(9000)}</PAMDataset>`;
    expect(histogram.length).toBeGreaterThan(300 * 1024);
    const files = [
      new File(['tiff'], 'dom.tif'),
      new File([histogram], 'dom.tif.aux.xml'),
      new File(['png'], 'scan.png'),
      new File(['1\n0\n0\n-1\n0\n0\n'], 'scan.pgw'),
      new File(['x'.repeat(2 * 1024 * 1024)], 'scan.prj'),
    ];
    const handles = files.map((f) => ({ kind: 'file', name: f.name, getFile: async () => f }));
    vi.stubGlobal('window', { showOpenFilePicker: async () => handles });
    const picked = await pickBackgroundFiles();
    expect(picked.map((p) => [p.name, Object.keys(p.sidecars).sort()])).toEqual([
      ['dom.tif', ['aux.xml']],
      ['scan.png', ['pgw']],
    ]);
    expect(picked[0]!.sidecars['aux.xml']).toBe(histogram);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildTekesSample } from '../../shared/sample/buildSample';
import { readProjectFile, writeProjectFile } from '../../shared/formats/projectFile';
import { openMemoryStore } from '../testing/memoryStore';
import type { Store } from '../storage/store';
import { opensForReview, rememberSaved, sha256Hex } from './fileTrust';
import { installationId } from './projectSession';

let store: Store;
afterEach(() => store.close());

/** A project file as any installation (or a hand edit) could write it, claiming `installation`. */
const fileClaiming = (installation: string) =>
  writeProjectFile(buildTekesSample(), { generator: 'test', installation });

describe('which opened project files are trusted', () => {
  it('a file whose saved_by is forged to this installation id is still a review copy', async () => {
    store = await openMemoryStore('trust-forged');
    const bytes = await fileClaiming(await installationId(store));
    expect((await readProjectFile(bytes, 'forged.hzw')).saved.installation).toBe(await installationId(store));
    expect(await opensForReview(store, bytes)).toBe(true);
  });

  it('a file this installation saved opens editable; the same file with one byte changed does not', async () => {
    store = await openMemoryStore('trust-own');
    const bytes = await fileClaiming(await installationId(store));
    await rememberSaved(store, bytes);
    expect(await opensForReview(store, bytes)).toBe(false);

    // One letter of the project name changed in place: still a valid file, but not ours.
    const text = new TextDecoder('latin1').decode(bytes);
    const at = text.indexOf('"name":"') + '"name":"'.length;
    expect(at).toBeGreaterThan(8);
    const changed = bytes.slice();
    changed[at] = changed[at]! ^ 0x01;
    const reread = await readProjectFile(changed, 'changed.hzw');
    expect(reread.settings.name).not.toBe(buildTekesSample().settings.name);
    expect(await opensForReview(store, changed)).toBe(true);
    expect(await opensForReview(store, bytes)).toBe(false);
  });

  it('another installation’s record trusts nothing of ours', async () => {
    store = await openMemoryStore('trust-mine');
    const other = await openMemoryStore('trust-other');
    const bytes = await fileClaiming('someone');
    await rememberSaved(other, bytes);
    expect(await opensForReview(other, bytes)).toBe(false);
    expect(await opensForReview(store, bytes)).toBe(true);
    other.close();
  });

  it('where the page cannot hash (not a secure context), every file is a review copy', async () => {
    store = await openMemoryStore('trust-insecure');
    const bytes = await fileClaiming(await installationId(store));
    await rememberSaved(store, bytes);
    vi.stubGlobal('crypto', { randomUUID: () => 'x' });
    try {
      expect(await opensForReview(store, bytes)).toBe(true);
    } finally {
      vi.unstubAllGlobals();
    }
    expect(await opensForReview(store, bytes)).toBe(false);
  });

  it('hashes with SHA-256', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});

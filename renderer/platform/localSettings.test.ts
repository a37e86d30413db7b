import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { readServiceKey, writeServiceKey } from './localSettings';

describe('web local settings', () => {
  it('keeps service keys across openings, trimmed, and removes an emptied one', async () => {
    const factory = new IDBFactory();
    expect(await readServiceKey('tianditu', factory)).toBeNull();
    await writeServiceKey('tianditu', '  0123abcd  ', factory);
    await writeServiceKey('county', 'token-1', factory);
    expect(await readServiceKey('tianditu', factory)).toBe('0123abcd');
    await writeServiceKey('tianditu', '', factory);
    expect(await readServiceKey('tianditu', factory)).toBeNull();
    expect(await readServiceKey('county', factory)).toBe('token-1');
  });

  it('lives outside the workbench database, so no project can carry a key', async () => {
    const factory = new IDBFactory();
    await writeServiceKey('tianditu', 'secret', factory);
    const names = (await factory.databases()).map((d) => d.name);
    expect(names).toEqual(['heritage-zone-workbench-local']);
  });
});

import { describe, expect, it } from 'vitest';
import { BRIDGE_FUNCTIONS, type HzwBridge } from './bridge';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from './channels';
import { eventContract, invokeContract, SaveRequestSchema } from './contract';
import { MAX_FILE_BYTES } from './limits';
import { remoteErrorMessage } from './remoteError';

describe('IPC contract', () => {
  it('names every channel area:verbNoun and gives each a schema', () => {
    const names = [...Object.values(INVOKE_CHANNELS), ...Object.values(EVENT_CHANNELS)];
    for (const name of names) expect(name).toMatch(/^[a-z]+:[a-z]+[A-Z][A-Za-z]*$|^[a-z]+:[a-z]+$/);
    expect(new Set(names).size).toBe(names.length);
    expect(Object.keys(invokeContract).sort()).toEqual(Object.values(INVOKE_CHANNELS).sort());
    expect(Object.keys(eventContract).sort()).toEqual(Object.values(EVENT_CHANNELS).sort());
  });

  it('carries files as bytes and handles, never as paths', () => {
    const save = { handle: null, suggestedName: 'plan.hzw', bytes: new Uint8Array([1]), filters: [] };
    expect(SaveRequestSchema.safeParse(save).success).toBe(true);
    expect(SaveRequestSchema.safeParse({ ...save, path: '/etc/passwd' }).success).toBe(false);
    expect(SaveRequestSchema.safeParse({ ...save, handle: 'C:\\plan.hzw' }).success).toBe(false);
    expect(SaveRequestSchema.safeParse({ ...save, bytes: [1, 2] }).success).toBe(false);
  });

  it('caps the bytes a request may carry', () => {
    const huge = { byteLength: MAX_FILE_BYTES + 1 };
    Object.setPrototypeOf(huge, Uint8Array.prototype);
    const save = { handle: null, suggestedName: 'plan.hzw', bytes: huge, filters: [] };
    const result = SaveRequestSchema.safeParse(save);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/larger than 512 MiB/);
  });

  it('lists every bridge function', () => {
    type Missing = Exclude<keyof HzwBridge, (typeof BRIDGE_FUNCTIONS)[number]>;
    const complete: [Missing] extends [never] ? true : false = true;
    expect(complete).toBe(true);
    expect(BRIDGE_FUNCTIONS).toHaveLength(11);
  });
});

describe('remoteErrorMessage', () => {
  it("keeps only main's own words", () => {
    const wrapped = new Error(
      "Error invoking remote method 'project:save': FileSaveError: Not enough disk space",
    );
    expect(remoteErrorMessage(wrapped)).toBe('Not enough disk space');
    expect(remoteErrorMessage(new Error("Error invoking remote method 'recent:open': Error: gone"))).toBe(
      'gone',
    );
    expect(remoteErrorMessage(new Error('plain'))).toBe('plain');
    expect(remoteErrorMessage('text')).toBe('text');
  });
});

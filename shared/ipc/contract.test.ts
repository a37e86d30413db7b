import { describe, expect, it } from 'vitest';
import { BRIDGE_FUNCTIONS, type HzwBridge } from './bridge';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from './channels';
import {
  eventContract,
  invokeContract,
  PickedFileRefsSchema,
  ReadChunkSchema,
  SaveRequestSchema,
  WindowStateSchema,
} from './contract';
import { MAX_IMPORT_FILE_BYTES, MAX_MESSAGE_BYTES, READ_CHUNK_BYTES } from './limits';
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
    const huge = { byteLength: MAX_MESSAGE_BYTES + 1 };
    Object.setPrototypeOf(huge, Uint8Array.prototype);
    const save = { handle: null, suggestedName: 'plan.hzw', bytes: huge, filters: [] };
    const result = SaveRequestSchema.safeParse(save);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/larger than 256 MiB/);
  });

  it('describes picked files by size and token, capped per file and per pick', () => {
    const token = '6f1c2a7e-8c2b-4c1e-9a57-0e4f7c6d2b11';
    const ref = (size: number) => ({ name: 'farmland.shp', size, token });
    expect(PickedFileRefsSchema.safeParse([ref(700 * 1024 * 1024)]).success).toBe(true);
    expect(PickedFileRefsSchema.safeParse([ref(MAX_IMPORT_FILE_BYTES + 1)]).success).toBe(false);
    const tooMuch = PickedFileRefsSchema.safeParse([
      ref(MAX_IMPORT_FILE_BYTES),
      ref(MAX_IMPORT_FILE_BYTES),
      ref(1),
    ]);
    expect(tooMuch.error?.issues[0]?.message).toMatch(/together are larger than 2048 MiB/);
    expect(PickedFileRefsSchema.safeParse([{ ...ref(1), path: '/etc/passwd' }]).success).toBe(false);
    expect(PickedFileRefsSchema.safeParse([{ ...ref(1), token: '../a' }]).success).toBe(false);
  });

  it('reads picked files in bounded chunks by token only', () => {
    const token = '6f1c2a7e-8c2b-4c1e-9a57-0e4f7c6d2b11';
    expect(ReadChunkSchema.safeParse({ token, offset: 0, length: READ_CHUNK_BYTES }).success).toBe(true);
    expect(ReadChunkSchema.safeParse({ token, offset: 0, length: READ_CHUNK_BYTES + 1 }).success).toBe(false);
    expect(ReadChunkSchema.safeParse({ token, offset: -1, length: 1 }).success).toBe(false);
    expect(ReadChunkSchema.safeParse({ token, offset: 0.5, length: 1 }).success).toBe(false);
    expect(ReadChunkSchema.safeParse({ token, offset: 0, length: 1, path: 'x' }).success).toBe(false);
    const chunk = invokeContract['file:readPicked'].response;
    const big = { byteLength: READ_CHUNK_BYTES + 1 };
    Object.setPrototypeOf(big, Uint8Array.prototype);
    expect(chunk.safeParse(new Uint8Array(8)).success).toBe(true);
    expect(chunk.safeParse(big).success).toBe(false);
  });

  it('streams a large export by id in pieces of at most 16 MiB, never naming a path', () => {
    const stream = '6f1c2a7e-8c2b-4c1e-9a57-0e4f7c6d2b11';
    const write = invokeContract['file:exportStreamWrite'].request;
    const big = { byteLength: READ_CHUNK_BYTES + 1 };
    Object.setPrototypeOf(big, Uint8Array.prototype);
    expect(write.safeParse({ stream, bytes: new Uint8Array(READ_CHUNK_BYTES) }).success).toBe(true);
    expect(write.safeParse({ stream, bytes: big }).success).toBe(false);
    expect(write.safeParse({ stream: '../atlas.pdf', bytes: new Uint8Array(1) }).success).toBe(false);
    const begin = invokeContract['file:exportStreamBegin'].request;
    expect(begin.safeParse({ suggestedName: 'atlas.pdf', filters: [] }).success).toBe(true);
    expect(begin.safeParse({ suggestedName: 'atlas.pdf', filters: [], path: '/tmp/a.pdf' }).success).toBe(
      false,
    );
    const end = invokeContract['file:exportStreamEnd'].request;
    expect(end.safeParse({ stream, commit: false }).success).toBe(true);
    expect(end.safeParse({ stream, commit: 'yes' }).success).toBe(false);
  });

  it('carries the review mode in the window state, optionally', () => {
    const state = {
      title: 't',
      edited: false,
      canUndo: false,
      canRedo: false,
      hasSelection: false,
      lang: 'zh',
    };
    expect(WindowStateSchema.safeParse(state).success).toBe(true);
    expect(WindowStateSchema.safeParse({ ...state, readOnly: true }).success).toBe(true);
    expect(WindowStateSchema.safeParse({ ...state, readOnly: 'yes' }).success).toBe(false);
  });

  it('lists every bridge function', () => {
    type Missing = Exclude<keyof HzwBridge, (typeof BRIDGE_FUNCTIONS)[number]>;
    const complete: [Missing] extends [never] ? true : false = true;
    expect(complete).toBe(true);
    expect(BRIDGE_FUNCTIONS).toHaveLength(20);
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

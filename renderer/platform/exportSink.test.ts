import { describe, expect, it, vi } from 'vitest';
import type { HzwBridge } from '../../shared/ipc/bridge';
import { READ_CHUNK_BYTES } from '../../shared/ipc/limits';
import { desktopExportSink, webExportSink } from './exportSink';

const STREAM = '6f1c2a7e-8c2b-4c1e-9a57-0e4f7c6d2b11';

function fakeBridge(opened = true) {
  const sent: Uint8Array[] = [];
  const bridge = {
    exportStreamBegin: vi.fn(async () => (opened ? { stream: STREAM, name: 'atlas.pdf' } : null)),
    exportStreamWrite: vi.fn(async ({ bytes }: { bytes: Uint8Array }) => void sent.push(bytes.slice())),
    exportStreamEnd: vi.fn(async ({ commit }: { commit: boolean }) =>
      commit ? { handle: null, name: 'atlas.pdf' } : null,
    ),
  };
  return { bridge: bridge as unknown as HzwBridge, calls: bridge, sent };
}

const request = { suggestedName: 'atlas.pdf', filters: [{ name: 'PDF', extensions: ['pdf'] }] };

describe('desktop export sink', () => {
  it('gathers the writer’s small pieces into messages of at most 16 MiB, in order', async () => {
    const { bridge, calls, sent } = fakeBridge();
    const sink = (await desktopExportSink(bridge, request))!;
    const piece = new Uint8Array(3 * 1024 * 1024 + 7);
    let total = 0;
    for (let i = 0; i < 12; i++) {
      piece.fill(i + 1);
      await sink.write(piece);
      total += piece.length;
    }
    expect(await sink.close(true)).toEqual({ handle: null, name: 'atlas.pdf' });
    expect(sent.every((b) => b.length <= READ_CHUNK_BYTES)).toBe(true);
    expect(sent.length).toBe(Math.ceil(total / READ_CHUNK_BYTES));
    const joined = new Uint8Array(total);
    sent.reduce((at, b) => (joined.set(b, at), at + b.length), 0);
    for (let i = 0; i < 12; i++) expect(joined[i * piece.length + 5]).toBe(i + 1);
    expect(calls.exportStreamEnd).toHaveBeenCalledWith({ stream: STREAM, commit: true });
  });

  it('cancel sends nothing more and asks main to remove the file; a cancelled dialog gives null', async () => {
    const { bridge, calls } = fakeBridge();
    const sink = (await desktopExportSink(bridge, request))!;
    await sink.write(new Uint8Array(100));
    expect(await sink.close(false)).toBeNull();
    expect(calls.exportStreamWrite).not.toHaveBeenCalled();
    expect(calls.exportStreamEnd).toHaveBeenCalledWith({ stream: STREAM, commit: false });
    await expect(sink.write(new Uint8Array(1))).rejects.toThrow(/closed/);
    expect(await desktopExportSink(fakeBridge(false).bridge, request)).toBeNull();
  });
});

describe('web export sink', () => {
  it('cancel offers no download', async () => {
    const sink = webExportSink(request);
    await sink.write(new Uint8Array([1, 2, 3]));
    expect(await sink.close(false)).toBeNull();
  });
});

import { describe, expect, it, vi } from 'vitest';

/**
 * What the page receives from the preload: one object of named functions, no ipcRenderer, no
 * channel of its own choosing, and listeners that see payloads, never IPC event objects.
 */
const fake = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoked: [] as unknown[][],
  renderer: null as unknown as {
    emit(channel: string, ...args: unknown[]): boolean;
    listenerCount(channel: string): number;
  },
}));
vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  fake.renderer = Object.assign(new Emitter(), {
    invoke: async (...args: unknown[]) => void fake.invoked.push(args),
  });
  return {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => fake.exposed.set(key, api) },
    ipcRenderer: fake.renderer,
  };
});
await import('./index');
const { BRIDGE_FUNCTIONS } = await import('../../shared/ipc/bridge');

const bridge = () => fake.exposed.get('hzw') as Record<string, (...args: unknown[]) => unknown>;

describe('the preload', () => {
  it('exposes one object of the contract’s named functions and nothing else', () => {
    expect([...fake.exposed.keys()]).toEqual(['hzw']);
    expect(Object.keys(bridge()).sort()).toEqual([...BRIDGE_FUNCTIONS].sort());
    for (const value of Object.values(bridge())) expect(typeof value).toBe('function');
    expect(Object.values(bridge())).not.toContain(fake.renderer);
  });

  it('binds each function to its own channel; the page cannot name one', async () => {
    await bridge().listRecent!('file:pick', { title: 'x' });
    expect(fake.invoked.at(-1)).toEqual(['recent:list', undefined]);
    await bridge().saveProject!({ handle: null });
    expect(fake.invoked.at(-1)).toEqual(['project:save', { handle: null }]);
  });

  it('hands listeners the payload only, and unsubscribes', () => {
    const seen: unknown[][] = [];
    const off = bridge().onMenuCommand!((...args: unknown[]) => seen.push(args)) as () => void;
    fake.renderer.emit('menu:command', { sender: fake.renderer, ports: [] }, 'file.save');
    expect(seen).toEqual([['file.save']]);
    off();
    fake.renderer.emit('menu:command', {}, 'file.open');
    expect(seen).toHaveLength(1);
    expect(fake.renderer.listenerCount('menu:command')).toBe(0);
  });
});

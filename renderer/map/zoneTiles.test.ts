import { describe, expect, it } from 'vitest';
import type { Box } from '../../shared/geometry/spatialIndex';
import { KeptTiles, waitFor, ZONE_TILE_GRID, type Drawing } from './zoneTiles';

/** Tiles of 100 map units side by side along x: tile i covers [100 i, 100 (i + 1)]. */
const tile = (i: number): Box => [100 * i, 0, 100 * (i + 1), 100];

describe('zone tiles kept between changes', () => {
  it('hands back untouched tiles and forgets those under a changed zone, outline width included', () => {
    const kept = new KeptTiles<string>();
    for (let i = 0; i < 4; i++) kept.keep(`t${i}`, tile(i), kept.now, `bitmap ${i}`);
    // A zone inside tile 1, its box 1 unit short of tile 2: its outline still reaches into tile 2.
    expect(kept.change([[130, 20, 199, 80]])).toBe(true);
    expect(['t0', 't1', 't2', 't3'].map((k) => kept.get(k))).toEqual([
      'bitmap 0',
      undefined,
      undefined,
      'bitmap 3',
    ]);
    expect(kept.change('all')).toBe(true);
    expect(kept.get('t0')).toBeUndefined();
  });

  it('does not keep a bitmap asked for before a change that touched its tile', () => {
    const kept = new KeptTiles<string>();
    const asked = kept.now;
    kept.change([[10, 10, 20, 20]]);
    kept.keep('t0', tile(0), asked, 'drawn before the change');
    kept.keep('t3', tile(3), asked, 'elsewhere');
    expect(kept.get('t0')).toBeUndefined();
    expect(kept.get('t3')).toBe('elsewhere');
  });

  it('tells a change that redraws nothing', () => {
    const kept = new KeptTiles<string>();
    kept.keep('t0', tile(0), kept.now, 'b');
    expect(kept.change([])).toBe(false);
    expect(kept.get('t0')).toBe('b');
  });
});

describe('zone tile grid', () => {
  it('has a level within 4.5 % of any view resolution, so a tile is never stretched more', () => {
    for (const zoom of [3.3, 9.02, 12.5, 17.77, 21.9]) {
      const resolution = 156543.03392804097 / 2 ** zoom;
      const z = ZONE_TILE_GRID.getZForResolution(resolution, 0);
      const ratio = ZONE_TILE_GRID.getResolution(z) / resolution;
      expect(Math.abs(Math.log2(ratio))).toBeLessThanOrEqual(1 / 16 + 1e-9);
    }
  });
});

describe('a tile drawing shared by the tiles asking for it', () => {
  const shared = () => {
    let finish!: (bitmap: string) => void;
    const drawing = {
      reach: tile(0),
      waiters: 0,
      cancelled: 0,
      bitmap: new Promise<string>((resolve) => (finish = resolve)),
      cancel() {
        this.cancelled++;
      },
    };
    return { drawing, finish };
  };

  it('gives every waiting tile the one bitmap', async () => {
    const { drawing, finish } = shared();
    const a = waitFor(drawing as unknown as Drawing, new AbortController().signal);
    const b = waitFor(drawing as unknown as Drawing, new AbortController().signal);
    finish('bitmap');
    expect(await Promise.all([a, b])).toEqual(['bitmap', 'bitmap']);
    expect(drawing.cancelled).toBe(0);
  });

  it('settles a disposed tile at once and cancels the drawing only when the last tile leaves', async () => {
    const { drawing, finish } = shared();
    const first = new AbortController();
    const second = new AbortController();
    const a = waitFor(drawing as unknown as Drawing, first.signal);
    const b = waitFor(drawing as unknown as Drawing, second.signal);
    first.abort();
    await expect(a).rejects.toThrow('no longer needed');
    expect(drawing.cancelled).toBe(0);
    second.abort();
    await expect(b).rejects.toThrow('no longer needed');
    expect(drawing.cancelled).toBe(1);
    finish('late');
  });
});

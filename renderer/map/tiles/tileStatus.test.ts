import { describe, expect, it } from 'vitest';
import type { LayerStatus } from '../../../shared/domain/backgrounds';
import { TileStatusTracker } from './tileStatus';

describe('TileStatusTracker', () => {
  it('reports a refused key after three 403 tiles, in the planner’s words', () => {
    const tracker = new TileStatusTracker();
    const seen: LayerStatus[] = [];
    tracker.onStatus((s) => seen.push(s));
    tracker.failed(403);
    tracker.failed(403);
    expect(tracker.status().state).toBe('loading');
    tracker.failed(403);
    expect(tracker.status()).toMatchObject({
      state: 'error',
      http: 403,
      message: { zh: '密钥无效或无权限 (HTTP 403)' },
    });
    tracker.failed(403);
    expect(seen).toHaveLength(1);
  });

  it('takes a few missing tiles calmly, and says when nothing answers', () => {
    const tracker = new TileStatusTracker();
    tracker.loaded();
    for (let i = 0; i < 5; i++) tracker.failed(404);
    expect(tracker.status().state).toBe('ready');
    for (let i = 0; i < 3; i++) tracker.failed(0);
    expect(tracker.status().message?.en).toMatch(/Cannot reach/);
    tracker.loaded();
    expect(tracker.status()).toEqual({ state: 'ready' });
  });
});

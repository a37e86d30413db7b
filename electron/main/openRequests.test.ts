import { describe, expect, it } from 'vitest';
import { OpenRequestQueue } from './openRequests';

describe('OpenRequestQueue', () => {
  it('holds requests until the page listens, then delivers them once, in order', () => {
    const delivered: string[] = [];
    const queue = new OpenRequestQueue((path) => delivered.push(path));
    queue.request('/a.hzw');
    queue.request('/b.hzw');
    queue.request('/a.hzw');
    expect(delivered).toEqual([]);
    queue.markReady();
    expect(delivered).toEqual(['/a.hzw', '/b.hzw']);
    queue.markReady();
    expect(delivered).toEqual(['/a.hzw', '/b.hzw']);
  });

  it('delivers at once while ready and holds again after the page goes away', () => {
    const delivered: string[] = [];
    const queue = new OpenRequestQueue((path) => delivered.push(path));
    queue.markReady();
    queue.request('/now.hzw');
    expect(delivered).toEqual(['/now.hzw']);
    queue.markNotReady();
    queue.request('/later.hzw');
    expect(queue.waiting).toEqual(['/later.hzw']);
    queue.markReady();
    expect(delivered).toEqual(['/now.hzw', '/later.hzw']);
  });
});

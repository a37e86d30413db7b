import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN, devServerUrl, isSameOrigin, originOf } from './appOrigin';

describe('origins', () => {
  it('computes the origin of our custom scheme (Node would say "null")', () => {
    expect(originOf(APP_ENTRY_URL)).toBe('app://workbench');
    expect(originOf('http://127.0.0.1:5173/index.html?x')).toBe('http://127.0.0.1:5173');
    expect(originOf('not a url')).toBeNull();
    expect(originOf('https://user:pw@example.org/')).toBeNull();
    expect(originOf('about:blank')).toBeNull();
  });

  it('compares origins exactly, port included', () => {
    expect(isSameOrigin('app://workbench/assets/x.js', APP_ORIGIN)).toBe(true);
    expect(isSameOrigin('app://workbench.evil.org/', APP_ORIGIN)).toBe(false);
    expect(isSameOrigin('app://evil/', APP_ORIGIN)).toBe(false);
    expect(isSameOrigin('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
  });

  it('uses the dev server only when not packaged and only for http(s)', () => {
    expect(devServerUrl({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, false)).toBe(
      'http://localhost:5173/',
    );
    expect(devServerUrl({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, true)).toBeNull();
    expect(devServerUrl({ ELECTRON_RENDERER_URL: 'file:///tmp/index.html' }, false)).toBeNull();
    expect(devServerUrl({}, false)).toBeNull();
  });
});

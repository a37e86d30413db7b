import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, isHttpsOrigin } from './csp';

const directives = (policy: string) =>
  new Map(policy.split('; ').map((d) => [d.split(' ')[0]!, d.split(' ').slice(1)] as const));

describe('content security policy', () => {
  it('allows scripts from the app only, plus WebAssembly compilation and nothing else', () => {
    const script = directives(contentSecurityPolicy()).get('script-src');
    expect(script).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(contentSecurityPolicy()).not.toMatch(/'unsafe-eval'|'unsafe-inline'/);
  });

  it('locks down objects, base, forms and framing', () => {
    const policy = directives(contentSecurityPolicy());
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('worker-src')).toEqual(["'self'"]);
  });

  it('adds only configured https tile origins to img-src', () => {
    const policy = directives(
      contentSecurityPolicy([
        'https://tiles.example.org',
        'http://plain.example',
        "https://x.org 'unsafe-inline'",
      ]),
    );
    expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'blob:', 'https://tiles.example.org']);
    expect(isHttpsOrigin('https://user:pw@tiles.example.org')).toBe(false);
  });
});

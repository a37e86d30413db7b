import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, isHttpsOrigin, isTileOrigin } from './csp';

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

  it('adds only configured https (or loopback http) tile origins, to img-src and connect-src', () => {
    const policy = directives(
      contentSecurityPolicy([
        'https://tiles.example.org',
        'http://plain.example',
        "https://x.org 'unsafe-inline'",
        'http://127.0.0.1:5216',
        'https://*.example.org',
        'https:',
        'https://tiles.example.org/path',
      ]),
    );
    const tiles = ['https://tiles.example.org', 'http://127.0.0.1:5216'];
    expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'blob:', ...tiles]);
    expect(policy.get('connect-src')).toEqual(["'self'", ...tiles]);
    expect(isHttpsOrigin('https://user:pw@tiles.example.org')).toBe(false);
  });

  it('takes plain http only from this machine', () => {
    expect(isTileOrigin('http://localhost:8080')).toBe(true);
    expect(isTileOrigin('http://[::1]:8080')).toBe(true);
    expect(isTileOrigin('http://127.0.0.1')).toBe(true);
    expect(isTileOrigin('http://192.168.1.5')).toBe(false);
    expect(isTileOrigin('http://127.0.0.1.example.org')).toBe(false);
    expect(isTileOrigin('http://user@127.0.0.1')).toBe(false);
    expect(isTileOrigin('https://t0.tianditu.gov.cn')).toBe(true);
  });
});

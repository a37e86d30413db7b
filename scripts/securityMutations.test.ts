import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyMutation, runMutations, staleMutations } from './securityMutations.mjs';
import { MUTATIONS } from './securityMutations.list.mjs';

/**
 * The mutation check, kept honest: every listed removal still applies to the sources, and the
 * fast subset (the measures whose wiring once went unnoticed) is caught by the tests. The whole
 * list runs with `npm run test:mutations` (73 edits, 3 to 5 minutes on two cores).
 */
describe('the security mutation check', () => {
  it('applies each removal to exactly one place in today’s sources, guarded by tests that exist', async () => {
    expect(await staleMutations()).toEqual([]);
    for (const mutation of MUTATIONS) {
      for (const test of mutation.tests) expect(existsSync(test), `${mutation.name}: ${test}`).toBe(true);
    }
    expect(new Set(MUTATIONS.map((m) => m.name)).size).toBe(MUTATIONS.length);
  });

  it('refuses a removal whose text is ambiguous', () => {
    const mutation = { ...MUTATIONS[0]!, find: 'x', replace: '' };
    expect(applyMutation('x x', mutation)).toBeNull();
    expect(applyMutation('a x b', mutation)).toBe('a  b');
  });

  it('sees the fast subset fail the tests: permissions, navigation, runtime checks, scheme, DevTools, fsyncs, fuses', async () => {
    const fast = MUTATIONS.filter((m) => m.fast);
    expect(fast.length).toBeGreaterThanOrEqual(12);
    const results = await runMutations(fast, () => undefined);
    expect(results.filter((r) => r.outcome !== 'killed')).toEqual([]);
  }, 240_000);
});

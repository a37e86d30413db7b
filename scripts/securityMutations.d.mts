import type { Mutation } from './securityMutations.list.mjs';

export function occurrences(text: string, find: string | RegExp): number;
export function applyMutation(text: string, mutation: Mutation): string | null;
/** Names of the mutations whose text is missing or ambiguous in the checkout at `root`. */
export function staleMutations(mutations?: Mutation[], root?: string): Promise<string[]>;
export function runMutations(
  mutations: Mutation[],
  log?: (line: string) => void,
): Promise<{ name: string; outcome: 'killed' | 'survived' | 'stale' }[]>;

/** One security measure, removed by replacing `find` (found exactly once in `file`) with `replace`. */
export interface Mutation {
  name: string;
  file: string;
  find: string | RegExp;
  replace: string;
  /** The tests that must fail once the measure is gone. */
  tests: string[];
  /** Part of the subset the unit tests run. */
  fast: boolean;
}
export const MUTATIONS: Mutation[];

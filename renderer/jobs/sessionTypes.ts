import type { JobReply } from './jobTypes';

/** What a session worker can be asked: call name → input and output (like JobTypes). */
export type SessionTypes<T> = Record<keyof T, { input: unknown; output: unknown }>;

/** One call to a session worker; replies carry its id. */
export interface SessionCall {
  id: number;
  kind: string;
  input: unknown;
}

export type SessionReply = JobReply & { id: number };

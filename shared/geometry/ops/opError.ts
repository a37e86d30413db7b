import type { Bilingual } from '../../domain/labels';

/** A geometry operation that cannot give a usable result; the reason is shown to the user. */
export class OpError extends Error {
  constructor(
    readonly operation: string,
    readonly reason: Bilingual,
  ) {
    super(`${operation}: ${reason.en}`);
    this.name = 'OpError';
  }
}

import type { Bilingual } from '../domain/labels';

/** Bad derivation input: names the parameter and the reason; `at` adds the request number. */
export class DeriveError extends Error {
  constructor(
    readonly field: string,
    readonly reason: Bilingual,
    readonly request: number | null = null,
  ) {
    super(`${request === null ? '' : `request #${request} `}${field}: ${reason.en}`);
    this.name = 'DeriveError';
  }

  at(request: number): DeriveError {
    return new DeriveError(this.field, this.reason, request);
  }
}

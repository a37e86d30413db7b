import type { Bilingual } from '../domain/labels';

/** One refused item of an input file: which feature or record, which field, and why. */
export interface InputProblem {
  /** 0-based index of the feature or record in the file; null for the file as a whole. */
  index: number | null;
  /** The field or member concerned, e.g. `properties.zone_type` or `geometry`. */
  field: string;
  reason: Bilingual;
}

/** A file refused as a whole (wrong format, newer version, damaged); nothing is imported. */
export class FormatError extends Error {
  constructor(
    readonly file: string,
    readonly problems: InputProblem[],
  ) {
    super(
      `${file}: ${problems.map((p) => `${p.index === null ? '' : `#${p.index} `}${p.field}: ${p.reason.en}`).join('; ')}`,
    );
    this.name = 'FormatError';
  }
}

export function fileProblem(field: string, reason: Bilingual): InputProblem {
  return { index: null, field, reason };
}

import { allowedInXml } from '../text/markup';

/** A1-style reference of a 0-based row and column: (0, 0) → A1, (9, 27) → AB10. */
export function cellRef(row: number, column: number): string {
  let letters = '';
  for (let c = column + 1; c > 0; c = Math.floor((c - 1) / 26)) {
    letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
  }
  return `${letters}${row + 1}`;
}

const MAX_SHEET_NAME = 31;

/**
 * Sheet names Excel accepts: without []:*?/\, not starting or ending with an apostrophe, at most
 * 31 characters, not empty, unique regardless of case (a repeat gets " (2)", " (3)"…).
 */
export function sheetNames(wanted: readonly string[]): string[] {
  const used = new Set<string>();
  return wanted.map((name, i) => {
    const clean =
      [
        ...[...name]
          .map((ch) => (ch < ' ' || !allowedInXml(ch) ? '_' : ch))
          .join('')
          .replace(/[[\]:*?/\\]/g, '_')
          .replace(/^'+|'+$/g, '')
          .trim(),
      ]
        .slice(0, MAX_SHEET_NAME)
        .join('') || `Sheet${i + 1}`;
    let candidate = clean;
    for (let k = 2; used.has(candidate.toLowerCase()); k++) {
      const suffix = ` (${k})`;
      candidate = [...clean].slice(0, MAX_SHEET_NAME - suffix.length).join('') + suffix;
    }
    used.add(candidate.toLowerCase());
    return candidate;
  });
}

import { encodeText, UnencodableTextError } from '../text/encoding';

/**
 * dBase field names hold at most 10 bytes in the table's encoding: a Chinese character takes 2
 * bytes in GBK and 3 in UTF-8, so "文物保护单位名称" becomes "文物保护单" in GBK and "文物保" in
 * UTF-8. Truncation never splits a character; names are kept unique case-insensitively by
 * replacing the tail with _1, _2 … (within the 10 bytes). Characters the encoding lacks become '_'.
 */
export const MAX_FIELD_NAME_BYTES = 10;

export interface Renamed {
  layer: string;
  from: string;
  to: string;
}

const byteLength = (text: string, encoding: 'gbk' | 'utf-8') => encodeText(text, encoding).length;

function truncate(text: string, maxBytes: number, encoding: 'gbk' | 'utf-8'): string {
  let out = '';
  let used = 0;
  for (const ch of text) {
    const n = byteLength(ch, encoding);
    if (used + n > maxBytes) break;
    out += ch;
    used += n;
  }
  return out;
}

function encodable(name: string, encoding: 'gbk' | 'utf-8'): string {
  let out = '';
  for (const ch of name) {
    try {
      encodeText(ch, encoding);
      out += ch;
    } catch (error) {
      if (!(error instanceof UnencodableTextError)) throw error;
      out += '_';
    }
  }
  return out;
}

/** Final .dbf names for the given names, in order, with the list of those that changed. */
export function dbfFieldNames(
  layer: string,
  names: readonly string[],
  encoding: 'gbk' | 'utf-8',
): { names: string[]; renamed: Renamed[] } {
  const taken = new Set<string>();
  const renamed: Renamed[] = [];
  const out = names.map((from, i) => {
    const clean = encodable(from.replace(/[\0\s]+/g, '_'), encoding) || `FIELD_${i + 1}`;
    let to = truncate(clean, MAX_FIELD_NAME_BYTES, encoding);
    for (let k = 1; taken.has(to.toLowerCase()); k++) {
      const suffix = `_${k}`;
      to = truncate(clean, MAX_FIELD_NAME_BYTES - suffix.length, encoding) + suffix;
    }
    taken.add(to.toLowerCase());
    if (to !== from) renamed.push({ layer, from, to });
    return to;
  });
  return { names: out, renamed };
}

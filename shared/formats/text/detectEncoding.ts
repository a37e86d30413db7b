import type { TextEncodingName } from './encoding';

/**
 * Guess the encoding of text bytes that declare none (a .dbf with header byte 0 or 0x57 "ANSI" and
 * no .cpg, a DXF, a coordinate table): UTF-8, GBK or windows-1252 (Latin-1).
 *
 * - Pure ASCII, or valid UTF-8 with non-ASCII content, is UTF-8 (GBK and Latin-1 text is almost
 *   never valid UTF-8).
 * - Otherwise every run of bytes ≥ 0x80 votes. Read as GBK, a run is a sequence of two-byte
 *   characters: GB2312 level-1 hanzi (lead 0xB0–0xD7, the 3 755 most frequent characters, which
 *   make up almost all Chinese place names) count 3, other GB2312 characters (symbols, level-2
 *   hanzi) 1, GBK extension characters (trail byte below 0xA1, which a Latin letter followed by an
 *   ASCII letter looks like) 0, and a byte sequence GBK cannot hold −3. Read as Latin-1, a run of
 *   one or two accented letters (Ü, ø, çã) touching an ASCII letter is how European words look
 *   ("Zürich", "Nação"): 1 per letter, 2 when ASCII letters sit on both sides.
 *   The larger total wins; a tie with Chinese evidence goes to GBK.
 *
 * Short names decide correctly: 乌苏 (CEDA CBD5: two level-1 hanzi, 6 : 0), Zürich (FC 72 is a GBK
 * extension pair, 0 : 2), Alto da Nação (E7E3 is a level-2 hanzi, 1 : 4).
 */
export function detectEncoding(samples: readonly Uint8Array[]): TextEncodingName {
  if (!samples.some(hasHighByte)) return 'utf-8';
  if (samples.every((s) => isUtf8(withoutCutCharacter(trimEnd(s))))) return 'utf-8';
  let gbk = 0;
  let latin = 0;
  for (const sample of samples) {
    const votes = vote(trimEnd(sample));
    gbk += votes.gbk;
    latin += votes.latin;
  }
  return gbk > 0 && gbk >= latin ? 'gbk' : 'windows-1252';
}

const hasHighByte = (bytes: Uint8Array) => bytes.some((b) => b >= 0x80);

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function isUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Without the spaces and NULs that pad dBase fields, so a cut-off last character is seen as such. */
function trimEnd(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  while (end > 0 && (bytes[end - 1] === 0x20 || bytes[end - 1] === 0)) end--;
  return bytes.subarray(0, end);
}

/**
 * Without a UTF-8 sequence cut off at the end: writers cut text to the field width in bytes
 * (GDAL at 254), which can split the last character without making the rest any less UTF-8.
 * Only when the rest still holds non-ASCII text that can vouch for UTF-8.
 */
function withoutCutCharacter(bytes: Uint8Array): Uint8Array {
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const b = bytes[bytes.length - back]!;
    if (b < 0x80) return bytes;
    if (b >= 0xc0) {
      const needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      if (back >= needed) return bytes;
      const rest = bytes.subarray(0, bytes.length - back);
      return hasHighByte(rest) ? rest : bytes; // "Café" is not a cut "Caf" + 3-byte character
    }
  }
  return bytes;
}

const isAsciiLetter = (b: number | undefined) =>
  b !== undefined && ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a));

/** A letter in windows-1252: À–ÿ except × and ÷, and Š Œ Ž š œ ž Ÿ. */
const isLatinLetter = (b: number) =>
  (b >= 0xc0 && b !== 0xd7 && b !== 0xf7) ||
  b === 0x8a ||
  b === 0x8c ||
  b === 0x8e ||
  b === 0x9a ||
  b === 0x9c ||
  b === 0x9e ||
  b === 0x9f;

/** Score of one GBK character: lead byte and trail byte (undefined when the text ends). */
function gbkScore(lead: number, trail: number | undefined): number {
  if (trail === undefined) return 0; // cut off at the end of a field: no evidence either way
  if (lead < 0x81 || lead > 0xfe) return -3;
  if (trail < 0x40 || trail === 0x7f || trail > 0xfe) return -3;
  if (trail < 0xa1) return 0; // GBK extension area
  if (lead >= 0xb0 && lead <= 0xd7) return 3; // GB2312 level-1 hanzi
  if ((lead >= 0xa1 && lead <= 0xa9) || (lead >= 0xd8 && lead <= 0xf7)) return 1;
  return 0;
}

function vote(bytes: Uint8Array): { gbk: number; latin: number } {
  let gbk = 0;
  let latin = 0;
  let i = 0;
  while (i < bytes.length) {
    if (bytes[i]! < 0x80) {
      i++;
      continue;
    }
    const start = i;
    while (i < bytes.length && bytes[i]! >= 0x80) i++;
    const end = i;
    // GBK: pairs through the run; an odd run borrows the next (ASCII) byte as its last trail.
    for (let k = start; k < end; k += 2) gbk += gbkScore(bytes[k]!, bytes[k + 1]);
    if ((end - start) % 2 === 1 && end < bytes.length) i = end + 1;
    // Latin-1: one or two accented letters inside or at the edge of an ASCII word.
    const before = bytes[start - 1];
    const after = bytes[end];
    if (end - start <= 2 && bytes.subarray(start, end).every(isLatinLetter)) {
      const sides = (isAsciiLetter(before) ? 1 : 0) + (isAsciiLetter(after) ? 1 : 0);
      if (sides > 0) latin += (end - start) * sides;
    }
  }
  return { gbk, latin };
}

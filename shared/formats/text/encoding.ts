/**
 * Text encodings of the files Chinese offices exchange. Decoding uses the platform's WHATWG
 * TextDecoder (Node, workers and the page all have GBK, GB18030 and Big5). Encoding GBK has no
 * platform API, so a reverse table is built once from the decoder itself: the mapping is exactly
 * the one every reader of ours (and GDAL's iconv CP936) applies.
 */
export type TextEncodingName = 'utf-8' | 'gbk' | 'gb18030' | 'big5' | 'windows-1252' | 'shift_jis' | 'euc-kr';

export const ENCODING_CANDIDATES: readonly TextEncodingName[] = [
  'utf-8',
  'gbk',
  'gb18030',
  'big5',
  'windows-1252',
];

/** Normalise a user or file label ("CP936", "936", "GB2312", "UTF8") to a WHATWG label, or null. */
export function normaliseEncoding(label: string): TextEncodingName | null {
  const v = label
    .trim()
    .toLowerCase()
    .replace(/^cp_?|^windows-|^ansi_/, (m) => (m === 'windows-' ? m : ''));
  if (/^(utf-?8|65001)$/.test(v)) return 'utf-8';
  if (/^(gbk|936|gb2312|gb_2312-80|x-gbk|chinese)$/.test(v)) return 'gbk';
  if (/^(gb18030|54936)$/.test(v)) return 'gb18030';
  if (/^(big5|950|big5-hkscs)$/.test(v)) return 'big5';
  if (/^(1252|windows-1252|latin1|iso-8859-1|us-ascii|ascii)$/.test(v)) return 'windows-1252';
  if (/^(932|shift_jis|sjis)$/.test(v)) return 'shift_jis';
  if (/^(949|euc-kr)$/.test(v)) return 'euc-kr';
  return null;
}

const decoders = new Map<string, InstanceType<typeof TextDecoder>>();

export function decodeText(bytes: Uint8Array, encoding: TextEncodingName): string {
  let decoder = decoders.get(encoding);
  if (!decoder) {
    decoder = new TextDecoder(encoding);
    decoders.set(encoding, decoder);
  }
  return decoder.decode(bytes);
}

let gbkTable: Map<number, number> | null = null;

/** Code point → GBK double-byte code, built from the platform decoder on first use. */
function gbkEncodeTable(): Map<number, number> {
  if (gbkTable) return gbkTable;
  const table = new Map<number, number>();
  const decoder = new TextDecoder('gbk');
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pair[0] = lead;
      pair[1] = trail;
      const text = decoder.decode(pair);
      const cp = text.codePointAt(0)!;
      if (text.length === 1 && cp !== 0xfffd && !table.has(cp)) table.set(cp, (lead << 8) | trail);
    }
  }
  gbkTable = table;
  return table;
}

export class UnencodableTextError extends Error {
  constructor(
    readonly text: string,
    readonly character: string,
    readonly encoding: string,
  ) {
    super(`“${character}” in “${text}” cannot be written in ${encoding}`);
    this.name = 'UnencodableTextError';
  }
}

/** Encode text as UTF-8 or GBK; throws UnencodableTextError for a character GBK lacks. */
export function encodeText(text: string, encoding: 'utf-8' | 'gbk'): Uint8Array {
  if (encoding === 'utf-8') return new TextEncoder().encode(text);
  const table = gbkEncodeTable();
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else {
      const code = table.get(cp);
      if (code === undefined) throw new UnencodableTextError(text, ch, 'GBK');
      out.push(code >> 8, code & 0xff);
    }
  }
  return Uint8Array.from(out);
}

/**
 * Guess the encoding of text bytes that declare none: valid UTF-8 with non-ASCII content is
 * UTF-8 (GBK text is almost never valid UTF-8); otherwise GBK when its decoding yields mostly
 * CJK characters, else windows-1252. Pure ASCII reports 'utf-8'.
 */
export function detectEncoding(samples: readonly Uint8Array[]): TextEncodingName {
  let nonAscii = false;
  let validUtf8 = true;
  const fatal = new TextDecoder('utf-8', { fatal: true });
  for (const s of samples) {
    if (!nonAscii && s.some((b) => b >= 0x80)) nonAscii = true;
    if (validUtf8) {
      try {
        fatal.decode(s);
      } catch {
        validUtf8 = false;
      }
    }
  }
  if (!nonAscii || validUtf8) return 'utf-8';
  let cjk = 0;
  let other = 0;
  for (const s of samples) {
    for (const ch of decodeText(s, 'gbk')) {
      const cp = ch.codePointAt(0)!;
      if (cp < 0x80) continue;
      if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xff00 && cp <= 0xffef))
        cjk++;
      else other++;
    }
  }
  return cjk >= other * 3 ? 'gbk' : 'windows-1252';
}

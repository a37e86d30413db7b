import { SINGLE_BYTE_TABLES, type SingleByteEncoding } from './singleByteTables';

/**
 * Text encodings of the files Chinese offices (and their foreign partners) exchange. Decoding
 * uses the platform's WHATWG TextDecoder (Node, workers and the page all have GBK, GB18030, Big5,
 * the windows-125x and most ISO-8859 pages); the DOS/OEM pages, ISO-8859-16 and true ISO-8859-1
 * (WHATWG reads that label as windows-1252) use tables of our own. Encoding GBK has no platform
 * API, so a reverse table is built once from the decoder itself: the mapping is exactly the one
 * every reader of ours (and GDAL's iconv CP936) applies. Labels: `codePages.ts`; guessing an
 * undeclared encoding: `detectEncoding.ts`.
 */
export type TextEncodingName =
  | 'utf-8'
  | 'gbk'
  | 'gb18030'
  | 'big5'
  | 'shift_jis'
  | 'euc-jp'
  | 'euc-kr'
  | 'windows-874'
  | 'windows-1250'
  | 'windows-1251'
  | 'windows-1252'
  | 'windows-1253'
  | 'windows-1254'
  | 'windows-1255'
  | 'windows-1256'
  | 'windows-1257'
  | 'windows-1258'
  | 'iso-8859-1'
  | 'iso-8859-2'
  | 'iso-8859-3'
  | 'iso-8859-4'
  | 'iso-8859-5'
  | 'iso-8859-6'
  | 'iso-8859-7'
  | 'iso-8859-8'
  | 'iso-8859-10'
  | 'iso-8859-13'
  | 'iso-8859-14'
  | 'iso-8859-15'
  | 'iso-8859-16'
  | 'koi8-r'
  | 'koi8-u'
  | 'ibm866'
  | 'macintosh'
  | 'x-mac-cyrillic'
  | 'x-mac-ce'
  | 'cp437'
  | 'cp737'
  | 'cp775'
  | 'cp850'
  | 'cp852'
  | 'cp855'
  | 'cp857'
  | 'cp860'
  | 'cp861'
  | 'cp862'
  | 'cp863'
  | 'cp865'
  | 'cp869';

export const ENCODING_CANDIDATES: readonly TextEncodingName[] = [
  'utf-8',
  'gbk',
  'gb18030',
  'big5',
  'windows-1252',
];

export { normaliseEncoding } from './codePages';
export { detectEncoding } from './detectEncoding';

const decoders = new Map<string, InstanceType<typeof TextDecoder>>();

function isSingleByte(encoding: TextEncodingName): encoding is SingleByteEncoding {
  return Object.prototype.hasOwnProperty.call(SINGLE_BYTE_TABLES, encoding);
}

/** Bytes of a single-byte page: ASCII as is, the upper half through its table. */
function decodeSingleByte(bytes: Uint8Array, upper: string | null): string {
  let out = '';
  for (let start = 0; start < bytes.length; start += 8192) {
    const chunk = bytes.subarray(start, start + 8192);
    const codes = new Array<number>(chunk.length);
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      codes[i] = b < 0x80 || upper === null ? b : upper.charCodeAt(b - 0x80);
    }
    out += String.fromCharCode(...codes);
  }
  return out;
}

export function decodeText(bytes: Uint8Array, encoding: TextEncodingName): string {
  if (encoding === 'iso-8859-1') return decodeSingleByte(bytes, null); // byte = code point
  if (isSingleByte(encoding)) return decodeSingleByte(bytes, SINGLE_BYTE_TABLES[encoding]);
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

const utf8 = new TextEncoder();

/** Encode text as UTF-8 or GBK; throws UnencodableTextError for a character GBK lacks. */
export function encodeText(text: string, encoding: 'utf-8' | 'gbk'): Uint8Array {
  if (encoding === 'utf-8') return utf8.encode(text);
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

/** The GBK code of a character GBK has, else the error encodeText throws. */
function gbkCode(table: Map<number, number>, text: string, i: number): number {
  const code = table.get(text.charCodeAt(i));
  if (code !== undefined) return code;
  throw new UnencodableTextError(text, String.fromCodePoint(text.codePointAt(i)!), 'GBK');
}

/**
 * How many bytes encodeText would return, without building them (writers size their fields
 * first). GBK has no character outside the Basic Multilingual Plane, so a surrogate is refused.
 */
export function encodedLength(text: string, encoding: 'utf-8' | 'gbk'): number {
  let n = 0;
  if (encoding === 'gbk') {
    const table = gbkEncodeTable();
    for (let i = 0; i < text.length; i++) n += text.charCodeAt(i) < 0x80 ? 1 : (gbkCode(table, text, i), 2);
    return n;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3; // a lone surrogate is written as U+FFFD, 3 bytes
  }
  return n;
}

/** Write encodeText's bytes into `out` at `at` (room made with encodedLength); returns the count. */
export function encodeTextInto(text: string, encoding: 'utf-8' | 'gbk', out: Uint8Array, at: number): number {
  if (encoding === 'utf-8') return utf8.encodeInto(text, out.subarray(at)).written;
  const table = gbkEncodeTable();
  let k = at;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) out[k++] = c;
    else {
      const code = gbkCode(table, text, i);
      out[k++] = code >> 8;
      out[k++] = code & 0xff;
    }
  }
  return k - at;
}

import { FormatError, fileProblem } from '../formatError';
import { decodeText, normaliseEncoding, type TextEncodingName } from '../text/encoding';

/**
 * KML bytes to text, refusing what an XML parser must never see. A DOCTYPE or ENTITY declaration
 * is how "billion laughs" and external-entity attacks reach a parser; KML never needs one, so the
 * file is refused before parsing, whatever its encoding (UTF-8 with or without BOM, UTF-16).
 */

/** Largest KML text accepted, bytes (also the inflate cap for the doc.kml of a KMZ). */
export const DEFAULT_MAX_KML_BYTES = 256 * 1024 * 1024;

const DECLARATION = /<!\s*(DOCTYPE|ENTITY)/i;

type Utf16 = 'utf-16le' | 'utf-16be';

function sniffUtf16(bytes: Uint8Array): Utf16 | null {
  if (bytes.length < 2) return null;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  // No BOM: "<" followed or preceded by a zero byte.
  if (bytes[0] !== 0 && bytes[1] === 0) return 'utf-16le';
  if (bytes[0] === 0 && bytes[1] !== 0) return 'utf-16be';
  return null;
}

function declaredEncoding(bytes: Uint8Array): TextEncodingName | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const match = /<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/i.exec(head);
  return match ? normaliseEncoding(match[1]!) : null;
}

function refused(file: string): FormatError {
  return new FormatError(file, [
    fileProblem('DOCTYPE', {
      zh: 'KML 文件含有 DOCTYPE/ENTITY 声明（可能是实体扩展或外部实体攻击），已拒绝读取',
      en: 'The KML file contains a DOCTYPE/ENTITY declaration (a possible entity-expansion or external-entity attack); refused',
    }),
  ]);
}

/** Bytes with every zero byte removed, read as Latin-1: catches declarations in any UTF-16 form. */
function hasDeclarationInRawBytes(bytes: Uint8Array): boolean {
  const out = new Uint8Array(bytes.length);
  let n = 0;
  for (const b of bytes) if (b !== 0) out[n++] = b;
  return DECLARATION.test(new TextDecoder('latin1').decode(out.subarray(0, n)));
}

/** The text of a KML document, or a FormatError for an oversized file or a DOCTYPE/ENTITY. */
export function kmlText(file: string, bytes: Uint8Array, maxBytes = DEFAULT_MAX_KML_BYTES): string {
  if (bytes.length > maxBytes) {
    throw new FormatError(file, [
      fileProblem('size', {
        zh: `KML 文件过大（${bytes.length} 字节，上限 ${maxBytes}）`,
        en: `The KML file is too large (${bytes.length} bytes, limit ${maxBytes})`,
      }),
    ]);
  }
  if (hasDeclarationInRawBytes(bytes)) throw refused(file);
  const utf16 = sniffUtf16(bytes);
  const text = utf16
    ? new TextDecoder(utf16).decode(bytes)
    : decodeText(bytes, declaredEncoding(bytes) ?? 'utf-8');
  if (DECLARATION.test(text)) throw refused(file);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML character and entity references (the five predefined, decimal and hexadecimal) as text. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return ENTITIES[ref.toLowerCase()] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/**
 * A `<description>` as its reader sees it, from the element's raw content: escaped HTML decoded,
 * CDATA sections taken as they stand, and XHTML written straight into the element (`<br/>`,
 * `<i>…</i>`) kept as markup rather than lost — Google Earth shows all three as HTML.
 */
export function markupText(raw: string): string {
  let out = '';
  let last = 0;
  for (const m of raw.matchAll(/<!\[CDATA\[([\s\S]*?)\]\]>/g)) {
    out += decodeEntities(raw.slice(last, m.index)) + m[1]!;
    last = m.index + m[0].length;
  }
  return (out + decodeEntities(raw.slice(last))).trim();
}

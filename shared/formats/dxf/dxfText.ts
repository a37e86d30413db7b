import { FormatError, fileProblem } from '../formatError';
import type { ReadInfo } from '../layer';
import { decodeText, detectEncoding, normaliseEncoding, type TextEncodingName } from '../text/encoding';

/**
 * ASCII DXF bytes to group-code pairs. Encoding rules: a file the user gave an encoding is read in
 * it; AutoCAD 2007+ ($ACADVER ≥ AC1021) is always UTF-8; older files use $DWGCODEPAGE (ANSI_936 →
 * GBK) unless it says ANSI_1252, which many Chinese tools write for GBK text, so then (and when
 * it is absent) the bytes are detected. Non-ASCII bytes that are valid UTF-8 are read as UTF-8 in
 * any case (GBK text is practically never valid UTF-8). `\U+XXXX` escapes are decoded in every value.
 */
export interface DxfPair {
  code: number;
  value: string;
}

export interface DxfText {
  pairs: DxfPair[];
  acadVersion: string | null;
  encoding: NonNullable<ReadInfo['encoding']>;
}

const BINARY_SENTINEL = 'AutoCAD Binary DXF';

/** A header variable's value read from the raw bytes (header values are ASCII). */
function headerValue(latin1: string, variable: string): string | null {
  const match = new RegExp(`\\r?\\n\\s*9\\r?\\n\\${variable}\\r?\\n\\s*\\d+\\r?\\n([^\\r\\n]*)`).exec(latin1);
  return match ? match[1]!.trim() : null;
}

function chooseEncoding(
  bytes: Uint8Array,
  latin1: string,
  override: string | undefined,
): DxfText['encoding'] {
  const candidates = ['utf-8', 'gbk', 'gb18030', 'big5', 'windows-1252'];
  const userChoice = override ? normaliseEncoding(override) : null;
  if (userChoice) return { used: userChoice, source: 'user', candidates };
  const version = headerValue(latin1, '$ACADVER');
  if (version && /^AC\d{4}$/.test(version) && Number(version.slice(2)) >= 1021)
    return { used: 'utf-8', source: 'header', candidates };
  const page = headerValue(latin1, '$DWGCODEPAGE');
  const declared = page ? normaliseEncoding(page) : null;
  const detected = detectEncoding([bytes]);
  // Non-ASCII text that is valid UTF-8 is UTF-8 whatever the header claims (scripts often write it).
  if (detected === 'utf-8' && bytes.some((b) => b >= 0x80))
    return { used: 'utf-8', source: 'detected', candidates };
  if (declared && declared !== 'windows-1252') return { used: declared, source: 'header', candidates };
  return { used: detected, source: 'detected', candidates };
}

export function decodeUnicodeEscapes(value: string): string {
  return value.replace(/\\U\+([0-9A-Fa-f]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export function readDxfText(file: string, bytes: Uint8Array, encoding?: string): DxfText {
  const latin1 = new TextDecoder('latin1').decode(bytes);
  if (latin1.startsWith(BINARY_SENTINEL)) {
    throw new FormatError(file, [
      fileProblem('format', {
        zh: '二进制 DXF 暂不支持，请在 CAD 中另存为 ASCII DXF',
        en: 'Binary DXF is not supported; save it as ASCII DXF in the CAD program',
      }),
    ]);
  }
  const chosen = chooseEncoding(bytes, latin1, encoding);
  const text = decodeText(bytes, chosen.used as TextEncodingName);
  const lines = text.split(/\r?\n/);
  const pairs: DxfPair[] = [];
  for (let i = 0; i + 1 < lines.length; i += 2) {
    const codeText = lines[i]!.trim();
    if (codeText === '' && i + 2 >= lines.length) break;
    const code = Number(codeText);
    if (!/^-?\d+$/.test(codeText) || !Number.isInteger(code)) {
      throw new FormatError(file, [
        fileProblem(`line ${i + 1}`, {
          zh: `第 ${i + 1} 行应为组码（整数），实为“${codeText.slice(0, 40)}”——不是 ASCII DXF 或已损坏`,
          en: `line ${i + 1} should be a group code (integer) but is “${codeText.slice(0, 40)}”: not ASCII DXF, or damaged`,
        }),
      ]);
    }
    const raw = lines[i + 1]!;
    // Text content (1, 3) keeps its leading spaces; other values are trimmed of padding.
    pairs.push({ code, value: decodeUnicodeEscapes(code === 1 || code === 3 ? raw.trimEnd() : raw.trim()) });
  }
  if (
    !pairs.some((p) => p.code === 0 && p.value === 'EOF') &&
    !pairs.some((p) => p.code === 0 && p.value === 'SECTION')
  ) {
    throw new FormatError(file, [
      fileProblem('format', { zh: '不是 DXF 文件（没有 SECTION）', en: 'Not a DXF file (no SECTION)' }),
    ]);
  }
  return { pairs, acadVersion: headerValue(latin1, '$ACADVER'), encoding: chosen };
}

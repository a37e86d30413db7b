import type { Bilingual } from '../../domain/labels';
import type { ReadInfo } from '../layer';
import {
  decodeText,
  detectEncoding,
  ENCODING_CANDIDATES,
  normaliseEncoding,
  type TextEncodingName,
} from '../text/encoding';

/**
 * Which text encoding a .dbf's strings are in. Order: the user's choice; the .cpg sidecar; the
 * header's language driver id (byte 29); detection on the bytes. The .cpg wins over byte 29 as in
 * GDAL/shapelib and QGIS (a .cpg is written deliberately, byte 29 often by default). A declaration
 * the bytes plainly contradict (UTF-8 declared, bytes not UTF-8) gives way to detection, with a
 * warning.
 */

/** Language driver ids (dBase byte 29) → encoding, after GDAL's GetEncodingFromLDIDNumber. */
const LDID: Record<number, TextEncodingName> = {
  0x13: 'shift_jis',
  0x4d: 'gbk',
  0x4e: 'euc-kr',
  0x4f: 'big5',
  0x03: 'windows-1252',
  0x58: 'windows-1252',
  0x59: 'windows-1252',
  0x78: 'big5',
  0x79: 'euc-kr',
  0x7a: 'gbk',
  0x7b: 'shift_jis',
};
// 0x00 (none) and 0x57 ("ANSI": the writer's system code page, GBK on Chinese Windows) say nothing.

export function encodingFromLdid(ldid: number): TextEncodingName | null {
  return LDID[ldid] ?? null;
}

export type EncodingChoice = NonNullable<ReadInfo['encoding']> & { used: TextEncodingName };

export function chooseEncoding(input: {
  file: string;
  user?: string;
  cpg?: string;
  ldid: number;
  samples: readonly Uint8Array[];
  warnings: Bilingual[];
}): EncodingChoice {
  const { file, warnings } = input;
  const detected = detectEncoding(input.samples);
  const candidates = (first: TextEncodingName) => [
    first,
    ...[detected, ...ENCODING_CANDIDATES].filter((e, i, all) => e !== first && all.indexOf(e) === i),
  ];
  if (input.user) {
    const user = normaliseEncoding(input.user);
    if (user) return { used: user, source: 'user', candidates: candidates(user) };
    warnings.push({
      zh: `不认识的编码“${input.user}”，已自动识别`,
      en: `Unknown encoding “${input.user}”; detected automatically instead`,
    });
  }
  const cpgText = input.cpg?.trim();
  const fromCpg = cpgText ? normaliseEncoding(cpgText) : null;
  if (cpgText && !fromCpg) {
    warnings.push({
      zh: `${file}：.cpg 中的编码“${cpgText.slice(0, 30)}”无法识别，已自动识别`,
      en: `${file}: the .cpg encoding “${cpgText.slice(0, 30)}” is not recognised; detected instead`,
    });
  }
  const declared: [TextEncodingName, 'cpg' | 'header'] | null = fromCpg
    ? [fromCpg, 'cpg']
    : encodingFromLdid(input.ldid)
      ? [encodingFromLdid(input.ldid)!, 'header']
      : null;
  const nonAscii = input.samples.some((s) => s.some((b) => b >= 0x80));
  if (declared) {
    const [used, source] = declared;
    const contradicted =
      nonAscii &&
      used !== detected &&
      (used === 'utf-8' || detected === 'utf-8') &&
      !(used === 'gb18030' && detected === 'gbk');
    if (!contradicted) return { used, source, candidates: candidates(used) };
    warnings.push({
      zh: `${file}：${source === 'cpg' ? '.cpg' : '文件头'}声明编码 ${used}，但内容像 ${detected}，已按 ${detected} 读取`,
      en: `${file}: the ${source === 'cpg' ? '.cpg' : 'header'} declares ${used} but the text looks like ${detected}; read as ${detected}`,
    });
  }
  return { used: detected, source: 'detected', candidates: candidates(detected) };
}

/** Decode a field's bytes with spaces and NULs trimmed at both ends; ASCII without a decoder. */
export function decodeTrimmed(
  bytes: Uint8Array,
  start: number,
  end: number,
  encoding: TextEncodingName,
): string {
  while (start < end && (bytes[start] === 0x20 || bytes[start] === 0)) start++;
  while (end > start && (bytes[end - 1] === 0x20 || bytes[end - 1] === 0)) end--;
  if (start === end) return '';
  let ascii = true;
  for (let i = start; i < end; i++) {
    if (bytes[i]! >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii && end - start <= 256)
    return String.fromCharCode.apply(null, bytes.subarray(start, end) as unknown as number[]);
  return decodeText(bytes.subarray(start, end), encoding);
}

import type { Bilingual } from '../../domain/labels';
import type { ReadInfo } from '../layer';
import { codePageOfLdid, encodingOfCodePage } from '../text/codePages';
import {
  decodeText,
  detectEncoding,
  ENCODING_CANDIDATES,
  normaliseEncoding,
  type TextEncodingName,
} from '../text/encoding';

/**
 * Which text encoding a .dbf's strings are in. Order: the user's choice; the .cpg sidecar; the
 * header's language driver id (byte 29, GDAL's full table); detection on the bytes. The .cpg wins
 * over byte 29 as in GDAL/shapelib and QGIS (a .cpg is written deliberately, byte 29 often by
 * default). Byte 0 and 0x57 ("ANSI": the writer's system code page, GBK on a Chinese Windows,
 * cp1252 on a Western one) declare nothing, so the bytes decide. A declaration the bytes plainly
 * contradict (UTF-8 declared, bytes not UTF-8) gives way to detection, with a warning.
 */

/** The decoder a language driver id (dBase byte 29) declares, or null. */
export function encodingFromLdid(ldid: number): TextEncodingName | null {
  const codePage = codePageOfLdid(ldid);
  return codePage === null ? null : encodingOfCodePage(codePage);
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
  const cpgText = input.cpg
    ?.replace(/^\uFEFF/, '')
    .split(/[\r\n]/)[0]
    ?.trim();
  const fromCpg = cpgText ? normaliseEncoding(cpgText) : null;
  if (cpgText && !fromCpg) {
    warnings.push({
      zh: `${file}：.cpg 中的编码“${cpgText.slice(0, 30)}”无法识别，已自动识别`,
      en: `${file}: the .cpg encoding “${cpgText.slice(0, 30)}” is not recognised; detected instead`,
    });
  }
  const fromHeader = encodingFromLdid(input.ldid);
  const headerPage = codePageOfLdid(input.ldid);
  if (!fromCpg && headerPage !== null && !fromHeader) {
    warnings.push({
      zh: `${file}：文件头声明的代码页 ${headerPage} 无法解码，已自动识别`,
      en: `${file}: the header declares code page ${headerPage}, which cannot be decoded here; detected instead`,
    });
  }
  const declared: [TextEncodingName, 'cpg' | 'header'] | null = fromCpg
    ? [fromCpg, 'cpg']
    : fromHeader
      ? [fromHeader, 'header']
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

import type { Bilingual } from '../domain/labels';

/** A county 一张图 capabilities document is tens of KB; 5 MiB leaves room without letting one take the page. */
export const MAX_CAPABILITIES_BYTES = 5 * 1024 * 1024;

/**
 * Refuse a capabilities document before any XML parser sees it: a DTD or entity declaration
 * (entity expansion, external entities), or something that is not WMTS capabilities at all (an
 * HTML login page, a WMS document, a service exception).
 */
export function capabilitiesProblem(text: string): Bilingual | null {
  if (/<!DOCTYPE|<!ENTITY/i.test(text))
    return {
      zh: '服务返回的文档含 DOCTYPE/ENTITY 声明，出于安全不予读取',
      en: 'The document declares a DOCTYPE or ENTITY; it is not read, for safety',
    };
  const exception = /<(?:ows:)?ExceptionText>([^<]{0,300})/.exec(text);
  if (exception)
    return { zh: `服务报告错误：${exception[1]}`, en: `The service reports an error: ${exception[1]}` };
  if (!/<(?:\w+:)?Capabilities\b/.test(text) || !/<(?:\w+:)?TileMatrixSet\b/.test(text))
    return {
      zh: '返回的不是 WMTS 能力文档（GetCapabilities）',
      en: 'The response is not a WMTS capabilities document (GetCapabilities)',
    };
  return null;
}

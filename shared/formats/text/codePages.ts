import type { TextEncodingName } from './encoding';

/**
 * Code page numbers and encoding labels, as files write them, to the decoders we have. The rules
 * follow what GDAL's Shapefile driver (GetEncodingFromCPG, GetEncodingFromLDIDNumber) and QGIS
 * accept, plus the spellings ArcGIS and Chinese tools put in `.cpg` files ("ANSI 1252", "GB2312",
 * "Big-5", "UTF-8 BOM"). Unknown labels give null so the caller can warn and detect instead.
 */

const WINDOWS_PAGES = [1250, 1251, 1252, 1253, 1254, 1255, 1256, 1257, 1258] as const;

/** Windows / IBM / Mac code page number → decoder, or null when no decoder exists here. */
const CODE_PAGES: Record<number, TextEncodingName> = {
  437: 'cp437',
  737: 'cp737',
  775: 'cp775',
  850: 'cp850',
  852: 'cp852',
  855: 'cp855',
  857: 'cp857',
  860: 'cp860',
  861: 'cp861',
  862: 'cp862',
  863: 'cp863',
  865: 'cp865',
  866: 'ibm866',
  869: 'cp869',
  874: 'windows-874',
  932: 'shift_jis',
  936: 'gbk',
  949: 'euc-kr',
  950: 'big5',
  10000: 'macintosh',
  10007: 'x-mac-cyrillic',
  10029: 'x-mac-ce',
  20866: 'koi8-r',
  20932: 'euc-jp',
  20936: 'gbk',
  21866: 'koi8-u',
  51932: 'euc-jp',
  54936: 'gb18030',
  65001: 'utf-8',
  ...Object.fromEntries(WINDOWS_PAGES.map((n) => [n, `windows-${n}` as TextEncodingName])),
};

export function encodingOfCodePage(codePage: number): TextEncodingName | null {
  if (codePage >= 28591 && codePage <= 28606) return isoPart(codePage - 28590);
  return CODE_PAGES[codePage] ?? null;
}

/** ISO-8859 part n (WHATWG folds 9 into windows-1254 and 11 into windows-874, their supersets). */
function isoPart(n: number): TextEncodingName | null {
  if (n === 9) return 'windows-1254';
  if (n === 11) return 'windows-874';
  if (n === 12 || n < 1 || n > 16) return null;
  return `iso-8859-${n}` as TextEncodingName;
}

/** Named labels (lower case, spaces and underscores as hyphens) → decoder. */
const NAMES: Record<string, TextEncodingName> = {
  gbk: 'gbk',
  'x-gbk': 'gbk',
  gb2312: 'gbk',
  'gb-2312': 'gbk',
  'gb-2312-80': 'gbk',
  'gb2312-80': 'gbk',
  'euc-cn': 'gbk',
  chinese: 'gbk',
  csgb2312: 'gbk',
  gb18030: 'gb18030',
  'gb-18030': 'gb18030',
  big5: 'big5',
  'big-5': 'big5',
  'big5-hkscs': 'big5',
  'x-x-big5': 'big5',
  'cn-big5': 'big5',
  'shift-jis': 'shift_jis',
  shiftjis: 'shift_jis',
  sjis: 'shift_jis',
  'ms-kanji': 'shift_jis',
  'windows-31j': 'shift_jis',
  'euc-jp': 'euc-jp',
  eucjp: 'euc-jp',
  'x-euc-jp': 'euc-jp',
  'euc-kr': 'euc-kr',
  'ks-c-5601-1987': 'euc-kr',
  uhc: 'euc-kr',
  korean: 'euc-kr',
  'koi8-r': 'koi8-r',
  koi8r: 'koi8-r',
  'koi8-u': 'koi8-u',
  koi8u: 'koi8-u',
  latin1: 'iso-8859-1',
  l1: 'iso-8859-1',
  latin2: 'iso-8859-2',
  ascii: 'windows-1252',
  'us-ascii': 'windows-1252',
  macintosh: 'macintosh',
  mac: 'macintosh',
  macroman: 'macintosh',
  'x-mac-roman': 'macintosh',
  'x-mac-cyrillic': 'x-mac-cyrillic',
  'mac-cyrillic': 'x-mac-cyrillic',
  'x-mac-ce': 'x-mac-ce',
  'mac-centraleurope': 'x-mac-ce',
};

/**
 * A `.cpg`, header or user label ("CP936", "936", "ANSI 1252", "GB2312", "Big-5", "8859-1",
 * "ISO88591", "UTF-8 BOM", "65001", "ANSI_936") → decoder, or null when not recognised. Only the
 * first line counts (shapelib reads the .cpg up to the first line break).
 */
export function normaliseEncoding(label: string): TextEncodingName | null {
  const firstLine = label.replace(/^\uFEFF/, '').split(/[\r\n]/)[0] ?? '';
  const v = firstLine
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  if (!v) return null;
  if (/^utf-?8/.test(v)) return 'utf-8'; // GDAL: any label starting so ("UTF-8 BOM", "UTF8")
  const iso = /^(?:iso)?-?8859-?(\d{1,2})$/.exec(v);
  if (iso) return isoPart(Number(iso[1]));
  const numeric = /^(?:ansi|cp|windows|win|ms|ibm|oem|dos|x-cp)?-?(\d{3,5})$/.exec(v);
  if (numeric) return encodingOfCodePage(Number(numeric[1]));
  return NAMES[v] ?? null;
}

/**
 * dBase language driver ids (header byte 29) → code page, GDAL's full table. 0x57 (87) is absent
 * on purpose: ArcGIS writes it to mean "the writer's ANSI code page", which GDAL reads as
 * ISO-8859-1 but which is GBK on a Chinese Windows; the caller detects instead.
 */
const LDID_CODE_PAGES: Record<number, number> = {
  1: 437,
  2: 850,
  3: 1252,
  4: 10000,
  8: 865,
  10: 850,
  11: 437,
  13: 437,
  14: 850,
  15: 437,
  16: 850,
  17: 437,
  18: 850,
  19: 932,
  20: 850,
  21: 437,
  22: 850,
  23: 865,
  24: 437,
  25: 437,
  26: 850,
  27: 437,
  28: 863,
  29: 850,
  31: 852,
  34: 852,
  35: 852,
  36: 860,
  37: 850,
  38: 866,
  55: 850,
  64: 852,
  77: 936,
  78: 949,
  79: 950,
  80: 874,
  88: 1252,
  89: 1252,
  100: 852,
  101: 866,
  102: 865,
  103: 861,
  104: 895,
  105: 620,
  106: 737,
  107: 857,
  108: 863,
  120: 950,
  121: 949,
  122: 936,
  123: 932,
  124: 874,
  134: 737,
  135: 852,
  136: 857,
  150: 10007,
  151: 10029,
  200: 1250,
  201: 1251,
  202: 1254,
  203: 1253,
  204: 1257,
};

/** The "ANSI" language driver id: no code page of its own. */
export const LDID_ANSI = 0x57;

/** The code page a language driver id declares, or null (0, 0x57 and unknown ids declare none). */
export function codePageOfLdid(ldid: number): number | null {
  return LDID_CODE_PAGES[ldid] ?? null;
}

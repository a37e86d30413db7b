import type { Bilingual } from '../domain/labels';

/** Largest JSON text we parse (bytes of UTF-8); a bigger file is refused before parsing. */
export const MAX_JSON_BYTES = 512 * 1024 * 1024;
/** Deepest nesting accepted. GeoJSON needs 6 levels; 64 leaves room for any sane property value. */
export const MAX_JSON_DEPTH = 64;

export type JsonResult = { ok: true; value: unknown } | { ok: false; reason: Bilingual };

/**
 * Parse JSON from untrusted files. Refuses oversized input and excessive nesting before
 * JSON.parse sees it (a linear scan, no recursion), and reports the parser's position on syntax
 * errors. Keys like `__proto__` stay plain own properties (JSON.parse never invokes setters);
 * callers must still copy values through schemas, never Object.assign the raw object.
 */
export function parseJson(bytes: Uint8Array): JsonResult {
  if (bytes.byteLength > MAX_JSON_BYTES) {
    const mb = Math.round(MAX_JSON_BYTES / 1024 / 1024);
    return { ok: false, reason: { zh: `文件超过 ${mb} MB 上限`, en: `The file exceeds the ${mb} MB limit` } };
  }
  const depth = maxDepth(bytes);
  if (depth > MAX_JSON_DEPTH) {
    return {
      ok: false,
      reason: {
        zh: `JSON 嵌套过深（超过 ${MAX_JSON_DEPTH} 层）`,
        en: `JSON nested too deeply (more than ${MAX_JSON_DEPTH} levels)`,
      },
    };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { ok: false, reason: { zh: '文件不是 UTF-8 编码的文本', en: 'The file is not UTF-8 text' } };
  }
  return parseChecked(text);
}

function parseChecked(text: string): JsonResult {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: { zh: `不是有效的 JSON：${detail}`, en: `Not valid JSON: ${detail}` } };
  }
}

/**
 * The same checks for JSON that arrives as text (a database column): nesting before JSON.parse,
 * without encoding the text to bytes and decoding it again.
 */
export function parseJsonText(text: string): JsonResult {
  if (maxTextDepth(text) > MAX_JSON_DEPTH) {
    return {
      ok: false,
      reason: {
        zh: `JSON 嵌套过深（超过 ${MAX_JSON_DEPTH} 层）`,
        en: `JSON nested too deeply (more than ${MAX_JSON_DEPTH} levels)`,
      },
    };
  }
  return parseChecked(text);
}

/** Deepest bracket nesting, ignoring brackets inside strings; stops counting past the limit. */
function maxDepth(bytes: Uint8Array): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (inString) {
      if (b === 0x5c) i++;
      else if (b === 0x22) inString = false;
    } else if (b === 0x22) inString = true;
    else if (b === 0x7b || b === 0x5b) {
      if (++depth > max) max = depth;
      if (max > MAX_JSON_DEPTH) return max;
    } else if (b === 0x7d || b === 0x5d) depth--;
  }
  return max;
}

/** maxDepth over text: the characters that matter are ASCII, the same codes as in UTF-8. */
function maxTextDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const b = text.charCodeAt(i);
    if (inString) {
      if (b === 0x5c) i++;
      else if (b === 0x22) inString = false;
    } else if (b === 0x22) inString = true;
    else if (b === 0x7b || b === 0x5b) {
      if (++depth > max) max = depth;
      if (max > MAX_JSON_DEPTH) return max;
    } else if (b === 0x7d || b === 0x5d) depth--;
  }
  return max;
}

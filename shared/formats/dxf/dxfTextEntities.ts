import { numberOf, valueOf, type DxfEntity } from './dxfEntities';
import type { Vec3 } from './dxfOcs';
import { invalid, type EntityShape } from './dxfShape';

/**
 * TEXT, ATTRIB, constant ATTDEF (in their OCS) and MTEXT (world coordinates) as label points
 * carrying their plain text, height and rotation. The point is the first alignment point
 * (10/20/30), as GDAL places it. Text arrives decoded with the file's code page and with
 * `\U+XXXX` escapes resolved (dxfText.ts); here the DXF special codes (%%c, %%d, %%p, caret
 * control characters) and MTEXT formatting ({\fSimSun;…}, \P, \S1^2;, …) are turned into text.
 */
const PERCENT: Record<string, string> = { c: 'Ø', d: '°', p: '±', '%': '%' };

/** %%c/%%d/%%p/%%%, %%nnn character codes, %%u/%%o/%%k toggles dropped; ^I, ^J and "^ " carets. */
export function decodeSpecialCodes(text: string): string {
  return text
    .replace(/%%(\d{3}|[cdp%uok])/gi, (_, code: string) => {
      if (/^\d{3}$/.test(code)) return String.fromCharCode(Number(code));
      return PERCENT[code.toLowerCase()] ?? '';
    })
    .replace(/\^(.)/g, (_, c: string) => {
      if (c === ' ') return '^';
      const control = c.charCodeAt(0) - 64;
      if (control === 9) return '\t';
      if (control === 10) return '\n';
      return control >= 0 && control < 32 ? '' : `^${c}`;
    });
}

/** The index of the next `char` not escaped by a backslash, or the end of the text. */
function unescapedIndex(text: string, char: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === char) return i;
  }
  return text.length;
}

const unescapeStack = (text: string) =>
  text.replace(/\\(.)/g, (_, c: string) => (c === '~' ? ' ' : c)).trim();

/** A stacked fraction \S1^2; \S1/2; \S1#2; as "1/2". */
function stacked(content: string): string {
  for (let i = 0; i < content.length; i++) {
    if (content[i] === '\\') i++;
    else if ('^/#'.includes(content[i]!))
      return `${unescapeStack(content.slice(0, i))}/${unescapeStack(content.slice(i + 1))}`;
  }
  return unescapeStack(content);
}

/** MTEXT content without its formatting codes. */
export function plainMtext(raw: string): string {
  const s = decodeSpecialCodes(raw);
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === '{' || ch === '}') continue;
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const code = s[++i];
    if (code === undefined) break;
    if (code === 'P' || code === 'X') out += '\n';
    else if (code === '~') out += ' ';
    else if (code === 'S') {
      const end = unescapedIndex(s, ';', i + 1);
      out += stacked(s.slice(i + 1, end));
      i = end;
    } else if ('fFHWQTACcp'.includes(code)) i = unescapedIndex(s, ';', i + 1);
    else if ('LlOoKkN'.includes(code)) continue;
    else if (code === 'M' && s[i + 1] === '+')
      i += 6; // \M+nXXXX: a DBCS code, already gone
    else out += code; // \\, \{, \}, and any other escaped character stand for themselves
  }
  return out.replace(/\n$/, '');
}

export function textShape(entity: DxfEntity): EntityShape {
  const { pairs } = entity;
  const point: Vec3 = [numberOf(pairs, 10, NaN), numberOf(pairs, 20, NaN), numberOf(pairs, 30)];
  if (!point.every(Number.isFinite)) return invalid('插入点不是数字', 'the insertion point is not numeric');
  const height = numberOf(pairs, 40);
  if (entity.type !== 'MTEXT') {
    const text = decodeSpecialCodes(valueOf(pairs, 1) ?? '');
    return { kind: 'point', point, label: { text, height, rotation: numberOf(pairs, 50) } };
  }
  const raw = pairs
    .filter((p) => p.code === 3 || p.code === 1)
    .map((p) => p.value)
    .join('');
  const dx = numberOf(pairs, 11, NaN);
  const dy = numberOf(pairs, 21, NaN);
  const rotation =
    Number.isFinite(dx) && Number.isFinite(dy) && (dx !== 0 || dy !== 0)
      ? (Math.atan2(dy, dx) * 180) / Math.PI
      : numberOf(pairs, 50);
  return { kind: 'point', point, label: { text: plainMtext(raw), height, rotation } };
}

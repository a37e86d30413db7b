/**
 * The one place that decides how plain text goes into markup (XML parts of XLSX, KML, the HTML
 * report): the five markup characters become entities and the characters XML 1.0 forbids (C0
 * controls other than tab and line breaks, lone surrogates, U+FFFE/U+FFFF) are dropped, so a
 * comment typed or pasted by anyone can neither break the file nor become markup.
 */

/** Whether XML 1.0 allows the character (tab, line breaks and everything from space up, minus U+FFFE/F and lone surrogates). */
export function allowedInXml(ch: string): boolean {
  const cp = ch.codePointAt(0)!;
  if (cp < 0x20) return cp === 0x09 || cp === 0x0a || cp === 0x0d;
  return !(cp >= 0xd800 && cp <= 0xdfff) && cp !== 0xfffe && cp !== 0xffff;
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  // A literal CR would be read back as LF (XML end-of-line handling); the reference keeps it.
  '\r': '&#13;',
};

/** Text safe as XML/HTML character data and as a quoted attribute value. */
export function escapeMarkup(text: string): string {
  let out = '';
  // Iterating by code point keeps surrogate pairs whole, so only lone halves are dropped.
  for (const ch of text) if (allowedInXml(ch)) out += ENTITIES[ch] ?? ch;
  return out;
}

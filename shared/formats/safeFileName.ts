/**
 * Every file name that comes from data (a layer, table, folder or project name) goes through
 * `safeFileName` before it names a file: the result is one plain component of a path on Linux,
 * macOS and Windows, so joining it onto a folder can only name a file in that folder.
 *
 * The rule (docs/formats.md, "Command line"): control characters (C0, DEL, C1) and bidirectional
 * controls are dropped; `/ \ : * ? " < > |` become `_`; leading and trailing dots and spaces are
 * dropped (so `..` is empty, nothing is hidden, Windows keeps the name as written); a Windows
 * device name (CON, PRN, AUX, NUL, COM1–9, LPT1–9, CONIN$, CONOUT$, with or without an extension)
 * gets a leading `_`; the name is cut to `maxBytes` of UTF-8 at a character boundary (60 Chinese
 * characters at the default 180), in its stem when it has a short extension; an empty result is
 * the fallback.
 */

/** Room for the longest suffix a writer adds (`_polygon_12_long.csv`) within 255 bytes. */
export const MAX_NAME_BYTES = 180;

const CONTROLS = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
const WINDOWS_FORBIDDEN = /[<>:"/\\|?*]/g;
const DEVICE = /^(con|prn|aux|nul|com[1-9¹²³]|lpt[1-9¹²³]|conin\$|conout\$)$/i;
const EDGES = /^[.\s]+|[.\s]+$/g;

export function safeFileName(name: string, fallback = 'layer', maxBytes = MAX_NAME_BYTES): string {
  let safe = name.replace(CONTROLS, '').replace(WINDOWS_FORBIDDEN, '_').replace(EDGES, '');
  safe = cutKeepingExtension(safe, maxBytes).replace(EDGES, '');
  // Windows ignores everything from the first dot and trailing spaces when it looks for devices.
  const stem = safe.split('.')[0]!.trimEnd();
  if (DEVICE.test(stem)) safe = cutToBytes(`_${safe}`, maxBytes);
  return safe || fallback;
}

/** Cut a long name in its stem, so `….hzw` keeps its extension (up to 16 bytes of it). */
function cutKeepingExtension(name: string, maxBytes: number): string {
  const extension = /\.[^.]{1,15}$/.exec(name)?.[0] ?? '';
  if (!extension || name.length === extension.length) return cutToBytes(name, maxBytes);
  const room = maxBytes - new TextEncoder().encode(extension).length;
  const stem = name.slice(0, -extension.length);
  return cutToBytes(stem, room) === stem ? name : `${cutToBytes(stem, room)}${extension}`;
}

/** The longest prefix of `text` that takes at most `maxBytes` in UTF-8, whole characters only. */
export function cutToBytes(text: string, maxBytes: number): string {
  let bytes = 0;
  let end = 0;
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (bytes > maxBytes) break;
    end += char.length;
  }
  return text.slice(0, end);
}

/**
 * A name not yet in `used` (compared without case, as Windows and macOS do): `name`, else
 * `name_2`, `name_3`…; the chosen one is added to `used`.
 */
export function uniqueName(name: string, used: Set<string>): string {
  let unique = name;
  for (let n = 2; used.has(unique.toLowerCase()); n++) unique = `${name}_${n}`;
  used.add(unique.toLowerCase());
  return unique;
}

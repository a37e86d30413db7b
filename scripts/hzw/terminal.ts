/**
 * Every line `hzw` prints goes through here. Names, values and file names come from the input,
 * and a terminal obeys what it is sent: an ESC sequence in a layer name could clear the screen,
 * set the window title or forge a line. So each printed line has its control characters (C0,
 * DEL, C1) and bidirectional controls (U+202A–202E, U+2066–2069) written as visible escapes:
 * `\x1b`, `\x9b`, `\u202e`. The progress line's own `\r` and erase sequence are not data and do
 * not pass here. JSON output escapes the same characters as `\uXXXX`, so it parses to the same
 * values.
 */

const UNSAFE = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu;

const hex = (code: number, width: number) => code.toString(16).padStart(width, '0');

/** One line of text, safe to print: every unsafe character shown as an escape. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`;
  });
}

/** JSON text whose every unsafe character is a `\uXXXX` escape (JSON.stringify leaves C1, DEL, bidi). */
export function terminalJson(value: unknown): string {
  // The only raw C0 JSON.stringify leaves are its own line breaks; it escapes C0 in strings.
  return JSON.stringify(value, null, 2).replace(UNSAFE, (c) =>
    c === '\n' ? c : `\\u${hex(c.charCodeAt(0), 4)}`,
  );
}

/** Print lines, each made safe; a line break inside a value is shown, never obeyed. */
export function printLines(stream: NodeJS.WriteStream, lines: readonly string[]): void {
  stream.write(`${lines.map(terminalSafe).join('\n')}\n`);
}

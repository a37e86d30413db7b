/** Width in millimetres of a string set at `sizePt` in the figure font. */
export type MeasureText = (str: string, sizePt: number) => number;

const MM_PER_PT = 25.4 / 72;

/**
 * A conservative stand-in until the embedded font's advance widths are wired in: CJK and
 * full-width characters take a full em, everything else 0.6 em (WenQuanYi Micro Hei's Latin is
 * narrower, so boxes sized with this never clip their text).
 */
export const estimateTextWidth: MeasureText = (str, sizePt) => {
  let ems = 0;
  for (const ch of str) {
    const code = ch.codePointAt(0)!;
    ems += code >= 0x2e80 || (code >= 0x2460 && code <= 0x24ff) ? 1 : 0.6;
  }
  return ems * sizePt * MM_PER_PT;
};

export function ptToMm(sizePt: number): number {
  return sizePt * MM_PER_PT;
}

/** Break text into lines no wider than `widthMm` (CJK may break anywhere, Latin at spaces). */
export function wrapText(str: string, sizePt: number, widthMm: number, measure: MeasureText): string[] {
  const lines: string[] = [];
  for (const paragraph of str.split(/\r?\n/)) {
    let line = '';
    for (const token of paragraph.match(/[\u2e80-\uffff]|[^\s\u2e80-\uffff]+|\s+/g) ?? []) {
      const next = line + token;
      if (line !== '' && measure(next.trimEnd(), sizePt) > widthMm) {
        lines.push(line.trimEnd());
        line = token.trimStart();
      } else line = next;
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

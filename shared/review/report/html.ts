import { escapeMarkup } from '../../formats/text/markup';

/**
 * HTML for the reports is built only with the `html` tag: every interpolated string or number is
 * escaped by `escapeMarkup`, so comment text can never become markup. The one thing inserted
 * as-is is a fragment the tag itself produced (a nested table row, an SVG mini-map drawn through
 * the same tag), recognised by identity: an object that merely looks like one is refused, and
 * no function turns a string into a fragment.
 */
export interface Html {
  readonly text: string;
}

const MADE = new WeakSet<Html>();

function fragment(text: string): Html {
  const made = Object.freeze({ text });
  MADE.add(made);
  return made;
}

export type HtmlValue = string | number | Html | null | undefined | false | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (typeof value === 'string') return escapeMarkup(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (Array.isArray(value)) return value.map(render).join('');
  if (typeof value === 'object' && MADE.has(value as Html)) return (value as Html).text;
  throw new TypeError('html: only text, numbers and html fragments may be interpolated');
}

/** A fragment whose literal parts are ours and whose interpolations are escaped text. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0]!;
  values.forEach((value, i) => (out += render(value) + strings[i + 1]!));
  return fragment(out);
}

/** A literal stylesheet (no interpolation at all) as a fragment for `htmlDocument`. */
export function css(strings: TemplateStringsArray, ...none: never[]): Html {
  if (none.length > 0 || strings.length !== 1) throw new TypeError('css: no interpolation');
  return fragment(strings[0]!);
}

/** The Content-Security-Policy of a report: no script, no fetches, inline styles and data: images only. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** A self-contained HTML document; `style` is a literal stylesheet written with the tag. */
export function htmlDocument(title: string, style: Html, body: Html): string {
  return html`<!DOCTYPE html>
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title}</title>
        <style>
          ${style}
        </style>
      </head>
      <body>
        ${body}
      </body>
    </html> `.text;
}

import type { Rgb } from '../../figures/displayList';
import type { MeasureText } from '../../figures/textMeasure';
import type { Page } from '../../figures/displayList';
import { displayListToSvg } from './displayListToSvg';
import { css, html, htmlDocument, type Html } from './html';
import { miniMap, type MiniMapContent } from './miniMap';
import { PageFlow, type Column } from './pageFlow';

/**
 * A report as a list of blocks, drawn once as PDF pages and once as an HTML document, so the two
 * say the same thing. Every string here is plain text: the HTML side escapes it, the PDF side
 * sets it as glyphs.
 */
export type Tone = 'normal' | 'muted' | 'alert' | 'good';

export type ReportBlock =
  | { kind: 'heading'; text: string; level: 1 | 2; tone?: Tone }
  | { kind: 'paragraph'; text: string; tone?: Tone; bold?: boolean; indent?: boolean }
  | { kind: 'table'; columns: Column[]; rows: string[][] }
  /** A mini-map with a few lines beside it (what the map shows, in words). */
  | { kind: 'figure'; map: MiniMapContent; caption: string; lines: { text: string; tone?: Tone }[] };

export interface ReportDoc {
  title: string;
  blocks: ReportBlock[];
}

const TONES: Record<Tone, Rgb> = {
  normal: [0, 0, 0],
  muted: [90, 90, 90],
  alert: [0xc6, 0x28, 0x28],
  good: [0x2e, 0x7d, 0x32],
};
const MAP = { wMm: 72, hMm: 50 };

export function reportPages(doc: ReportDoc, measure: MeasureText): Page[] {
  const flow = new PageFlow(measure, doc.title);
  for (const block of doc.blocks) {
    switch (block.kind) {
      case 'heading':
        if (block.level === 2) flow.space(2);
        flow.heading(block.text, block.level === 1 ? 16 : 11.5, TONES[block.tone ?? 'normal']);
        break;
      case 'paragraph':
        flow.paragraph(block.text, {
          color: TONES[block.tone ?? 'normal'],
          ...(block.bold && { bold: true }),
          ...(block.indent && { indentMm: 5 }),
        });
        break;
      case 'table':
        flow.table(block.columns, block.rows);
        break;
      case 'figure':
        flow.block(MAP.hMm + 3, (top) => {
          const rect = { xMm: flow.left, yMm: top - MAP.hMm, wMm: MAP.wMm, hMm: MAP.hMm };
          const ops = miniMap(block.map, rect)?.ops ?? [];
          let y = top - 4;
          for (const line of block.lines) {
            ops.push({
              op: 'text',
              str: line.text,
              xMm: flow.left + MAP.wMm + 5,
              yMm: y,
              sizePt: 9,
              anchor: 'start',
              color: TONES[line.tone ?? 'normal'],
            });
            y -= 4.8;
          }
          return ops;
        });
        break;
    }
  }
  return flow.pages();
}

const STYLE = css`
  body {
    font-family: 'Microsoft YaHei', 'PingFang SC', 'WenQuanYi Micro Hei', sans-serif;
    margin: 2em auto;
    max-width: 60em;
    color: #000;
  }
  h1 {
    font-size: 1.6em;
  }
  h2 {
    font-size: 1.15em;
    margin-top: 1.6em;
  }
  p {
    white-space: pre-wrap;
    margin: 0.3em 0;
  }
  p.indent {
    margin-left: 1.5em;
  }
  .muted {
    color: #5a5a5a;
  }
  .alert {
    color: #c62828;
  }
  .good {
    color: #2e7d32;
  }
  table {
    border-collapse: collapse;
    margin: 0.5em 0 1em;
    font-size: 0.9em;
  }
  th,
  td {
    border: 1px solid #888;
    padding: 2px 6px;
    vertical-align: top;
    white-space: pre-wrap;
  }
  th {
    background: #ebebeb;
  }
  figure {
    display: flex;
    gap: 1.2em;
    align-items: flex-start;
    margin: 0.5em 0;
  }
  figure ul {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  @media print {
    figure,
    tr {
      break-inside: avoid;
    }
  }
`;

export function reportHtml(doc: ReportDoc): string {
  let maps = 0;
  const blocks: Html[] = doc.blocks.map((block) => {
    switch (block.kind) {
      case 'heading':
        return block.level === 1
          ? html`<h1 class="${block.tone ?? 'normal'}">${block.text}</h1>`
          : html`<h2 class="${block.tone ?? 'normal'}">${block.text}</h2>`;
      case 'paragraph': {
        const cls = [block.tone ?? 'normal', block.indent ? 'indent' : ''].join(' ').trim();
        return block.bold
          ? html`<p class="${cls}"><strong>${block.text}</strong></p>`
          : html`<p class="${cls}">${block.text}</p>`;
      }
      case 'table':
        return html`<table>
          <thead>
            <tr>
              ${block.columns.map((c) => html`<th>${c.title}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${block.rows.map(
              (row) =>
                html`<tr>
                  ${row.map((cell) => html`<td>${cell}</td>`)}
                </tr>`,
            )}
          </tbody>
        </table>`;
      case 'figure': {
        const view = { xMm: 0, yMm: 0, ...MAP };
        const drawn = miniMap(block.map, view);
        const svg = drawn ? displayListToSvg(drawn.ops, view, `m${maps++}`, block.caption) : null;
        return html`<figure>
          ${svg}
          <ul>
            ${block.lines.map((l) => html`<li class="${l.tone ?? 'normal'}">${l.text}</li>`)}
          </ul>
        </figure>`;
      }
    }
  });
  return htmlDocument(doc.title, STYLE, html`${blocks}`);
}

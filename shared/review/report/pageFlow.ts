import type { DrawOp, Page, Rgb } from '../../figures/displayList';
import { rectRing } from '../../figures/legend';
import { ptToMm, wrapText, type MeasureText } from '../../figures/textMeasure';

/** A4 portrait, as a report is printed and filed. */
export const A4 = { widthMm: 210, heightMm: 297 } as const;
const MARGIN = 15;
const LINE = 1.45;

export interface Column {
  title: string;
  /** Share of the text width. */
  weight: number;
}

/**
 * Report pages laid out top to bottom: headings, wrapped paragraphs, tables whose rows wrap in
 * their cells, and fixed-height blocks (mini-maps). A block that does not fit the rest of a page
 * starts the next; every page gets the report title and "第 n 页 / 共 m 页" at the foot. Text
 * is measured with the font the PDF embeds, so lines never run past the margin.
 */
export class PageFlow {
  private readonly done: DrawOp[][] = [];
  private ops: DrawOp[] = [];
  private y = A4.heightMm - MARGIN;
  readonly left = MARGIN;
  readonly width = A4.widthMm - 2 * MARGIN;

  constructor(
    private readonly measure: MeasureText,
    private readonly title: string,
  ) {}

  /** Starts a new page unless `heightMm` still fits on this one; returns the top y. */
  reserve(heightMm: number): number {
    if (this.y - heightMm < MARGIN + 8 && this.ops.length > 0) this.newPage();
    const top = this.y;
    this.y -= heightMm;
    return top;
  }

  newPage(): void {
    this.done.push(this.ops);
    this.ops = [];
    this.y = A4.heightMm - MARGIN;
  }

  space(mm: number): void {
    this.y -= mm;
  }

  heading(str: string, sizePt = 13, color: Rgb = [0, 0, 0]): void {
    this.paragraph(str, { sizePt, bold: true, color, after: 1.5 });
  }

  /** Wrapped text; each line may move to the next page on its own. */
  paragraph(
    str: string,
    opts: { sizePt?: number; indentMm?: number; bold?: boolean; color?: Rgb; after?: number } = {},
  ): void {
    const sizePt = opts.sizePt ?? 9.5;
    const indent = opts.indentMm ?? 0;
    const lineH = ptToMm(sizePt) * LINE;
    for (const line of wrapText(str, sizePt, this.width - indent, this.measure)) {
      const top = this.reserve(lineH);
      this.text(line, this.left + indent, top - ptToMm(sizePt), sizePt, opts);
    }
    this.y -= opts.after ?? 1;
  }

  /** A table with a bold header row; cells wrap, a row never splits across pages. */
  table(columns: readonly Column[], rows: readonly (readonly string[])[], sizePt = 8.5): void {
    const total = columns.reduce((s, c) => s + c.weight, 0);
    const widths = columns.map((c) => (c.weight / total) * this.width);
    const lineH = ptToMm(sizePt) * LINE;
    const pad = 1;
    // A row taller than a page (a 2 000-character reason in a narrow column) continues on the next.
    const maxLines = Math.max(1, Math.floor((A4.heightMm - 2 * MARGIN - 8 - 2 * pad) / lineH));
    const drawPiece = (wrapped: readonly (readonly string[])[], bold: boolean) => {
      const h = Math.max(1, ...wrapped.map((w) => w.length)) * lineH + 2 * pad;
      const top = this.reserve(h);
      let x = this.left;
      wrapped.forEach((lines, i) => {
        this.ops.push(box(x, top - h, widths[i]!, h, bold));
        lines.forEach((line, k) =>
          this.text(line, x + pad, top - pad - ptToMm(sizePt) - k * lineH + 0.3, sizePt, { bold }),
        );
        x += widths[i]!;
      });
    };
    const drawRow = (cells: readonly string[], bold: boolean) => {
      const wrapped = cells.map((cell, i) => wrapText(cell, sizePt, widths[i]! - 2 * pad, this.measure));
      const lines = Math.max(1, ...wrapped.map((w) => w.length));
      for (let from = 0; from < lines; from += maxLines)
        drawPiece(
          wrapped.map((w) => w.slice(from, from + maxLines)),
          bold,
        );
    };
    drawRow(
      columns.map((c) => c.title),
      true,
    );
    for (const row of rows) drawRow(row, false);
    this.y -= 2;
  }

  /** A block of `heightMm` drawn by `draw(top)` (page mm, y up), kept whole on one page. */
  block(heightMm: number, draw: (top: number) => DrawOp[]): void {
    const top = this.reserve(heightMm);
    this.ops.push(...draw(top));
  }

  /** Adds an op at page coordinates on the current page. */
  draw(...ops: DrawOp[]): void {
    this.ops.push(...ops);
  }

  private text(
    str: string,
    x: number,
    y: number,
    sizePt: number,
    opts: { bold?: boolean; color?: Rgb },
  ): void {
    if (!str) return;
    this.ops.push({
      op: 'text',
      str,
      xMm: x,
      yMm: y,
      sizePt,
      anchor: 'start',
      color: opts.color ?? [0, 0, 0],
      ...(opts.bold && { bold: true }),
    });
  }

  /** The pages, each with the title and page number at its foot. */
  pages(): Page[] {
    const all = [...this.done, this.ops].filter((ops, i, list) => ops.length > 0 || list.length === 1);
    return all.map((ops, i) => ({
      widthMm: A4.widthMm,
      heightMm: A4.heightMm,
      images: {},
      title: this.title,
      ops: [
        ...ops,
        {
          op: 'text',
          str: this.title,
          xMm: MARGIN,
          yMm: 8,
          sizePt: 7.5,
          anchor: 'start',
          color: [90, 90, 90],
        },
        {
          op: 'text',
          str: `第 ${i + 1} 页 / 共 ${all.length} 页`,
          xMm: A4.widthMm - MARGIN,
          yMm: 8,
          sizePt: 7.5,
          anchor: 'end',
          color: [90, 90, 90],
        },
      ],
    }));
  }
}

function box(x: number, y: number, w: number, h: number, header: boolean): DrawOp {
  return {
    op: 'path',
    rings: [rectRing(x, y, w, h)],
    closed: true,
    ...(header && { fill: [235, 235, 235] as Rgb }),
    stroke: [120, 120, 120],
    widthMm: 0.15,
  };
}

import type { DrawOp, PathOp, Rgb, TextOp } from '../displayList';
import type { PdfFont } from './pdfFont';
import { num, pt, PT_PER_MM, unit } from './pdfSyntax';

/** What a content stream refers to by name; the page writer turns these into /Resources. */
export interface ContentResources {
  font: PdfFont;
  /** Name of the ExtGState with these opacities. */
  opacity(fill: number, stroke: number): string;
  /** Name of the image XObject for the page image `id`. */
  image(id: string): string;
}

/** The stroke width when the display list gives none: 0.25 mm, a fine map line. */
const DEFAULT_WIDTH_MM = 0.25;

/**
 * A page's display list as PDF content operators, in points (72/25.4 per mm) at 0.001 pt. Every
 * op sets its own state inside q…Q, so nothing leaks from one op to the next; clip and unclip
 * open and close a q…Q of their own.
 */
export function pageContent(
  ops: readonly DrawOp[],
  res: ContentResources,
  emit: (line: string, isText: boolean) => void,
): void {
  const out = { push: (line: string) => emit(line, false) };
  out.push('1 j');
  let clips = 0;
  for (const op of ops) {
    switch (op.op) {
      case 'path':
        pathOps(op, res, out);
        break;
      case 'text': {
        const line = textOps(op, res);
        if (line) emit(line, true);
        break;
      }
      case 'image': {
        const r = op.rect;
        out.push(`q ${pt(r.wMm)} 0 0 ${pt(r.hMm)} ${pt(r.xMm)} ${pt(r.yMm)} cm /${res.image(op.id)} Do Q`);
        break;
      }
      case 'clip': {
        const r = op.rect;
        out.push(`q ${pt(r.xMm)} ${pt(r.yMm)} ${pt(r.wMm)} ${pt(r.hMm)} re W n`);
        clips++;
        break;
      }
      case 'unclip':
        if (clips > 0) {
          out.push('Q');
          clips--;
        }
        break;
    }
  }
  for (; clips > 0; clips--) out.push('Q');
}

const POINTS_PER_LINE = 1000;

const finite = (...values: number[]): boolean => values.every(Number.isFinite);

const colour = (c: Rgb, op: 'rg' | 'RG'): string => `${unit(c[0])} ${unit(c[1])} ${unit(c[2])} ${op}`;

function pathOps(op: PathOp, res: ContentResources, out: { push(line: string): void }): void {
  // A ring with a non-finite point (a layout fault) is left out rather than written as "NaN".
  const rings = op.rings.filter((r) => r.length >= 2 && r.every(([x, y]) => finite(x, y)));
  const fill = op.fill && op.closed ? op.fill : undefined;
  const stroke = op.stroke;
  if (!rings.length || (!fill && !stroke)) return;
  const parts: string[] = ['q'];
  const fa = fill ? (op.fillOpacity ?? 1) : 1;
  const sa = stroke ? (op.strokeOpacity ?? 1) : 1;
  if (fa < 1 || sa < 1) parts.push(`/${res.opacity(fa, sa)} gs`);
  if (fill) parts.push(colour(fill, 'rg'));
  if (stroke) {
    parts.push(colour(stroke, 'RG'), `${pt(op.widthMm ?? DEFAULT_WIDTH_MM)} w`);
    if (op.dash?.length) parts.push(`[${op.dash.map(pt).join(' ')}] 0 d`);
  }
  out.push(parts.join(' '));
  // Points go out a line of at most POINTS_PER_LINE at a time, so a long outline never becomes
  // one huge string.
  let line: string[] = [];
  const flush = () => {
    if (line.length) out.push(line.join(' '));
    line = [];
  };
  for (const ring of rings) {
    ring.forEach(([x, y], i) => {
      line.push(`${pt(x)} ${pt(y)} ${i === 0 ? 'm' : 'l'}`);
      if (line.length >= POINTS_PER_LINE) flush();
    });
    if (op.closed) line.push('h');
  }
  flush();
  const eo = op.evenOdd ? '*' : '';
  out.push(`${fill && stroke ? `B${eo}` : fill ? `f${eo}` : 'S'} Q`);
}

/** A rotation term at 1e-5, so a long rotated label does not drift. */
const fine = (n: number): string => String(Math.round(n * 1e5) / 1e5);

/** Faux bold: the glyphs are stroked as well as filled, 3.5 % of the size wide. */
const BOLD_STROKE = 0.035;

function textOps(op: TextOp, res: ContentResources): string | null {
  if (!(op.sizePt > 0) || !finite(op.xMm, op.yMm, op.rotation ?? 0)) return null;
  const { hex, units } = res.font.encode(op.str);
  if (!hex) return null;
  const widthPt = (units / res.font.font.unitsPerEm) * op.sizePt;
  const shift = op.anchor === 'middle' ? -widthPt / 2 : op.anchor === 'end' ? -widthPt : 0;
  const a = ((op.rotation ?? 0) * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const x = op.xMm * PT_PER_MM + shift * cos;
  const y = op.yMm * PT_PER_MM + shift * sin;
  const c = op.color ?? [0, 0, 0];
  const parts = ['q', colour(c, 'rg')];
  if (op.bold) parts.push(colour(c, 'RG'), `${num(op.sizePt * BOLD_STROKE)} w 2 Tr`);
  parts.push(
    `BT /F1 ${num(op.sizePt)} Tf ${fine(cos)} ${fine(sin)} ${fine(-sin)} ${fine(cos)} ${num(x)} ${num(y)} Tm <${hex}> Tj ET Q`,
  );
  return parts.join(' ');
}

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
export function pageContent(ops: readonly DrawOp[], res: ContentResources): string {
  const out: string[] = ['1 j'];
  let clips = 0;
  for (const op of ops) {
    switch (op.op) {
      case 'path':
        pathOps(op, res, out);
        break;
      case 'text':
        textOps(op, res, out);
        break;
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
  return out.join('\n');
}

const colour = (c: Rgb, op: 'rg' | 'RG'): string => `${unit(c[0])} ${unit(c[1])} ${unit(c[2])} ${op}`;

function pathOps(op: PathOp, res: ContentResources, out: string[]): void {
  const rings = op.rings.filter((r) => r.length >= 2);
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
  for (const ring of rings) {
    const [x0, y0] = ring[0]!;
    parts.push(`${pt(x0)} ${pt(y0)} m`);
    for (let i = 1; i < ring.length; i++) parts.push(`${pt(ring[i]![0])} ${pt(ring[i]![1])} l`);
    if (op.closed) parts.push('h');
  }
  const eo = op.evenOdd ? '*' : '';
  parts.push(fill && stroke ? `B${eo}` : fill ? `f${eo}` : 'S', 'Q');
  out.push(parts.join(' '));
}

/** A rotation term at 1e-5, so a long rotated label does not drift. */
const fine = (n: number): string => String(Math.round(n * 1e5) / 1e5);

/** Faux bold: the glyphs are stroked as well as filled, 3.5 % of the size wide. */
const BOLD_STROKE = 0.035;

function textOps(op: TextOp, res: ContentResources, out: string[]): void {
  const { hex, units } = res.font.encode(op.str);
  if (!hex) return;
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
  out.push(parts.join(' '));
}

import type { DrawOp, PathOp, Rgb, TextOp } from '../../figures/displayList';
import type { Rect } from '../../figures/frame';
import { ptToMm } from '../../figures/textMeasure';
import { html, type Html } from './html';

/**
 * Display-list operations (mm, y up from the page's bottom-left) as an inline SVG of the area
 * `view`, written through the `html` tag so every value — text included — is escaped. The report
 * figures are vector only: image operations are not drawn. `id` keeps clip-path ids apart when
 * one HTML file holds many mini-maps.
 */
export function displayListToSvg(ops: readonly DrawOp[], view: Rect, id: string, label: string): Html {
  const top = view.yMm + view.hMm;
  const x = (v: number) => round(v);
  const y = (v: number) => round(top - v);
  const parts: Html[] = [];
  const open: number[] = [];
  let clips = 0;
  for (const op of ops) {
    if (op.op === 'path') parts.push(pathSvg(op, x, y));
    else if (op.op === 'text') parts.push(textSvg(op, x, y));
    else if (op.op === 'clip') {
      const clipId = `${id}-c${clips++}`;
      const r = op.rect;
      parts.push(
        html`<clipPath id="${clipId}"
            ><rect
              x="${x(r.xMm)}"
              y="${y(r.yMm + r.hMm)}"
              width="${round(r.wMm)}"
              height="${round(r.hMm)}" /></clipPath
          ><g clip-path="url(#${clipId})"></g>`,
      );
      open.push(clips);
    } else if (op.op === 'unclip' && open.pop() !== undefined) parts.push(html`</g>`);
  }
  for (let i = 0; i < open.length; i++) parts.push(html`</g>`);
  return html`<svg
    xmlns="http://www.w3.org/2000/svg"
    role="img"
    aria-label="${label}"
    viewBox="${round(view.xMm)} 0 ${round(view.wMm)} ${round(view.hMm)}"
    width="${round(view.wMm)}mm"
    height="${round(view.hMm)}mm"
  >
    ${parts}
  </svg>`;
}

function pathSvg(op: PathOp, x: (v: number) => number, y: (v: number) => number): Html {
  const d = op.rings
    .filter((ring) => ring.length > 0)
    .map((ring) => `M${ring.map(([px, py]) => `${x(px)} ${y(py)}`).join('L')}${op.closed ? 'Z' : ''}`)
    .join('');
  return html`<path
    d="${d}"
    fill="${op.fill ? colour(op.fill) : 'none'}"
    ${
      op.fill && op.fillOpacity !== undefined && op.fillOpacity < 1
        ? html` fill-opacity="${op.fillOpacity}"`
        : ''
    }${op.evenOdd ? html` fill-rule="evenodd"` : ''}${
      op.stroke
        ? html` stroke="${colour(op.stroke)}"
          stroke-width="${round(op.widthMm ?? 0.2)}"${
            op.strokeOpacity !== undefined && op.strokeOpacity < 1
              ? html` stroke-opacity="${op.strokeOpacity}"`
              : ''
          }${op.dash?.length ? html` stroke-dasharray="${op.dash.map(round).join(' ')}"` : ''}`
        : ''
    }
  />`;
}

const ANCHOR = { start: 'start', middle: 'middle', end: 'end' } as const;

function textSvg(op: TextOp, x: (v: number) => number, y: (v: number) => number): Html {
  const tx = x(op.xMm);
  const ty = y(op.yMm);
  return html`<text
    x="${tx}"
    y="${ty}"
    font-size="${round(ptToMm(op.sizePt))}"
    text-anchor="${ANCHOR[op.anchor]}"
    fill="${colour(op.color ?? [0, 0, 0])}"
    ${
      op.bold ? html` font-weight="bold"` : ''
    }${op.rotation ? html` transform="rotate(${round(-op.rotation)} ${tx} ${ty})"` : ''}
    >${op.str}</text
  >`;
}

function colour([r, g, b]: Rgb): string {
  return `rgb(${Math.round(r)},${Math.round(g)},${Math.round(b)})`;
}

/** Hundredths of a millimetre: finer than any printer or screen shows. */
function round(v: number): number {
  return Math.round(v * 100) / 100;
}

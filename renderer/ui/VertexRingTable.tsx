import type { ClipboardEvent, KeyboardEvent, FocusEvent } from 'react';
import type { Position, ZoneGeometry } from '../../shared/domain/geometry';
import type { Lang } from '../../shared/domain/labels';
import { polygonsOf } from '../../shared/domain/geometry';
import {
  firstPointNumber,
  insertAfterRow,
  openRing,
  ringLabel,
  tableOrder,
  type VertexEdit,
} from '../editor/commands/vertexEdits';
import { columnLabels, displayPair, readTyped, say, type CoordinateMode } from './coordinateUi';

interface Props {
  geometry: ZoneGeometry;
  part: number;
  ring: number;
  mode: CoordinateMode;
  gkZone: number;
  lang: Lang;
  readOnly: boolean;
  onEdit(edit: VertexEdit): void;
  onRefused(problems: { zh: string; en: string }[]): void;
  onFocusVertex(position: Position | null): void;
}

/**
 * One ring's 界址点 rows: point name, the two coordinates as editable cells (Enter or leaving the
 * row's cell commits one move; Escape restores the shown value), insert-after and delete buttons.
 */
export function VertexRingTable(props: Props) {
  const { geometry, part, ring, mode, gkZone, lang, readOnly } = props;
  const stored = openRing(polygonsOf(geometry)[part]![ring]!);
  // Rows in the coordinate table's order and names; edits address the stored vertex.
  const order = tableOrder(geometry, { part, ring }, gkZone);
  const vertices = order.map((i) => stored[i]!);
  const first = firstPointNumber(geometry, { part, ring });
  const [colA, colB] = columnLabels(mode);
  const title = say(ringLabel(geometry, { part, ring }), lang);

  const commit = (row: HTMLTableRowElement, index: number) => {
    const [a, b] = [...row.querySelectorAll('input')].map((i) => i.value.trim());
    const shown = displayPair(vertices[index]!, mode, gkZone);
    if (a === shown[0] && b === shown[1]) return;
    const typed = readTyped(`${a}\t${b}`, mode, gkZone);
    if ('problems' in typed) {
      props.onRefused(typed.problems);
      return;
    }
    props.onEdit({ kind: 'move', at: { part, ring, index: order[index]! }, position: typed.rings[0]![0]! });
  };
  const onKey = (event: KeyboardEvent<HTMLInputElement>, index: number) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit(event.currentTarget.closest('tr')!, index);
    } else if (event.key === 'Escape') {
      const shown = displayPair(vertices[index]!, mode, gkZone);
      const cells = event.currentTarget.closest('tr')!.querySelectorAll('input');
      cells.forEach((c, k) => (c.value = shown[k]!));
    }
  };
  const onBlur = (event: FocusEvent<HTMLInputElement>, index: number) => {
    const row = event.currentTarget.closest('tr')!;
    // Moving between the row's two cells is still editing the row.
    if (event.relatedTarget instanceof Node && row.contains(event.relatedTarget)) return;
    commit(row, index);
  };
  // Spreadsheet rows pasted onto a row: several lines go in after it, one tab-separated line
  // replaces it; a single value pastes into the cell as usual.
  const onPaste = (event: ClipboardEvent<HTMLInputElement>, index: number) => {
    const text = event.clipboardData.getData('text/plain').trim();
    const lines = text.split(/\r\n|\r|\n/).length;
    if (lines === 1 && !text.includes('\t')) return;
    event.preventDefault();
    const typed = readTyped(text, mode, gkZone);
    if ('problems' in typed) return props.onRefused(typed.problems);
    const rows = typed.rings.flat();
    if (lines === 1)
      props.onEdit({ kind: 'move', at: { part, ring, index: order[index]! }, position: rows[0]! });
    else props.onEdit(insertAfterRow(geometry, { part, ring }, index, rows, gkZone));
  };
  const midpoint = (i: number): Position => {
    const p = vertices[i]!;
    const q = vertices[(i + 1) % vertices.length]!;
    return [(p[0] + q[0]) / 2, (p[1] + q[1]) / 2];
  };

  return (
    <table className="vertex-table" aria-label={title}>
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">{lang === 'zh' ? '点号' : 'Point'}</th>
          <th scope="col">{say(colA, lang)}</th>
          <th scope="col">{say(colB, lang)}</th>
          <th scope="col">{lang === 'zh' ? '操作' : 'Actions'}</th>
        </tr>
      </thead>
      <tbody>
        {vertices.map((vertex, index) => {
          const name = `J${first + index + 1}`;
          const [a, b] = displayPair(vertex, mode, gkZone);
          return (
            <tr key={`${index}:${a}:${b}`} onFocus={() => props.onFocusVertex(vertex)}>
              <th scope="row">{name}</th>
              {[a, b].map((value, k) => (
                <td key={k}>
                  <input
                    type="text"
                    inputMode="decimal"
                    defaultValue={value}
                    readOnly={readOnly}
                    aria-label={`${name} ${say(k === 0 ? colA : colB, lang)}`}
                    onKeyDown={(e) => onKey(e, index)}
                    onBlur={(e) => onBlur(e, index)}
                    onPaste={(e) => onPaste(e, index)}
                  />
                </td>
              ))}
              <td className="vertex-actions">
                <button
                  type="button"
                  disabled={readOnly}
                  aria-label={lang === 'zh' ? `在 ${name} 后插入界址点` : `Insert a vertex after ${name}`}
                  title={
                    lang === 'zh' ? `在 ${name} 后插入（边的中点）` : `Insert after ${name} (edge midpoint)`
                  }
                  onClick={() =>
                    props.onEdit(insertAfterRow(geometry, { part, ring }, index, [midpoint(index)], gkZone))
                  }
                >
                  +
                </button>
                <button
                  type="button"
                  disabled={readOnly}
                  aria-label={lang === 'zh' ? `删除界址点 ${name}` : `Delete vertex ${name}`}
                  title={lang === 'zh' ? `删除 ${name}` : `Delete ${name}`}
                  onClick={() =>
                    props.onEdit({ kind: 'remove', at: { part, ring }, indices: [order[index]!] })
                  }
                >
                  −
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

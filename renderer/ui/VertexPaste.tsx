import { useId, useState } from 'react';
import { polygonsOf, type Position, type ZoneGeometry } from '../../shared/domain/geometry';
import type { Lang } from '../../shared/domain/labels';
import {
  firstPointNumber,
  insertAfterRow,
  openRing,
  ringLabel,
  type VertexEdit,
} from '../editor/commands/vertexEdits';
import { TypedPreview } from './TypedPreview';
import { readTyped, say, type CoordinateMode } from './coordinateUi';

interface Props {
  geometry: ZoneGeometry;
  mode: CoordinateMode;
  gkZone: number;
  lang: Lang;
  readOnly: boolean;
  onEdit(edit: VertexEdit): Promise<boolean>;
}

/** Where pasted rows go: replace a ring, add a hole to a part, or insert after a point. */
function targets(geometry: ZoneGeometry, lang: Lang): { value: string; label: string }[] {
  const out: { value: string; label: string }[] = [];
  polygonsOf(geometry).forEach((rings, part) => {
    rings.forEach((ring, r) => {
      const name = say(ringLabel(geometry, { part, ring: r }), lang);
      out.push({
        value: `replace:${part}:${r}`,
        label: lang === 'zh' ? `替换${name}` : `Replace the ${name}`,
      });
    });
    const hole = say(ringLabel(geometry, { part, ring: rings.length }), lang);
    out.push({
      value: `replace:${part}:${rings.length}`,
      label: lang === 'zh' ? `新增${hole}` : `Add ${hole}`,
    });
    rings.forEach((ring, r) => {
      const first = firstPointNumber(geometry, { part, ring: r });
      openRing(ring).forEach((_, i) => {
        const name = `J${first + i + 1}`;
        out.push({
          value: `insert:${part}:${r}:${i}`,
          label: lang === 'zh' ? `插入到 ${name} 之后` : `Insert after ${name}`,
        });
      });
    });
  });
  return out;
}

/** `insert:part:ring:row` inserts after a table row; `replace:part:ring` replaces (or adds) a ring. */
function editOf(target: string, positions: Position[], geometry: ZoneGeometry, gkZone: number): VertexEdit {
  const [kind, part, ring, row] = target.split(':');
  const at = { part: Number(part), ring: Number(ring) };
  return kind === 'insert'
    ? insertAfterRow(geometry, at, Number(row), positions, gkZone)
    : { kind: 'replace', at, positions };
}

/**
 * Paste rows from a spreadsheet (tab, comma or space separated, with or without point names and
 * a header), preview what was read, and apply them as one edit.
 */
export function VertexPaste({ geometry, mode, gkZone, lang, readOnly, onEdit }: Props) {
  const id = useId();
  const [text, setText] = useState('');
  const options = targets(geometry, lang);
  const [chosen, setTarget] = useState(options[0]!.value);
  // After an edit the rows change: a target that no longer exists falls back to the first.
  const target = options.some((o) => o.value === chosen) ? chosen : options[0]!.value;
  const typed = text.trim() ? readTyped(text, mode, gkZone) : null;
  const manyRings = typed && 'rings' in typed && typed.rings.length > 1;
  const ready = typed && 'rings' in typed && !manyRings;

  const apply = async () => {
    if (!typed || !('rings' in typed)) return;
    if (await onEdit(editOf(target, typed.rings[0]!, geometry, gkZone))) setText('');
  };

  return (
    <div className="vertex-paste" role="group" aria-label={lang === 'zh' ? '粘贴坐标' : 'Paste coordinates'}>
      <label htmlFor={`${id}-text`}>
        {lang === 'zh'
          ? '粘贴坐标行（来自表格：点号可有可无，可含表头）'
          : 'Paste rows (from a spreadsheet; point names and a header optional)'}
      </label>
      <textarea
        id={`${id}-text`}
        rows={4}
        value={text}
        readOnly={readOnly}
        onChange={(e) => setText(e.target.value)}
      />
      <label htmlFor={`${id}-target`}>{lang === 'zh' ? '粘贴到' : 'Paste into'}</label>
      <select id={`${id}-target`} value={target} onChange={(e) => setTarget(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {typed && <TypedPreview typed={typed} lang={lang} />}
      {manyRings && (
        <p className="field-error" role="alert">
          {lang === 'zh'
            ? '粘贴的坐标含多个圈号；请逐环粘贴，或用“按坐标新建区划”'
            : 'The rows hold several ring numbers; paste one ring at a time, or use “New zone from coordinates”'}
        </p>
      )}
      <button type="button" disabled={!ready || readOnly} onClick={() => void apply()}>
        {lang === 'zh' ? '应用粘贴' : 'Apply paste'}
      </button>
    </div>
  );
}

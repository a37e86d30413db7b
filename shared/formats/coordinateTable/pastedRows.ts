import type { Bilingual } from '../../domain/labels';
import { normaliseLine, pointOf, type RawPoint } from './parseCoordinateText';

/**
 * Rows pasted from a spreadsheet or typed by hand: one point a line, fields separated by tabs,
 * commas, semicolons or spaces; with or without point names (J1…) and ring numbers, with or
 * without a header line. Each line is read by the coordinate-table reader's own rules
 * (`pointOf`: `J1,1,X,Y`, `J1,X,Y`, and here also a bare `X,Y`), so a paste and an imported
 * table cannot disagree. The numbers stay as written; `placePastedRows` decides their system.
 */
export interface PastedRows {
  points: RawPoint[];
  problems: Bilingual[];
  /** The header line skipped (its line number), if the first line held no coordinates. */
  header: number | null;
}

/** Split one normalised line: tabs first (spreadsheets), else commas/semicolons, else spaces. */
export function pastedFields(line: string): string[] {
  const separator = line.includes('\t') ? /\t/ : /[,;]/.test(line) ? /[,;]/ : /\s+/;
  const fields = line.split(separator).map((f) => f.trim());
  while (fields.length > 1 && fields.at(-1) === '') fields.pop();
  return fields;
}

export function parsePastedRows(text: string): PastedRows {
  const points: RawPoint[] = [];
  const problems: Bilingual[] = [];
  let header: number | null = null;
  let seenContent = false;
  text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .forEach((raw, i) => {
      const line = i + 1;
      // A spreadsheet's tabs survive normalising (which trims the line's ends only).
      const text = normaliseLine(raw.replace(/\t/g, ' \t '));
      if (!text) return;
      const read = pointOf(pastedFields(text), line, true);
      const first = !seenContent;
      seenContent = true;
      if ('point' in read) points.push(read.point);
      // A first line that names columns (点号 X Y, 经度 纬度…) is a header, not a bad row.
      else if (first && !/\d{3,}/.test(text)) header = line;
      else problems.push(read.problem);
    });
  if (points.length === 0 && problems.length === 0)
    problems.push({ zh: '没有坐标行', en: 'no coordinate rows' });
  return { points, problems, header };
}

/**
 * The points as rings: consecutive points with the same ring number form a ring (1 = outer,
 * 2… = holes, as in the coordinate table); a last point repeating the first closes the ring and
 * is dropped (the table shows each vertex once).
 */
export function pastedRings(points: readonly RawPoint[]): { ring: number; points: RawPoint[] }[] {
  const rings: { ring: number; points: RawPoint[] }[] = [];
  for (const p of points) {
    const current = rings.at(-1);
    if (current && current.ring === p.ring) current.points.push(p);
    else rings.push({ ring: p.ring, points: [p] });
  }
  for (const r of rings) {
    const first = r.points[0]!;
    const last = r.points.at(-1)!;
    if (r.points.length > 1 && first.a === last.a && first.b === last.b) r.points.pop();
  }
  return rings;
}

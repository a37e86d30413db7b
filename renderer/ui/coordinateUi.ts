import { useSyncExternalStore } from 'react';
import type { Position } from '../../shared/domain/geometry';
import type { Bilingual, Lang } from '../../shared/domain/labels';
import { toSurveyXY } from '../../shared/crs/gaussKruger';
import { parsePastedRows, pastedRings } from '../../shared/formats/coordinateTable/pastedRows';
import { placePastedRows } from '../../shared/formats/coordinateTable/placePasted';

/**
 * How the vertex table, the new-zone-by-coordinates dialog and jump-to-coordinate show and read
 * numbers: the project's 3° Gauss-Krüger zone with X = north first (Y with or without the zone
 * number), or longitude/latitude. One choice for all three, kept while the window is open.
 */
export type CoordinateMode = 'gk-prefixed' | 'gk-plain' | 'lonlat';
export const COORDINATE_MODES: readonly CoordinateMode[] = ['gk-prefixed', 'gk-plain', 'lonlat'];

export function modeLabel(mode: CoordinateMode, gkZone: number): Bilingual {
  switch (mode) {
    case 'gk-prefixed':
      return {
        zh: `高斯-克吕格 ${gkZone} 带（Y 含带号）`,
        en: `Gauss-Krüger zone ${gkZone} (Y with zone number)`,
      };
    case 'gk-plain':
      return {
        zh: `高斯-克吕格 ${gkZone} 带（Y 不含带号）`,
        en: `Gauss-Krüger zone ${gkZone} (Y without zone number)`,
      };
    case 'lonlat':
      return { zh: '经纬度（CGCS2000）', en: 'Longitude/latitude (CGCS2000)' };
  }
}

export function columnLabels(mode: CoordinateMode): [Bilingual, Bilingual] {
  return mode === 'lonlat'
    ? [
        { zh: '经度', en: 'Longitude' },
        { zh: '纬度', en: 'Latitude' },
      ]
    : [
        { zh: 'X（北）', en: 'X (north)' },
        { zh: 'Y（东）', en: 'Y (east)' },
      ];
}

/** A stored lon/lat position as the two cells of a row: GK to the millimetre, degrees to 1e-8 (≈ 1 mm). */
export function displayPair(position: Position, mode: CoordinateMode, gkZone: number): [string, string] {
  if (mode === 'lonlat') return [position[0].toFixed(8), position[1].toFixed(8)];
  const { x, y } = toSurveyXY(position, gkZone, { prefixed: mode === 'gk-prefixed' });
  return [x.toFixed(3), y.toFixed(3)];
}

export type Typed =
  | { rings: Position[][]; names: string[][]; reasons: Bilingual[]; warnings: Bilingual[] }
  | { problems: Bilingual[] };

/**
 * Typed or pasted rows → lon/lat rings, by the coordinate-table reader's rules and the one CRS
 * resolver (shared/formats/coordinateTable/pastedRows.ts, placePasted.ts). In a GK mode the rows
 * are X (north) first, with or without the zone number on Y; in lon/lat mode longitude first.
 */
export function readTyped(text: string, mode: CoordinateMode, gkZone: number): Typed {
  const rows = parsePastedRows(text);
  if (rows.problems.length) return { problems: rows.problems };
  const placed = placePastedRows(rows.points, { gkZone, order: mode === 'lonlat' ? 'en' : 'ne' });
  if ('refusal' in placed) return { problems: [placed.refusal] };
  const rings: Position[][] = [];
  const names: string[][] = [];
  let k = 0;
  const where = new Map(rows.points.map((p) => [p, placed.positions[k++]!]));
  for (const ring of pastedRings(rows.points)) {
    rings.push(ring.points.map((p) => where.get(p)!));
    names.push(ring.points.map((p) => p.name));
  }
  return { rings, names, reasons: placed.reasons, warnings: placed.warnings };
}

export const say = (text: Bilingual, lang: Lang) => text[lang];

interface CoordinateUiState {
  tableOpen: boolean;
  dialog: 'create' | 'jump' | null;
  mode: CoordinateMode;
}

let state: CoordinateUiState = { tableOpen: false, dialog: null, mode: 'gk-prefixed' };
const listeners = new Set<() => void>();

export function setCoordinateUi(patch: Partial<CoordinateUiState>): void {
  state = { ...state, ...patch };
  listeners.forEach((l) => l());
}

export function useCoordinateUi(): CoordinateUiState {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
}

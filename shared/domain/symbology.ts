import type { ZoneType } from './taxonomy';

/**
 * Default map symbols per zone type (../shared/domain.md §6: no national standard exists, so these
 * follow common practice). Kept as data so a project can override them and exports (KML, DXF
 * colours) can reuse them. Colours are CSS hex; dash arrays in screen pixels.
 */
export interface ZoneSymbol {
  stroke: string;
  strokeWidth: number;
  dash: number[] | null;
  /** Solid background fill (with alpha), also what makes the inside clickable. */
  fill: string;
  hatch: { color: string; angle: number; spacing: number } | null;
  /** Draw order: outer zones first, so inner zones sit on top and are hit first. */
  order: number;
}

const DASH = [12, 6];
const DASH_DOT = [14, 5, 2, 5];
const DOT = [2, 5];

export const DEFAULT_SYMBOLS: Record<ZoneType, ZoneSymbol> = {
  historic_urban_area_boundary: {
    stroke: '#8b1a1a',
    strokeWidth: 2.5,
    dash: DASH_DOT,
    fill: '#8b1a1a0d',
    hatch: null,
    order: 0,
  },
  height_control_zone: {
    stroke: '#4a6fa5',
    strokeWidth: 1.5,
    dash: DASH,
    fill: '#4a6fa50d',
    hatch: null,
    order: 1,
  },
  view_corridor: { stroke: '#555555', strokeWidth: 1.5, dash: DOT, fill: '#5555550d', hatch: null, order: 2 },
  environment_coordination_zone: {
    stroke: '#2e8b3a',
    strokeWidth: 2,
    dash: DASH_DOT,
    fill: '#2e8b3a14',
    hatch: null,
    order: 3,
  },
  purple_line: { stroke: '#b000b5', strokeWidth: 2.5, dash: null, fill: '#b000b50d', hatch: null, order: 4 },
  construction_control_zone: {
    stroke: '#e07b00',
    strokeWidth: 2,
    dash: DASH,
    fill: '#e07b001f',
    hatch: null,
    order: 5,
  },
  possible_relic_area: {
    stroke: '#8b5a2b',
    strokeWidth: 1.5,
    dash: DOT,
    fill: '#8b5a2b14',
    hatch: null,
    order: 6,
  },
  underground_relic_zone: {
    stroke: '#8b5a2b',
    strokeWidth: 1.5,
    dash: null,
    fill: '#8b5a2b14',
    hatch: { color: '#8b5a2b99', angle: 135, spacing: 8 },
    order: 7,
  },
  core_protection_range: {
    stroke: '#d01c1c',
    strokeWidth: 2.5,
    dash: null,
    fill: '#d01c1c14',
    hatch: { color: '#d01c1c80', angle: 45, spacing: 9 },
    order: 8,
  },
  protection_range: {
    stroke: '#d01c1c',
    strokeWidth: 2.5,
    dash: null,
    fill: '#d01c1c14',
    hatch: { color: '#d01c1c80', angle: 45, spacing: 9 },
    order: 9,
  },
  general_protection_area: {
    stroke: '#d01c1c',
    strokeWidth: 1.5,
    dash: DASH,
    fill: '#d01c1c14',
    hatch: { color: '#d01c1c66', angle: 45, spacing: 14 },
    order: 10,
  },
  key_protection_area: {
    stroke: '#d01c1c',
    strokeWidth: 2,
    dash: null,
    fill: '#d01c1c1f',
    hatch: { color: '#d01c1c99', angle: 45, spacing: 6 },
    order: 11,
  },
  body: { stroke: '#9e0000', strokeWidth: 1.5, dash: null, fill: '#d01c1ccc', hatch: null, order: 12 },
};

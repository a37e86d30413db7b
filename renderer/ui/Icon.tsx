/**
 * Toolbar icons as inline SVG paths (24×24 grid), so they render the same on every machine
 * without icon fonts or emoji fonts.
 */
const PATHS = {
  newProject: 'M6 3h8l4 4v14H6z M14 3v4h4 M12 11v6 M9 14h6',
  openProject: 'M3 7h6l2 2h10v10H3z M3 7V5h6',
  saveProject: 'M5 4h11l3 3v13H5z M8 4v5h7V4 M8 20v-6h8v6',
  mergeReview: 'M4 4h12v9H9l-4 3v-3H4z M14 14v6 M11 17l3 3 3-3',
  importFile: 'M12 3v11 M8 10l4 4 4-4 M4 17v3h16v-3',
  exportFile: 'M12 14V3 M8 7l4-4 4 4 M4 17v3h16v-3',
  undo: 'M9 7L4 12l5 5 M4 12h11a5 5 0 0 1 0 10h-2',
  redo: 'M15 7l5 5-5 5 M20 12H9a5 5 0 0 0 0 10h2',
  delete: 'M5 7h14 M10 7V4h4v3 M7 7l1 13h8l1-13 M10 11v6 M14 11v6',
  select: 'M5 3l13 8-6 1 3 7-2 1-3-7-5 4z',
  drawPolygon: 'M4 9l7-6 9 5-3 12H6z',
  drawRectangle: 'M4 6h16v12H4z',
  drawCircle: 'M12 3a9 9 0 1 0 0.01 0 M12 12h9',
  drawHole: 'M3 4h18v16H3z M9 9h6v6H9z',
  modify: 'M4 20l4-1 11-11-3-3L5 16z M14 7l3 3',
  move: 'M12 2v20 M2 12h20 M12 2l-3 3 M12 2l3 3 M12 22l-3-3 M12 22l3-3 M2 12l3-3 M2 12l3 3 M22 12l-3-3 M22 12l-3 3',
  measureLength: 'M3 17L17 3l4 4L7 21z M7 13l2 2 M10 10l2 2 M13 7l2 2',
  measureArea: 'M4 4h16v16H4z M4 9h16 M9 4v16',
  zoomIn: 'M11 4a7 7 0 1 0 0.01 0 M16 16l5 5 M8 11h6 M11 8v6',
  zoomOut: 'M11 4a7 7 0 1 0 0.01 0 M16 16l5 5 M8 11h6',
  zoomToProject: 'M4 9V4h5 M15 4h5v5 M20 15v5h-5 M9 20H4v-5 M9 9h6v6H9z',
  settings:
    'M12 8a4 4 0 1 0 0.01 0 M12 2v3 M12 19v3 M2 12h3 M19 12h3 M5 5l2 2 M17 17l2 2 M5 19l2-2 M17 7l2-2',
  areaStatistics: 'M4 20V11 M10 20V5 M16 20v-6 M3 20h18',
  attributeTable: 'M3 5h18v14H3z M3 10h18 M3 15h18 M9 5v14',
  whatHere: 'M12 2a7 7 0 0 0-7 7c0 5 7 13 7 13s7-8 7-13a7 7 0 0 0-7-7z M12 6v4 M12 12v1',
  checks: 'M4 12l4 4 8-9 M14 17h6 M14 21h6',
  severityError: 'M12 3a9 9 0 1 0 0.01 0 M8 8l8 8 M16 8l-8 8',
  severityWarning: 'M12 3l10 18H2z M12 10v5 M12 17v2',
  severityInfo: 'M12 3a9 9 0 1 0 0.01 0 M12 11v6 M12 7v2',
  layers: 'M12 3l9 5-9 5-9-5z M3 13l9 5 9-5',
  figure: 'M4 3h16v18H4z M7 6h10v8H7z M9 12l2-3 2 2 2-3 M7 17h6',
  comment: 'M4 4h16v12H10l-5 4v-4H4z M8 8h8 M8 12h5',
} as const;
export type IconName = keyof typeof PATHS;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg className="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} />
    </svg>
  );
}

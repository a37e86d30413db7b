/**
 * What the drawing and editing tools snap to. Each target is a switch in the snapping settings;
 * `renderer/ui/SnappingSettings.tsx` holds a Record over this union, so a new target breaks the
 * build until it has a label. 'backgrounds': the parts of CAD survey sheets near the pointer.
 */
export const SNAP_TARGETS = [
  'vertices',
  'edges',
  'intersections',
  'otherObjects',
  'referenceLayers',
  'backgrounds',
] as const;
export type SnapTarget = (typeof SNAP_TARGETS)[number];

export interface SnapSettings {
  /** How close the pointer must come, in screen pixels. */
  tolerancePx: number;
  targets: Record<SnapTarget, boolean>;
}

export const MIN_SNAP_TOLERANCE = 1;
export const MAX_SNAP_TOLERANCE = 40;

/**
 * Intersections start off, as in QGIS: computing every crossing of every zone edge costs time
 * on a county's project, and most planners want vertices and edges.
 */
export const DEFAULT_SNAP_SETTINGS: SnapSettings = {
  tolerancePx: 12,
  targets: {
    vertices: true,
    edges: true,
    intersections: false,
    otherObjects: true,
    referenceLayers: true,
    backgrounds: true,
  },
};

/** The preference that keeps the snapping switch and settings (snapPreference.ts). */
export const SNAP_PREFERENCE = 'snapSettings';

/** A stored preference back to settings; anything missing or malformed takes the default. */
export function parseSnapSettings(text: string | null): { settings: SnapSettings; enabled: boolean } {
  let raw: Record<string, unknown> = {};
  try {
    const parsed: unknown = text ? JSON.parse(text) : {};
    if (parsed && typeof parsed === 'object') raw = parsed as Record<string, unknown>;
  } catch {
    // A damaged preference is not worth a message: the defaults apply.
  }
  const tolerance = Number(raw.tolerancePx);
  const storedTargets = (raw.targets && typeof raw.targets === 'object' ? raw.targets : {}) as Record<
    string,
    unknown
  >;
  const targets = { ...DEFAULT_SNAP_SETTINGS.targets };
  for (const target of SNAP_TARGETS) {
    if (typeof storedTargets[target] === 'boolean') targets[target] = storedTargets[target];
  }
  return {
    settings: {
      tolerancePx: Number.isFinite(tolerance) ? clampTolerance(tolerance) : DEFAULT_SNAP_SETTINGS.tolerancePx,
      targets,
    },
    enabled: raw.enabled !== false,
  };
}

export function clampTolerance(px: number): number {
  return Math.min(MAX_SNAP_TOLERANCE, Math.max(MIN_SNAP_TOLERANCE, Math.round(px)));
}

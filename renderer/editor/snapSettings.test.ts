import { describe, expect, it } from 'vitest';
import { DEFAULT_SNAP_SETTINGS, MAX_SNAP_TOLERANCE, parseSnapSettings } from './snapSettings';

describe('the stored snapping preference', () => {
  it('reads back what was written', () => {
    const written = {
      enabled: false,
      tolerancePx: 20,
      targets: {
        vertices: true,
        edges: false,
        intersections: true,
        otherObjects: false,
        referenceLayers: false,
        backgrounds: false,
      },
    };
    const { enabled, settings } = parseSnapSettings(JSON.stringify(written));
    expect(enabled).toBe(false);
    expect(settings).toEqual({ tolerancePx: 20, targets: written.targets });
  });

  it('falls back to the defaults for a missing, damaged or partial preference', () => {
    expect(parseSnapSettings(null)).toEqual({ enabled: true, settings: DEFAULT_SNAP_SETTINGS });
    expect(parseSnapSettings('{not json')).toEqual({ enabled: true, settings: DEFAULT_SNAP_SETTINGS });
    const partial = parseSnapSettings(
      JSON.stringify({ tolerancePx: 'x', targets: { edges: false, walls: true } }),
    );
    expect(partial.settings.tolerancePx).toBe(DEFAULT_SNAP_SETTINGS.tolerancePx);
    expect(partial.settings.targets).toEqual({ ...DEFAULT_SNAP_SETTINGS.targets, edges: false });
  });

  it('keeps the tolerance within what the map can use', () => {
    expect(parseSnapSettings(JSON.stringify({ tolerancePx: 500 })).settings.tolerancePx).toBe(
      MAX_SNAP_TOLERANCE,
    );
    expect(parseSnapSettings(JSON.stringify({ tolerancePx: -3 })).settings.tolerancePx).toBe(1);
  });
});

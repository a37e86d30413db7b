import type OlMap from 'ol/Map';
import { containsExtent } from 'ol/extent';
import { describe, expect, it, vi } from 'vitest';
import { SteadyGraticule } from './steadyGraticule';

/** A graticule on a map whose view is (or is not) being panned. */
function graticuleOn(view: { interacting: boolean }) {
  const graticule = new SteadyGraticule({ showLabels: false });
  vi.spyOn(graticule, 'getMapInternal').mockReturnValue({
    getView: () => ({ getInteracting: () => view.interacting, getAnimating: () => false }),
  } as unknown as OlMap);
  return graticule;
}

const window0 = [0, 0, 1400, 900];
const shifted = (dx: number, dy: number) => [dx, dy, 1400 + dx, 900 + dy];

describe('the graticule while the map is panned', () => {
  it('keeps the lines it computed for a grown window while a pan stays inside it', () => {
    const view = { interacting: true };
    const graticule = graticuleOn(view);
    const [first] = graticule.strategyFunction(window0, 1);
    expect(containsExtent(first!, window0)).toBe(true);
    expect(first).not.toEqual(window0);
    // A pan of 150 × 80 px (the bench's) asks for the same lines: nothing is computed again.
    expect(graticule.strategyFunction(shifted(150, 80), 1)).toEqual([first]);
    // Beyond an eighth of the window, or at another zoom, the lines are computed anew.
    expect(graticule.strategyFunction(shifted(400, 0), 1)).not.toEqual([first]);
    expect(graticule.strategyFunction(shifted(400, 0), 2)[0]).not.toEqual(first);
  });

  it('computes them for the window itself once the view is at rest', () => {
    const view = { interacting: true };
    const graticule = graticuleOn(view);
    graticule.strategyFunction(window0, 1);
    view.interacting = false;
    expect(graticule.strategyFunction(shifted(150, 80), 1)).toEqual([shifted(150, 80)]);
  });
});

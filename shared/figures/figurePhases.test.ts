import { afterEach, describe, expect, it } from 'vitest';
import { FIGURE_PHASES, figurePhase } from './figurePhases';

const measures = (name: string) => performance.getEntriesByName(name, 'measure');

describe('figurePhase', () => {
  afterEach(() => performance.clearMeasures());

  it('measures the work it awaits under the phase name and returns its result', async () => {
    const result = await figurePhase(
      FIGURE_PHASES.background,
      () => new Promise<string>((resolve) => setTimeout(() => resolve('raster'), 30)),
    );
    expect(result).toBe('raster');
    const [entry, ...more] = measures(FIGURE_PHASES.background);
    expect(more).toEqual([]);
    expect(entry!.duration).toBeGreaterThanOrEqual(25);
  });

  it('measures failed work too, and lets its error through', async () => {
    await expect(
      figurePhase(FIGURE_PHASES.compose, () => Promise.reject(new Error('worker gone'))),
    ).rejects.toThrow('worker gone');
    expect(measures(FIGURE_PHASES.compose)).toHaveLength(1);
    expect(measures(FIGURE_PHASES.write)).toHaveLength(0);
  });
});

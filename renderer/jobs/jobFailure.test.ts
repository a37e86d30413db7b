import { describe, expect, it } from 'vitest';
import { deriveZones } from '../../shared/derive/deriveZones';
import { lonLatPoint, square } from '../../shared/derive/testHelpers';
import { FormatError } from '../../shared/formats/formatError';
import { splitZone } from '../../shared/geometry/ops/split';
import { JobRefused, errorFromReply, failureReply } from './jobFailure';

/** What the page receives: the reply after the structured clone of postMessage. */
function acrossWorker(error: unknown) {
  return errorFromReply('deriveZones', structuredClone(failureReply(error)));
}

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('job failures across the worker boundary', () => {
  it('a refused derivation reaches the page with its Chinese and English reason', () => {
    const error = thrown(() =>
      deriveZones(
        [
          {
            source: { kind: 'zone', zoneId: 'a', geometry: square(50) },
            spec: { method: 'buffer', distanceM: 30, corner: 'round' },
          },
          {
            source: { kind: 'zone', zoneId: 'b', geometry: square(50) },
            spec: { method: 'buffer', distanceM: -5, corner: 'round' },
          },
        ],
        { gkZone: 39 },
      ),
    );
    const back = acrossWorker(error);
    expect(back).toBeInstanceOf(JobRefused);
    const refused = back as JobRefused;
    expect(refused.detail.index).toBe(1);
    expect(refused.title.zh).toMatch(/无法派生区划/);
    expect(refused.problems[0]!.zh).toMatch(/^distanceM：距离须为0至100000米/);
    expect(refused.problems[0]!.en).toMatch(/^distanceM: distance must be/);
  });

  it('a refused geometry operation keeps its bilingual reason too', () => {
    // A line that stays inside the square does not split it.
    const error = thrown(() =>
      splitZone(square(100), [lonLatPoint(10, 10), lonLatPoint(20, 20)], { gkZone: 39 }),
    );
    const back = acrossWorker(error) as JobRefused;
    expect(back.detail.field).toBe('split');
    expect(back.problems[0]!.zh).toMatch(/分割线/);
  });

  it('a FormatError keeps its file and problems; anything else its message', () => {
    const format = new FormatError('a.geojson', [
      { index: 3, field: 'geometry', reason: { zh: '不是面', en: 'not a polygon' } },
    ]);
    const back = acrossWorker(format);
    expect(back).toBeInstanceOf(FormatError);
    expect((back as FormatError).problems[0]!.reason.zh).toBe('不是面');
    const plain = acrossWorker(new TypeError('x is undefined'));
    expect(plain).not.toBeInstanceOf(JobRefused);
    expect(plain.message).toBe('x is undefined');
  });
});

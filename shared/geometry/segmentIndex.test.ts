import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Position } from '../domain/geometry';
import { forEachCandidatePair } from './segmentIndex';
import { segmentsOf, type Segment } from './segments';

const boxesMeet = (s: Segment, t: Segment) =>
  !(s.maxX < t.minX || t.maxX < s.minX || s.maxY < t.minY || t.maxY < s.minY);

/** The pairs the index visits, as sorted "i-j" keys (i, j = positions in the segment list). */
function visited(segments: Segment[]): string[] {
  const id = new Map(segments.map((s, i) => [s, i]));
  const out: string[] = [];
  forEachCandidatePair(segments, (s, t) => {
    const [i, j] = [id.get(s)!, id.get(t)!].sort((a, b) => a - b);
    out.push(`${i}-${j}`);
  });
  return out.sort();
}

function bruteForce(segments: Segment[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < segments.length; i++)
    for (let j = i + 1; j < segments.length; j++)
      if (boxesMeet(segments[i]!, segments[j]!)) out.push(`${i}-${j}`);
  return out.sort();
}

/** Open polylines closed into rings; coordinates on a coarse grid so boxes often just touch. */
const rings = fc.array(
  fc.array(
    fc
      .tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }))
      .map(([x, y]): Position => [x, y]),
    { minLength: 2, maxLength: 30 },
  ),
  { minLength: 1, maxLength: 4 },
);

describe('segment index', () => {
  it('visits exactly the pairs whose boxes meet, each once (property, against brute force)', () => {
    fc.assert(
      fc.property(rings, (polylines) => {
        const segments = segmentsOf(polylines.map((line) => [...line, line[0]!]));
        const pairs = visited(segments);
        expect(new Set(pairs).size).toBe(pairs.length);
        expect(pairs).toEqual(bruteForce(segments));
      }),
      { numRuns: 300 },
    );
  });

  it('handles a ring with no width (all on one vertical line) and a long thin one', () => {
    const vertical: Position[] = Array.from({ length: 50 }, (_, i) => [3, i % 7]);
    const vs = segmentsOf([[...vertical, vertical[0]!]]);
    expect(visited(vs)).toEqual(bruteForce(vs));
    const strip: Position[] = [];
    for (let i = 0; i <= 500; i++) strip.push([84 + 1e-6 * Math.sin(i), 44 + i * 1e-4]);
    for (let i = 500; i >= 0; i--) strip.push([84.0001 + 1e-6 * Math.cos(i), 44 + i * 1e-4]);
    const ss = segmentsOf([[...strip, strip[0]!]]);
    expect(visited(ss)).toEqual(bruteForce(ss));
  });

  it('stops when the visitor says so', () => {
    const segments = segmentsOf([
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 1],
        [0, 0],
      ],
    ]);
    let calls = 0;
    forEachCandidatePair(segments, () => ++calls === 1);
    expect(calls).toBe(1);
  });
});

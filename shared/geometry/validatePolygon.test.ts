import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Position, Ring, ZoneGeometry } from '../domain/geometry';
import { circlePolygon } from './circle';
import { POLYGON_ERRORS, POLYGON_WARNINGS, severityOf } from './polygonProblems';
import { POLYGON_PROBLEM_TEXT, polygonProblemMessage, validateGeometry } from './validatePolygon';
import { square } from './testShapes';

const poly = (...rings: Ring[]): ZoneGeometry => ({ type: 'Polygon', coordinates: rings });
const multi = (...parts: Ring[][]): ZoneGeometry => ({ type: 'MultiPolygon', coordinates: parts });
const codes = (g: ZoneGeometry) => validateGeometry(g).errors.map((e) => e.code);
/** Metres-scale offsets around Wusu, so rings look like real zones. */
const at = (x: number, y: number): Position => [84 + x * 1e-4, 44 + y * 1e-4];

describe('polygon validation', () => {
  it('accepts a square, a square with a hole, a circle and separate parts', () => {
    expect(codes(poly(square(84, 44, 0.01)))).toEqual([]);
    expect(codes(poly(square(84, 44, 0.01), square(84.002, 44.002, 0.002).reverse()))).toEqual([]);
    expect(codes(circlePolygon([84, 44], 30))).toEqual([]);
    expect(codes(multi([square(84, 44, 0.01)], [square(84.02, 44, 0.01)]))).toEqual([]);
  });

  it('reports malformed rings with their ring and vertex', () => {
    const [tooFew] = validateGeometry(poly([at(0, 0), at(1, 0), at(0, 0)])).errors;
    expect(tooFew).toMatchObject({ code: 'too_few_points', polygon: 0, ring: 0 });
    expect(codes(poly([at(0, 0), at(1, 0), at(1, 1), at(0, 1)]))).toEqual(['ring_not_closed']);
    expect(codes(poly([at(0, 0), at(1, 0), at(2, 0), at(0, 0)]))).toEqual(['degenerate_ring']);
    const [nan] = validateGeometry(poly([at(0, 0), [Infinity, 44], at(1, 1), at(0, 0)])).errors;
    expect(nan).toMatchObject({ code: 'non_finite', ring: 0, vertex: 1 });
    expect(codes(poly([at(0, 0), [84, 95], at(1, 1), at(0, 0)]))).toEqual(['out_of_range']);
    const inHole = validateGeometry(poly(square(84, 44, 0.01), [at(20, 20), at(30, 20), at(20, 20)]));
    expect(inHole.errors).toEqual([expect.objectContaining({ code: 'too_few_points', ring: 1 })]);
    expect(codes({ type: 'MultiPolygon', coordinates: [] })).toEqual(['too_few_points']);
    expect(codes({ type: 'MultiPolygon', coordinates: [[square(84, 44, 0.01)], []] })).toEqual([
      'too_few_points',
    ]);
  });

  it('calls a ring degenerate when it is collinear up to the rounding of decimal degrees', () => {
    // 84.01 and 84.02 are not exact in binary: the three points are collinear only to rounding.
    expect(
      codes(
        poly([
          [84, 44],
          [84.01, 44.01],
          [84.02, 44.02],
          [84, 44],
        ]),
      ),
    ).toEqual(['degenerate_ring']);
    // A thin but real sliver (1 cm wide, 8 km long) is not degenerate.
    expect(codes(poly([at(0, 0), at(1000, 0), at(1000, 1e-3), at(0, 0)]))).toEqual([]);
  });

  it('finds a self-intersection and names the vertex nearest to it, 1-based', () => {
    // Vertex 5 (index 4) dips below the first edge.
    const ring = [
      at(0, 0),
      at(100, 0),
      at(100, 100),
      at(60, 100),
      at(60, -1),
      at(40, 50),
      at(0, 100),
      at(0, 0),
    ];
    const [problem, ...rest] = validateGeometry(poly(ring)).errors;
    expect(problem).toMatchObject({ code: 'self_intersection', polygon: 0, ring: 0, vertex: 4 });
    expect(rest.every((p) => p.code === 'self_intersection')).toBe(true);
    expect(problem!.at![1]).toBeCloseTo(44, 12);
    expect(polygonProblemMessage(problem!)).toEqual({
      zh: '第1环第5点附近自相交',
      en: 'self-intersection near vertex 5 of ring 1',
    });
  });

  it('reports a bow-tie as self-intersecting, not as zero area', () => {
    const bowtie = poly([at(0, 0), at(10, 10), at(10, 0), at(0, 10), at(0, 0)]);
    expect(codes(bowtie)).toEqual(['self_intersection']);
  });

  it('reports a backtracking spike and a ring touching itself', () => {
    const spike = poly([at(0, 0), at(10, 0), at(20, 0), at(10, 0), at(10, 10), at(0, 0)]);
    expect(codes(spike)).toContain('self_intersection');
    const eight = poly([at(0, 0), at(10, 0), at(5, 5), at(10, 10), at(0, 10), at(5, 5), at(0, 0)]);
    expect(validateGeometry(eight).errors).toEqual([
      expect.objectContaining({ code: 'self_intersection', at: at(5, 5) }),
    ]);
  });

  it('keeps repeated vertices as a warning only', () => {
    const result = validateGeometry(poly([at(0, 0), at(10, 0), at(10, 0), at(10, 10), at(0, 0)]));
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([expect.objectContaining({ code: 'duplicate_vertex', vertex: 2 })]);
  });

  it('checks holes: outside, crossing, sharing an edge, nested, touching once or twice', () => {
    const shell = square(84, 44, 0.01);
    expect(codes(poly(shell, square(85, 44, 0.001)))).toEqual(['hole_outside_shell']);
    expect(codes(poly(shell, square(84.005, 44.005, 0.01)))).toContain('rings_cross');
    expect(codes(poly(shell, square(84, 44.002, 0.002)))).toContain('rings_cross');
    expect(codes(poly(shell, square(84.002, 44.002, 0.006), square(84.003, 44.003, 0.001)))).toEqual([
      'nested_holes',
    ]);
    // One corner on the shell: allowed (OGC). Two holes touching at one point: allowed.
    const corner = [at(0, 0), at(10, 20), at(20, 10), at(0, 0)];
    expect(codes(poly(square(84, 44, 0.01), corner))).toEqual([]);
    const a = [at(10, 10), at(10, 20), at(20, 20), at(20, 10), at(10, 10)];
    const b = [at(20, 20), at(20, 30), at(30, 30), at(30, 20), at(20, 20)];
    expect(codes(poly(square(84, 44, 0.01), a, b))).toEqual([]);
    // A hole touching the shell at two points cuts the polygon in two.
    const band = [at(0, 20), at(50, 30), at(100, 20), at(50, 40), at(0, 20)];
    expect(codes(poly(square(84, 44, 0.01), band))).toEqual(['interior_disconnected']);
    // Three rings touching in a cycle (shell–a, a–b, b–shell) cut off the space between them.
    const c = [at(0, 50), at(20, 40), at(20, 60), at(0, 50)];
    const d = [at(20, 40), at(40, 40), at(30, 50), at(20, 40)];
    const e = [at(40, 40), at(100, 30), at(60, 60), at(40, 40)];
    expect(codes(poly(square(84, 44, 0.01), c, d, e))).toEqual(['interior_disconnected']);
  });

  it('checks MultiPolygon parts: overlap, containment, shared edge; islands in holes are fine', () => {
    const big = square(84, 44, 0.01);
    expect(codes(multi([big], [square(84.005, 44.005, 0.01)]))).toContain('polygons_overlap');
    expect(codes(multi([big], [square(84.002, 44.002, 0.001)]))).toEqual(['polygons_overlap']);
    expect(codes(multi([square(84.002, 44.002, 0.001)], [big]))).toEqual(['polygons_overlap']);
    expect(codes(multi([big], [square(84.01, 44, 0.01)]))).toEqual(['polygons_overlap']);
    expect(codes(multi([big], [square(84.01, 44.01, 0.01)]))).toEqual([]);
    const lake = square(84.002, 44.002, 0.006).reverse();
    expect(codes(multi([big, lake], [square(84.004, 44.004, 0.001)]))).toEqual([]);
    const [problem] = validateGeometry(multi([big], [square(84.002, 44.002, 0.001)])).errors;
    expect(problem).toMatchObject({ polygon: 1, ring: 0 });
    expect(polygonProblemMessage(problem!).en).toBe(
      'ring 1 of part 2: parts of the multipolygon overlap or share an edge',
    );
  });

  it('finds the same problems in a single ring as through the grid index (the pairwise path)', () => {
    // A far-away second part sends the same ring through the grid index of the general path.
    const far = square(100, 30, 0.01);
    // Vertices on a coarse lattice, so rings touch, overlap and cross themselves exactly often.
    const vertex = fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }));
    const lattice = fc.array(vertex, { minLength: 3, maxLength: 14 }).map((points) => {
      const ring = points.map(([x, y]) => at(x, y));
      return [...ring, ring[0]!];
    });
    // Star-shaped rings (valid) with a vertex sometimes moved across the ring or repeated.
    const star = fc
      .tuple(fc.integer({ min: 4, max: 240 }), fc.nat(), fc.constantFrom('keep', 'cross', 'repeat'))
      .map(([n, k, change]) => {
        const ring: Position[] = [];
        for (let i = 0; i < n; i++) {
          const angle = (2 * Math.PI * i) / n;
          const r = 10 + 3 * Math.sin(7 * angle);
          ring.push(at(r * Math.cos(angle), r * Math.sin(angle)));
        }
        const i = k % n;
        if (change === 'cross') ring[i] = at(-ring[i]![0] + 168, -ring[i]![1] + 88);
        if (change === 'repeat') ring.splice(i, 0, ring[i]!);
        return [...ring, ring[0]!];
      });
    fc.assert(
      fc.property(fc.oneof(lattice, lattice, lattice, star), (ring) => {
        const alone = validateGeometry(poly(ring));
        const beside = validateGeometry(multi([ring], [far]));
        // The grid's layout (which the far part changes) decides the order of problems and which
        // of two vertices at the same spot is named; the problems and their places are the same.
        const ofRing = (list: typeof alone.errors) =>
          list
            .filter((p) => p.polygon === 0)
            .map((p) => `${p.code} ${p.ring} ${p.at?.join(',')}`)
            .sort();
        expect(ofRing(alone.errors)).toEqual(ofRing(beside.errors));
        expect(ofRing(alone.warnings)).toEqual(ofRing(beside.warnings));
      }),
      { numRuns: 2000 },
    );
  });

  it('answers again for a geometry it validated only while its coordinates are unchanged', () => {
    const ring = square(84, 44, 0.01);
    const geometry = poly(ring);
    for (let i = 0; i < 2; i++) {
      // Whatever a caller does with the answer does not change the next one.
      const answer = validateGeometry(geometry);
      expect(answer.errors).toEqual([]);
      answer.errors.push({ code: 'self_intersection', polygon: 0, ring: 0 });
    }
    expect(validateGeometry(geometry).errors).toEqual([]);
    // Changed in place after the check: a bow-tie now, and the change is seen.
    [ring[2], ring[3]] = [ring[3]!, ring[2]!];
    expect(codes(geometry)).toContain('self_intersection');
    [ring[2], ring[3]] = [ring[3]!, ring[2]!];
    expect(codes(geometry)).toEqual([]);
    ring[2]![0] = Infinity;
    expect(codes(geometry)).toEqual(['non_finite']);
  });

  it('validates a 20 000-vertex ring and finds the one crossing injected into it', () => {
    const n = 20_000;
    const ring: Position[] = [];
    for (let i = 0; i < n; i++) {
      const a = (2 * Math.PI * i) / n;
      const r = 0.01 * (1 + 0.1 * Math.sin(37 * a));
      ring.push([84 + r * Math.cos(a), 44 + r * Math.sin(a)]);
    }
    ring.push(ring[0]!);
    expect(codes(poly(ring))).toEqual([]);
    const broken = ring.slice();
    [broken[5000], broken[5001]] = [broken[5001]!, broken[5000]!];
    const errors = validateGeometry(poly(broken)).errors;
    expect(errors.map((e) => e.code)).toEqual(['self_intersection']);
    expect([5000, 5001]).toContain(errors[0]!.vertex);
  });

  it('validates a 20 000-vertex north–south strip (a wall buffer) and finds a pinch', () => {
    const strip: Position[] = [];
    for (let i = 0; i < 10_000; i++) strip.push([84 + 2e-5 * Math.sin(i / 50), 44 + i * 1e-5]);
    for (let i = 9_999; i >= 0; i--) strip.push([84.0001 + 2e-5 * Math.sin(i / 50), 44 + i * 1e-5]);
    strip.push(strip[0]!);
    expect(codes(poly(strip))).toEqual([]);
    const pinched = strip.slice();
    pinched[15_000] = [83.9999, pinched[15_000]![1]];
    expect(codes(poly(pinched))).toContain('self_intersection');
  });

  it('caps the number of reports for a hopelessly tangled ring', () => {
    const zigzag: Position[] = [];
    for (let i = 0; i < 3000; i++) zigzag.push(at(i % 2 ? 100 : 0, i * 0.01));
    zigzag.push(at(50, -10), zigzag[0]!);
    const { errors } = validateGeometry(poly(zigzag));
    expect(errors.length).toBeGreaterThan(100);
    expect(errors.length).toBeLessThanOrEqual(1000);
  });

  it('has a message for every code, with severities split as documented', () => {
    for (const code of [...POLYGON_ERRORS, ...POLYGON_WARNINGS]) {
      expect(POLYGON_PROBLEM_TEXT[code].zh.length).toBeGreaterThan(0);
      expect(POLYGON_PROBLEM_TEXT[code].en.length).toBeGreaterThan(0);
    }
    expect(POLYGON_WARNINGS.map(severityOf)).toEqual(['warning']);
    expect(new Set(POLYGON_ERRORS.map(severityOf))).toEqual(new Set(['error']));
    expect(polygonProblemMessage({ code: 'ring_not_closed', polygon: 2, ring: 1 })).toEqual({
      zh: '第3部分第2环：环未闭合（首末点不同）',
      en: 'ring 2 of part 3: the ring is not closed (first and last positions differ)',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { polygonsOf } from '../domain/geometry';
import { buildTekesSample, buildWusuSample } from '../sample/buildSample';
import { applyQuickFix } from './quickFixes';
import { mergeReport, runChecks, type CheckDocument } from './runChecks';
import { SPIKES_LISTED_PER_RING } from './shapeChecks';
import { FixtureBuilder, defectFixture, rect } from './fixtures/checkFixture';

const summary = (doc: CheckDocument) =>
  runChecks(doc)
    .findings.map((f) => [f.code, f.zoneIds] as [string, string[]])
    .sort((a, b) => a[0].localeCompare(b[0]));

function withGeometries(
  doc: CheckDocument,
  geometries: Map<string, CheckDocument['zones'][number]['geometry']>,
) {
  return { ...doc, zones: doc.zones.map((z) => ({ ...z, geometry: geometries.get(z.id) ?? z.geometry })) };
}

describe('heritage checker', () => {
  it('reports exactly the injected defects, one per kind, on the right zones', () => {
    const { document, expected } = defectFixture();
    expect(summary(document)).toEqual(expected.slice().sort((a, b) => a[0].localeCompare(b[0])));
  });

  it('finds nothing in the illustrative samples', () => {
    for (const sample of [buildWusuSample(), buildTekesSample()]) {
      const doc = { ...sample, settings: { gkZone: sample.settings.gkZone } };
      expect(runChecks(doc).findings.map((f) => f.message.en)).toEqual([]);
    }
  });

  it('measures what sticks out and places the finding there', () => {
    const { document } = defectFixture();
    const nesting = runChecks(document).findings.find((f) => f.code === 'nesting.outside')!;
    // 5 m × 100 m outside the CCZ, planar GK.
    expect(nesting.areaM2).toBeCloseTo(500, 0);
    expect(nesting.severity).toBe('error');
    const overlap = runChecks(document).findings.find((f) => f.code === 'overlap.other_object')!;
    expect(overlap.areaM2).toBeCloseTo(40 * 200, 0);
    expect(overlap.severity).toBe('info');
  });

  it('allows a CCZ equal to its range and a 5 mm protrusion, not a 2 cm one', () => {
    const b = new FixtureBuilder();
    b.object('same');
    b.polygon(
      'same',
      'r',
      [
        [0, 0],
        [100, 0],
        [100, 100],
        [0, 100],
      ],
      0,
      { zoneType: 'protection_range' },
    );
    b.polygon(
      'same',
      'c',
      [
        [0, 0],
        [100, 0],
        [100, 100],
        [0, 100],
      ],
      0,
      {
        zoneType: 'construction_control_zone',
        sameAsRange: true,
      },
    );
    b.object('mm');
    b.polygon(
      'mm',
      'r2',
      [
        [0, 0],
        [100.005, 0],
        [100.005, 100],
        [0, 100],
      ],
      1,
      { zoneType: 'protection_range' },
    );
    b.polygon(
      'mm',
      'c2',
      [
        [0, 0],
        [100, 0],
        [100, 100],
        [0, 100],
      ],
      1,
      { zoneType: 'construction_control_zone' },
    );
    b.object('cm');
    b.polygon(
      'cm',
      'r3',
      [
        [0, 0],
        [100.02, 0],
        [100.02, 100],
        [0, 100],
      ],
      2,
      { zoneType: 'protection_range' },
    );
    b.polygon(
      'cm',
      'c3',
      [
        [0, 0],
        [100, 0],
        [100, 100],
        [0, 100],
      ],
      2,
      { zoneType: 'construction_control_zone' },
    );
    expect(summary(b.document())).toEqual([['nesting.outside', ['r3', 'c3']]]);
  });

  it('offers quick fixes that remove their finding', () => {
    const { document } = defectFixture();
    const findings = runChecks(document).findings;
    const geometryOf = (id: string) => document.zones.find((z) => z.id === id)?.geometry;
    for (const code of [
      'nesting.outside',
      'shape.spike',
      'geometry.duplicate_vertex',
      'shape.undensified_arc',
    ]) {
      const finding = findings.find((f) => f.code === code)!;
      expect(finding.fix).toBeDefined();
      const fixed = withGeometries(document, applyQuickFix(finding.fix!, geometryOf));
      const after = runChecks(fixed).findings.map((f) => f.code);
      expect(after).not.toContain(code);
      expect(after).toHaveLength(findings.length - 1);
    }
  });

  it('lists a ring with 19 spikes as its first 5 and one summary, and lists the next as they are fixed', () => {
    const b = new FixtureBuilder();
    b.object('comb');
    // A 200 × 100 m block whose top edge has 19 narrow teeth 50 m high (1.1° at each tip).
    const comb: [number, number][] = [
      [0, 0],
      [200, 0],
      [200, 100],
    ];
    for (let x = 190; x >= 10; x -= 10) comb.push([x, 100], [x - 0.5, 150], [x - 1, 100]);
    comb.push([0, 100]);
    b.polygon('comb', 'comb-range', comb, 0, { zoneType: 'protection_range' });
    const document = b.document();
    const spikes = (doc: CheckDocument) => runChecks(doc).findings.filter((f) => f.code === 'shape.spike');
    const first = spikes(document);
    expect(first).toHaveLength(SPIKES_LISTED_PER_RING + 1);
    expect(first.slice(0, 5).every((f) => f.fix?.kind === 'removeVertex')).toBe(true);
    const summary = first[5]!;
    expect(summary.fix).toBeUndefined();
    expect(summary.message.en).toContain('14 more spikes in ring 1');
    expect(summary.message.zh).toContain('第1环另有 14 个尖角');
    // The summary points at the sixth tip: (140 − 0.5, 150) in the fixture's plane.
    const [outer] = polygonsOf(document.zones[0]!.geometry)[0]!;
    expect(summary.location).toEqual(outer![3 + 5 * 3 + 1]);
    const geometryOf = (id: string) => document.zones.find((z) => z.id === id)?.geometry;
    const fixed = withGeometries(document, applyQuickFix(first[0]!.fix!, geometryOf));
    const next = spikes(fixed);
    expect(next).toHaveLength(6);
    expect(next[5]!.message.en).toContain('13 more spikes in ring 1');
  });

  it('offers to grow the outer zone only within its reach: not for a range 41 km away', () => {
    const b = new FixtureBuilder();
    // A 100 m CCZ (reach 50 m): one range sticking out 40 m, one 60 m, one 41 km east.
    const cases: [string, ReturnType<typeof rect>][] = [
      ['near', rect(20, 20, 140, 80)],
      ['beyond', rect(20, 20, 160, 80)],
      ['far', rect(41_000, 0, 41_100, 100)],
    ];
    cases.forEach(([id, range], cell) => {
      b.object(id);
      b.polygon(id, `${id}-ccz`, rect(0, 0, 100, 100), cell, { zoneType: 'construction_control_zone' });
      b.polygon(id, `${id}-range`, range, cell, { zoneType: 'protection_range' });
    });
    const nesting = runChecks(b.document()).findings.filter((f) => f.code === 'nesting.outside');
    const of = (id: string) => nesting.find((f) => f.objectId === id)!;
    expect(of('near').fix).toEqual({ kind: 'growOuter', zoneId: 'near-ccz', innerZoneIds: ['near-range'] });
    for (const id of ['beyond', 'far']) {
      expect(of(id).fix).toBeUndefined();
      expect(of(id).message.zh).toContain('不提供自动扩大外层区划');
      expect(of(id).message.en).toContain('too far to grow the outer zone automatically (limit 50 m)');
    }
    expect(of('far').message.en).toMatch(/up to 41\d{3}\.\d\d m/);
  });

  it('re-checks only the edited object and merges the result', () => {
    const { document } = defectFixture();
    const full = runChecks(document).findings;
    const live = runChecks(document, { objectIds: ['nest', 'villageB'] });
    expect(live.findings.map((f) => f.code).sort()).toEqual(['nesting.outside', 'overlap.other_object']);
    const zoneObject = new Map(document.zones.map((z) => [z.id, z.objectId]));
    expect(mergeReport(full, live, zoneObject).map((f) => f.id)).toEqual(full.map((f) => f.id));
    expect(mergeReport(full, { ...live, findings: [] }, zoneObject)).toHaveLength(full.length - 2);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LayerFeature } from '../layer';
import { readDxf } from './dxfAdapter';
import { groupDxf, valueOf } from './dxfEntities';
import { readDxfText } from './dxfText';
import {
  areaOf,
  familyCounts,
  lengthOf,
  pairFeatures,
  readWithGdal,
  type Family,
  type GdalFeature,
} from './dxfTestData.test';

/**
 * Drawings from GDAL's, ezdxf's and LibreDWG's test data (fixtures/real, see SOURCES.md) read by
 * us and by GDAL 3.6, feature by feature. Everything GDAL draws that we do not, or the other way
 * round, is listed below with the reason; anything else must agree: straight geometry within
 * 1e-6, curves as shapes (GDAL's vertices within 1e-3 of ours, both read finely), polygon areas
 * within 0.1 %, label text exactly.
 *
 * Kept out of the comparison by design, for every file: GDAL features of annotation entities
 * (DIMENSION, LEADER, MULTILEADER: we count and skip them) and of paper space (layout sheets).
 */
const dir = join(__dirname, 'fixtures', 'real');

interface Difference {
  /** Features GDAL has and we do not, and the other way round, per family. */
  gdalOnly?: Partial<Record<Family, number>>;
  oursOnly?: Partial<Record<Family, number>>;
  /** Paired features whose area may differ (our entity type). */
  area?: string;
  /** A label whose text differs: GDAL's text → ours. */
  text?: [string, string];
  why: string;
}

interface Spec {
  file: string;
  differences?: Difference[];
  /** Our problems (refused entities), as reason fragments. */
  problems?: string[];
}

const GDAL36_CIRCLE =
  'GDAL 3.6 reads every closed outline as a closed LineString; compared as the polygon it bounds';

const SPECS: Spec[] = [
  { file: 'ocs2wcs3.dxf' },
  { file: 'ocs2wcs1.dxf' },
  { file: 'LWPOLYLINE-OCS.dxf' },
  { file: 'ellipse_z_extrusion_minus_1.dxf' },
  { file: 'insert_only.dxf' },
  { file: 'block-insert-order.dxf' },
  { file: 'block-basepoint.dxf' },
  {
    file: 'insert-recursive-pair.dxf',
    problems: ['block “RecursiveBlock1” inserts itself; skipped'],
  },
  {
    file: 'attrib.dxf',
    differences: [
      {
        oursOnly: { point: 2 },
        why: 'constant ATTDEFs draw as text in each INSERT; GDAL 3.6 drops them (GDAL master draws them: ogr_dxf.py test_ogr_dxf_49 expects 8 features)',
      },
    ],
  },
  {
    file: 'attrib-nested.dxf',
    differences: [
      {
        oursOnly: { point: 1 },
        why: 'GDAL 3.6 drops ATTRIBs of nested INSERTs; GDAL master puts this one at POINT (0 0) (ogr_dxf.py test_ogr_dxf_49a), checked below',
      },
    ],
  },
  { file: 'text-block-transform.dxf' },
  {
    file: 'text.dxf',
    differences: [
      {
        text: ['test\ttext ab/c~d±ef^g.h#i jklm', 'test\ttext ab/c d±/ef^g.h#i jklm'],
        why: 'a stacked fraction \\Sab\\/c\\~d%%p^ ef\\^ g.h\\#i; reads top/bottom with \\~ as a space; GDAL drops the stack separator and keeps ~',
      },
    ],
  },
  { file: 'text-fancy.dxf' },
  { file: 'mtext-ocs-reduced.dxf' },
  { file: 'solid.dxf' },
  { file: 'solid-vertex-ordering.dxf' },
  { file: '3dface.dxf' },
  { file: 'spline_closed.dxf', differences: [{ why: GDAL36_CIRCLE }] },
  { file: 'spline_weight.dxf' },
  { file: 'spline_qcad.dxf' },
  { file: 'spline_with_very_close_neg_to_zero_knot.dxf' },
  { file: 'hatch.dxf' },
  { file: 'elliptical-arc-hatch-min.dxf' },
  {
    file: 'clockwise_arcs_hatch.dxf',
    differences: [
      {
        area: 'HATCH',
        why: 'the hatch has two outer paths side by side; GDAL 3.6 puts both in one Polygon (the second as a hole outside its shell), we make a MultiPolygon, as GDAL -makevalid does (dxfHatchFill.test.ts)',
      },
    ],
  },
  { file: 'circle.dxf', differences: [{ why: GDAL36_CIRCLE }] },
  { file: 'leader-mleader.dxf' },
  { file: 'dimension-entities-only.dxf' },
  {
    file: 'circle_radius_le_0.dxf',
    differences: [
      {
        gdalOnly: { polygon: 2 },
        why: 'circles of radius 0 and −1: GDAL draws them, we refuse them one by one',
      },
    ],
    problems: ['radius 0 is not greater than 0', 'radius -1 is not greater than 0'],
  },
  { file: 'multi_insert_with_attribs.dxf' },
  {
    file: 'libredwg-2000-entities-2d.dxf',
    differences: [{ why: 'SHAPE (a font glyph) is not read; GDAL does not read it either' }],
  },
  {
    file: 'utf-8.dxf',
    differences: [
      {
        why: 'the layer name is UTF-8 under $DWGCODEPAGE ANSI_1252: GDAL decodes it as Latin-1 (“Ã©ven”), we detect UTF-8 (“éven”); checked below',
      },
    ],
  },
];

const ANNOTATION = new Set([
  'DIMENSION',
  'ARC_DIMENSION',
  'LARGE_RADIAL_DIMENSION',
  'LEADER',
  'MULTILEADER',
  'MLEADER',
]);

function annotationHandles(bytes: Uint8Array): Set<string> {
  const doc = groupDxf(readDxfText('x.dxf', bytes).pairs);
  return new Set(doc.entities.filter((e) => ANNOTATION.has(e.type)).map((e) => valueOf(e.pairs, 5) ?? ''));
}

const sum = (differences: Difference[], side: 'gdalOnly' | 'oursOnly', family: Family) =>
  differences.reduce((n, d) => n + (d[side]?.[family] ?? 0), 0);

const sizeOf = (f: LayerFeature | GdalFeature) => {
  const all = JSON.stringify(f.geometry?.coordinates)
    .match(/-?[\d.e+-]+/g)!
    .map(Number);
  const xs = all.filter((_, i) => i % 2 === 0);
  const ys = all.filter((_, i) => i % 2 === 1);
  return Math.hypot(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
};

describe('real DXF files read like GDAL reads them', () => {
  it.each(SPECS)('$file', ({ file, differences = [], problems = [] }) => {
    const path = join(dir, file);
    const bytes = new Uint8Array(readFileSync(path));
    const result = readDxf([{ name: file, bytes }], { joinLines: false, maxDeviation: 1e-4 });
    const ours = result.layers[0]!.features;
    const skipped = annotationHandles(bytes);
    const gdal = readWithGdal(path).filter(
      (f) => !f.properties.PaperSpace && !skipped.has(String(f.properties.EntityHandle)),
    );
    expect(result.problems.map((p) => p.reason.en)).toEqual(problems.map((p) => expect.stringContaining(p)));

    const { pairs, unpairedGdal, unpairedOurs } = pairFeatures(gdal, ours);
    const families: Family[] = ['point', 'line', 'polygon'];
    expect(familyCounts(unpairedGdal.map((f) => f.geometry))).toEqual(
      Object.fromEntries(families.map((f) => [f, sum(differences, 'gdalOnly', f)])),
    );
    expect(familyCounts(unpairedOurs.map((f) => f.geometry))).toEqual(
      Object.fromEntries(families.map((f) => [f, sum(differences, 'oursOnly', f)])),
    );
    const excusedArea = new Set(differences.map((d) => d.area).filter(Boolean));
    for (const p of pairs) {
      const what = `${String(p.ours.properties.entity)} ${String(p.ours.properties.handle)}`;
      const sameVertices =
        JSON.stringify(p.gdal.geometry!.coordinates).split(',').length ===
        JSON.stringify(p.ours.geometry!.coordinates).split(',').length;
      // Curves: GDAL's vertices lie on the true curve, so they must lie on ours (read with 0.1 mm
      // chords); ours may stray from GDAL's coarser chords by their sagitta.
      const band = sameVertices ? 1e-6 : Math.max(1e-3, 1e-6 * sizeOf(p.gdal));
      expect(p.gdalToOurs, what).toBeLessThan(band);
      expect(p.oursToGdal, what).toBeLessThan(sameVertices ? 1e-6 : Math.max(1e-3, 1e-2 * sizeOf(p.gdal)));
      if (!excusedArea.has(String(p.ours.properties.entity))) {
        // Two outlines no farther apart than d differ in area by at most d × perimeter.
        const area = areaOf(p.ours.geometry!);
        const allowed = Math.max(1e-9, Math.max(p.oursToGdal, p.gdalToOurs) * lengthOf(p.ours.geometry!));
        expect(Math.abs(area - area / p.areaRatio), what).toBeLessThanOrEqual(allowed + 1e-3 * area);
      }
      if (p.gdal.geometry?.type === 'Point' && p.gdal.properties.Text !== undefined) {
        const excuse = differences.find((d) => d.text?.[0] === p.gdal.properties.Text);
        expect(p.ours.properties.text, what).toBe(excuse ? excuse.text![1] : p.gdal.properties.Text);
      }
    }
  });

  it('places the ATTRIB of a nested INSERT where GDAL master does (POINT 0 0)', () => {
    const bytes = new Uint8Array(readFileSync(join(dir, 'attrib-nested.dxf')));
    const [label] = readDxf([{ name: 'attrib-nested.dxf', bytes }]).layers[0]!.features;
    expect(label!.geometry).toEqual({ type: 'Point', coordinates: [0, 0] });
    expect(label!.properties).toMatchObject({ text: 'Gamma Goochee', WHAT: 'Gamma Goochee' });
    expect(label!.properties.text_height).toBeCloseTo(0.4, 12);
  });

  it('decodes a UTF-8 layer name that the header calls ANSI_1252', () => {
    const bytes = new Uint8Array(readFileSync(join(dir, 'utf-8.dxf')));
    expect(readDxf([{ name: 'utf-8.dxf', bytes }]).layers[0]!.features[0]!.properties.layer).toBe('éven');
    expect(readWithGdal(join(dir, 'utf-8.dxf'))[0]!.properties.Layer).toBe('Ã©ven');
  });
});

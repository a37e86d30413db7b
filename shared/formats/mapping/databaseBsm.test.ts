import { describe, expect, it } from 'vitest';
import { documentToLayer } from './documentToLayer';
import { deliveryDocument } from './deliveryFixture';

/**
 * A zone imported from the database keeps its BSM on export (it is how the county matches the
 * feature again); every other feature gets a new number that collides with none of the kept ones.
 */
describe('BSM of a planning-database export', () => {
  const bsmOf = (doc: ReturnType<typeof deliveryDocument>) =>
    documentToLayer(doc, { profile: 'lswhbhx' }).layer.features.map((f) => f.properties.BSM as string);

  it('numbers features in order when no zone keeps a BSM', () => {
    const bsm = bsmOf(deliveryDocument());
    expect(bsm).toEqual(bsm.map((_, i) => `6542020000${String(i + 1).padStart(8, '0')}`));
  });

  it('keeps a stored BSM on the first part of its zone; new numbers skip it; no duplicates', () => {
    const doc = deliveryDocument();
    const kept = '654202000000000002';
    const range = doc.zones.find((z) => z.id === 'z-range')!; // two parts
    range.attributes = { ...range.attributes, bsm: kept };
    const bsm = bsmOf(doc);
    expect(new Set(bsm).size).toBe(bsm.length);
    expect(bsm).toContain(kept);
    expect(bsm.filter((b) => b === kept)).toHaveLength(1);
    const layer = documentToLayer(doc, { profile: 'lswhbhx' }).layer;
    const first = layer.features.findIndex((f) => f.properties.BSM === kept);
    expect(layer.features[first + 1]!.properties.BHDXMC).toBe(layer.features[first]!.properties.BHDXMC);
    for (const b of bsm) expect(b).toMatch(/^654202\d{12}$/);
  });

  it('a malformed stored value is not written; the feature gets a new number', () => {
    const doc = deliveryDocument();
    doc.zones[1]!.attributes = { ...doc.zones[1]!.attributes, bsm: 'x-1' };
    expect(bsmOf(doc)).not.toContain('x-1');
  });
});

import { describe, expect, it } from 'vitest';
import type { Derivation } from '../../domain/derivation';
import { buildWusuSample } from '../../sample/buildSample';
import { readImport } from '../mapping/readImport';
import { writeExport } from '../mapping/writeExport';
import type { ProjectDocument } from '../projectDocument';
import { readGeoJson } from './readGeoJson';
import { writeGeoJson } from './writeGeoJson';

/** The sample with its second zone marked as derived (from the first zone, if from a zone). */
function withDerivation(derivation: Derivation): ProjectDocument {
  const sample = buildWusuSample();
  const [source, derived] = sample.zones;
  const sourceZoneId = derivation.sourceZoneId === null ? null : source!.id;
  derived!.attributes = { ...derived!.attributes, derivation: { ...derivation, sourceZoneId } };
  return sample;
}

const BUFFER: Derivation = {
  method: 'buffer',
  sourceZoneId: 'set below',
  sourcePoint: null,
  sourceLine: null,
  params: { distanceM: 30, corner: 'round' },
  sourceHash: 'a1b2c3d4e5f60718',
  derivedAt: '2024-05-01T08:00:00.000Z',
  draft: '自保护范围边界向外扩30米',
};

const CORRIDOR: Derivation = {
  ...BUFFER,
  method: 'corridor',
  sourceZoneId: null,
  sourceHash: null,
  sourceLine: [
    [84.6771, 44.4266],
    [84.6801, 44.4281],
    [84.6833, 44.4279],
  ],
  params: { halfWidthM: 15 },
  draft: '道路中心线两侧各15米',
};

describe('the derivation record in exchange files', () => {
  it('GeoJSON export writes it as one JSON text property and import restores it exactly', () => {
    const document = withDerivation(BUFFER);
    const expected = document.zones[1]!.attributes.derivation;
    const written = JSON.parse(new TextDecoder().decode(writeGeoJson(document)));
    const property = written.features[1].properties.derivation;
    expect(typeof property).toBe('string');
    expect(JSON.parse(property)).toEqual(expected);
    expect(written.features[0].properties.derivation).toBeNull();

    const back = readGeoJson(writeGeoJson(document), 'derived.geojson');
    expect(back.rejected).toEqual([]);
    const byId = new Map(back.document.zones.map((z) => [z.id, z]));
    expect(byId.get(document.zones[1]!.id)!.attributes.derivation).toEqual(expected);
    expect(byId.get(document.zones[0]!.id)!.attributes.derivation).toBeNull();
  });

  it('a corridor derivation (centre line, no source zone) survives a GeoPackage round trip', async () => {
    const document = withDerivation(CORRIDOR);
    const exported = await writeExport({ document, options: { format: 'geopackage' } });
    const read = await readImport({ files: exported.files, options: {} });
    expect(read.result.rejected).toEqual([]);
    const back = read.result.document.zones.find((z) => z.id === document.zones[1]!.id)!;
    expect(back.attributes.derivation).toEqual(CORRIDOR);
  });

  it('a record another writer nested as an object is read too, without prototype keys', () => {
    const document = withDerivation(BUFFER);
    const written = JSON.parse(new TextDecoder().decode(writeGeoJson(document)));
    const nested = JSON.parse(written.features[1].properties.derivation);
    nested.params = JSON.parse('{"distanceM":30,"corner":"round","__proto__":{"polluted":true}}');
    written.features[1].properties.derivation = nested;
    const back = readGeoJson(new TextEncoder().encode(JSON.stringify(written)), 'nested.geojson');
    expect(back.rejected).toEqual([]);
    const derivation = back.document.zones.find((z) => z.id === document.zones[1]!.id)!.attributes
      .derivation!;
    expect(derivation.params).toEqual({ distanceM: 30, corner: 'round' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a record cut short (a 254-byte DBF text) is dropped, the zone itself is still imported', () => {
    const document = withDerivation(BUFFER);
    const written = JSON.parse(new TextDecoder().decode(writeGeoJson(document)));
    written.features[1].properties.derivation = written.features[1].properties.derivation.slice(0, 60);
    const back = readGeoJson(new TextEncoder().encode(JSON.stringify(written)), 'cut.geojson');
    expect(back.rejected).toEqual([]);
    const zone = back.document.zones.find((z) => z.id === document.zones[1]!.id)!;
    expect(zone.attributes.derivation).toBeNull();
    expect(zone.attributes.zoneType).toBe(document.zones[1]!.attributes.zoneType);
  });

  it('a record with a wrong method is refused with the property named', () => {
    const document = withDerivation(BUFFER);
    const written = JSON.parse(new TextDecoder().decode(writeGeoJson(document)));
    written.features[1].properties.derivation = JSON.stringify({ ...BUFFER, method: 'teleport' });
    const back = readGeoJson(new TextEncoder().encode(JSON.stringify(written)), 'bad.geojson');
    expect(back.rejected).toHaveLength(1);
    expect(back.rejected[0]!.index).toBe(1);
    expect(JSON.stringify(back.rejected[0])).toMatch(/derivation/);
  });
});

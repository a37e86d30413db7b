import { describe, expect, it } from 'vitest';
import { BackgroundSourceSchema } from '../domain/backgrounds';
import { capabilitiesProblem } from './capabilitiesText';
import { TIANDITU_BASES, tiandituSources, tiandituTemplate } from './tianditu';
import { TIANDITU_C, TIANDITU_W, WEB_MERCATOR } from './tileGrids';
import { checkTileTemplate } from './tileTemplate';

describe('天地图 presets', () => {
  it('are WMTS KVP templates over t0…t7 with the key as {key}', () => {
    for (const base of TIANDITU_BASES)
      for (const layer of [base.layer, base.annotation])
        for (const set of ['w', 'c'] as const) {
          const check = checkTileTemplate(tiandituTemplate(layer, set));
          if (!check.ok) throw new Error(check.problem.cause.en);
          expect(check.value.encoding).toBe('wmts-kvp');
          expect(check.value.origins).toHaveLength(8);
          expect(check.value.keyParam).toBe('tk');
          expect(check.value.template).toContain(`/${layer}_${set}/wmts?`);
          expect(check.value.template).toContain(`TILEMATRIXSET=${set}&`);
        }
  });

  it('pair each base map with its annotation layer, as valid stored sources', () => {
    const sources = tiandituSources(TIANDITU_BASES[0], 'c', true);
    expect(sources.map((s) => s.source.kind === 'wmts' && s.source.layer)).toEqual(['img', 'cia']);
    for (const { source } of sources)
      expect(BackgroundSourceSchema.parse(source)).toMatchObject({ keyId: 'tianditu' });
    expect(tiandituSources(TIANDITU_BASES[2], 'w', false)).toHaveLength(1);
  });

  it('have the published grids: _w is Web Mercator from level 1, _c is 0.703125°/px at level 1', () => {
    // Level z of _w has the resolution of XYZ zoom z: 2·20037508.34 m over 256·2^z pixels.
    TIANDITU_W.matrixIds.forEach((id, i) =>
      expect(TIANDITU_W.resolutions[i]).toBeCloseTo((2 * 20037508.342789244) / (256 * 2 ** Number(id)), 6),
    );
    expect(WEB_MERCATOR.resolutions[TIANDITU_W.matrixIds.indexOf('5') + 1]).toBe(TIANDITU_W.resolutions[4]);
    // Level 1 of _c: 2 × 1 tiles of 180°.
    expect(TIANDITU_C.resolutions[0]! * 256).toBe(180);
    expect(TIANDITU_C.resolutions[17]! * 256 * 2 ** 17).toBe(180);
    expect(TIANDITU_C.origin).toEqual([-180, 90]);
  });
});

describe('capabilities documents', () => {
  const caps =
    '<Capabilities xmlns="http://www.opengis.net/wmts/1.0"><Contents><TileMatrixSet/></Contents></Capabilities>';
  it('are read only when they are WMTS capabilities without DTDs or entities', () => {
    expect(capabilitiesProblem(caps)).toBeNull();
    expect(capabilitiesProblem(`<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]>${caps}`)?.en).toMatch(
      /DOCTYPE/,
    );
    expect(capabilitiesProblem('<html><body>login</body></html>')?.zh).toMatch(/不是 WMTS/);
    expect(
      capabilitiesProblem('<ows:ExceptionReport><ows:Exception><ows:ExceptionText>bad tk</ows:ExceptionText>')
        ?.en,
    ).toContain('bad tk');
  });
});

import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeKml } from '../kml/kmlAdapter';
import type { Layer } from '../layer';
import { writeXlsx } from '../xlsx/writeXlsx';
import { HOSTILE, HOSTILE_READ } from './hostileText.test';
import { escapeMarkup } from './markup';

const dir = mkdtempSync(join(tmpdir(), 'hzw-markup-'));

/** GDAL's view of a data source's first features, as GeoJSON properties (exact strings). */
function gdalProperties(path: string, ...options: string[]): Record<string, unknown>[] {
  const json = execFileSync('ogr2ogr', [...options, '-f', 'GeoJSON', '/vsistdout/', path], {
    encoding: 'utf8',
  });
  return (JSON.parse(json) as { features: { properties: Record<string, unknown> }[] }).features.map(
    (f) => f.properties,
  );
}

describe('escapeMarkup', () => {
  it('turns the five markup characters into entities and keeps everything else', () => {
    expect(escapeMarkup(`a<b>&"c"'d'`)).toBe('a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39;');
    expect(escapeMarkup('乌苏😀 \t\n')).toBe('乌苏😀 \t\n');
    expect(escapeMarkup('&amp;')).toBe('&amp;amp;');
  });

  it('drops C0 controls, lone surrogates and U+FFFE/F; keeps CR as a reference', () => {
    expect(escapeMarkup('\u0000a\u0001\u0008\u000b\u000c\u001f\uD800b\uDC00\uFFFE\uFFFFc\r')).toBe(
      'abc&#13;',
    );
  });
});

describe('hostile text read back by GDAL', () => {
  it('XLSX: a cell holds the text exactly, minus the characters XML forbids', () => {
    const path = join(dir, 'hostile.xlsx');
    writeFileSync(
      path,
      writeXlsx([
        {
          name: '意见',
          rows: [
            ['text', 'n'],
            [HOSTILE, 1],
          ],
        },
      ]),
    );
    const rows = gdalProperties(path, '--config', 'OGR_XLSX_HEADERS', 'FORCE');
    expect(rows).toEqual([{ text: HOSTILE_READ, n: 1 }]);
  });

  it('KML: the placemark name, description and an attribute hold the text exactly', () => {
    const layer: Layer = {
      name: 'hostile',
      epsg: 4490,
      fields: [{ name: 'note', type: 'string' }],
      features: [
        {
          properties: { name: HOSTILE, description: HOSTILE, note: HOSTILE },
          geometry: { type: 'Point', coordinates: [84.67, 44.42] },
        },
      ],
    };
    const [kml] = writeKml([layer], { baseName: 'hostile' });
    const path = join(dir, 'hostile.kml');
    writeFileSync(path, kml!.bytes);
    const [props] = gdalProperties(path);
    expect(props).toMatchObject({ Name: HOSTILE_READ, description: HOSTILE_READ, note: HOSTILE_READ });
  });
});

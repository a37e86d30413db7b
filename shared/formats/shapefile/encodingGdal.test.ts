import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codePageOfLdid, encodingOfCodePage, LDID_ANSI } from '../text/codePages';
import { readDbf } from './dbfRead';
import { readShapefile } from './readShapefile';
import { gdalRead, iconvUpperHalf, loadSet, ogr2ogr } from './testData.test';

/**
 * Attribute encodings as GDAL writes and reads them: every .cpg spelling and dBase language driver
 * id GDAL understands gives the same text here, and the undeclared cases (header 0 or 0x57
 * "ANSI", no .cpg) are detected as a planner would expect. GDAL is the reference reader; where it
 * cannot know the encoding (nothing declared) it is told the truth with SHAPE_ENCODING.
 */
const NAMES = {
  latin: ['Alto da Nação', "Côte d'Ivoire", 'Zürich', 'Ærøskøbing', 'Genève', 'Malmö'],
  gbk: ['乌苏', '承化寺', '巴音沟', '保护范围', 'A区保护范围', 'Tekes 特克斯', 'J1号楼'],
  big5: ['臺北市', '鹿港龍山寺', '國立故宮博物院', '赤崁樓'],
  cp1250: ['Kraków', 'Łódź', 'Český Krumlov', 'Győr', 'Žilina'],
  cyrillic: ['Москва', 'Санкт-Петербург', 'Алматы'],
  japanese: ['東京都', '京都市左京区'],
  korean: ['서울특별시', '경주시'],
  oem437: ['Zürich', 'Genève', 'Malmö', "Côte d'Ivoire"],
} as const;

let dir: string;

function write(base: string, names: readonly string[], encoding: string): void {
  const collection = {
    type: 'FeatureCollection',
    features: names.map((name, i) => ({
      type: 'Feature',
      properties: { NAME: name, NUM: i },
      geometry: { type: 'Point', coordinates: [84.6 + i * 0.01, 44.4] },
    })),
  };
  writeFileSync(join(dir, `${base}.geojson`), JSON.stringify(collection));
  const lco = encoding ? ['-lco', `ENCODING=${encoding}`] : [];
  ogr2ogr(['-f', 'ESRI Shapefile', ...lco, join(dir, `${base}.shp`), join(dir, `${base}.geojson`)]);
}

/** Rewrite the .cpg (null removes it) and optionally header byte 29. */
function declare(base: string, cpg: string | null, ldid?: number): void {
  const cpgPath = join(dir, `${base}.cpg`);
  if (cpg === null) rmSync(cpgPath, { force: true });
  else writeFileSync(cpgPath, cpg);
  if (ldid === undefined) return;
  const dbf = readFileSync(join(dir, `${base}.dbf`));
  dbf[29] = ldid;
  writeFileSync(join(dir, `${base}.dbf`), dbf);
}

const names = (base: string, options = {}) =>
  readShapefile(loadSet(dir, base), options).layers[0]!.features.map((f) => f.properties['NAME']);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hzw-shp-enc-'));
  write('latin57', NAMES.latin, ''); // GDAL's default: LDID 87 (0x57), no .cpg, ISO-8859-1 bytes
  write('latinnone', NAMES.latin, 'ISO-8859-1');
  declare('latinnone', null);
  write('gbk57', NAMES.gbk, 'CP936');
  declare('gbk57', null, LDID_ANSI);
  write('gbknone', NAMES.gbk, 'CP936');
  declare('gbknone', null, 0);
  write('big5', NAMES.big5, 'BIG5');
  write('cp1250', NAMES.cp1250, 'CP1250');
  write('cp866', NAMES.cyrillic, 'CP866');
  write('koi8', NAMES.cyrillic, 'KOI8-R');
  write('sjis', NAMES.japanese, 'CP932');
  write('eucjp', NAMES.japanese, 'EUC-JP');
  write('euckr', NAMES.korean, 'CP949');
  write('cp437', NAMES.oem437, 'CP437');
  write('cp850', NAMES.latin, 'CP850');
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('undeclared encodings, detected', () => {
  it.each([
    ['latin57', NAMES.latin, 'windows-1252', {}],
    ['latinnone', NAMES.latin, 'windows-1252', { SHAPE_ENCODING: 'ISO-8859-1' }],
    ['gbk57', NAMES.gbk, 'gbk', { SHAPE_ENCODING: 'CP936' }],
    ['gbknone', NAMES.gbk, 'gbk', { SHAPE_ENCODING: 'CP936' }],
  ] as const)('%s reads as %s (detected), as GDAL reads it when told', (base, expected, used, env) => {
    const result = readShapefile(loadSet(dir, base), {});
    expect(result.info.encoding).toMatchObject({ used, source: 'detected' });
    expect(result.info.encoding!.candidates).toEqual(
      expect.arrayContaining(['gbk', 'windows-1252', 'utf-8']),
    );
    const ours = result.layers[0]!.features.map((f) => f.properties);
    expect(ours.map((p) => p['NAME'])).toEqual(expected);
    expect(ours).toEqual(gdalRead(join(dir, `${base}.shp`), env).map((f) => f.properties));
  });
});

describe('declared encodings', () => {
  it.each([
    ['big5', ['BIG5', 'Big5', 'Big-5', '950', 'CP950'], 'big5', NAMES.big5],
    ['cp1250', ['CP1250', '1250', 'ANSI 1250', 'windows-1250'], 'windows-1250', NAMES.cp1250],
    ['cp866', ['CP866', '866'], 'ibm866', NAMES.cyrillic],
    ['koi8', ['KOI8-R'], 'koi8-r', NAMES.cyrillic],
    ['sjis', ['CP932', '932', 'Shift_JIS'], 'shift_jis', NAMES.japanese],
    ['euckr', ['CP949', '949', 'EUC-KR'], 'euc-kr', NAMES.korean],
    ['cp437', ['CP437', '437'], 'cp437', NAMES.oem437],
    ['cp850', ['CP850', '850'], 'cp850', NAMES.latin],
  ] as const)(
    '%s: every .cpg spelling %j reads as %s, the text GDAL reads',
    (base, labels, used, expected) => {
      const gdal = gdalRead(join(dir, `${base}.shp`)).map((f) => f.properties['NAME']);
      expect(gdal).toEqual(expected);
      for (const label of labels) {
        declare(base, label);
        const result = readShapefile(loadSet(dir, base), {});
        expect(result.info.encoding).toMatchObject({ used, source: 'cpg' });
        expect(result.layers[0]!.features.map((f) => f.properties['NAME'])).toEqual(gdal);
      }
    },
  );

  it('a .cpg wins over header byte 29, as in GDAL and QGIS', () => {
    declare('cp1250', 'CP1250', 0x4d); // header says GBK
    expect(names('cp1250')).toEqual(NAMES.cp1250);
    expect(gdalRead(join(dir, 'cp1250.shp')).map((f) => f.properties['NAME'])).toEqual(NAMES.cp1250);
  });

  it('an unrecognised .cpg is reported and the text detected', () => {
    write('oddcpg', NAMES.gbk, 'CP936');
    declare('oddcpg', 'OEM');
    const result = readShapefile(loadSet(dir, 'oddcpg'), {});
    expect(result.info.encoding).toMatchObject({ used: 'gbk', source: 'detected' });
    expect(result.info.warnings.map((w) => w.en)).toContain(
      'oddcpg.dbf: the .cpg encoding “OEM” is not recognised; detected instead',
    );
  });
});

/** Bytes 0x80–0xFF in two text fields, written as ISO-8859-1 (byte = code point) without a .cpg. */
function writeAllBytes(base: string): void {
  const all = String.fromCharCode(...Array.from({ length: 128 }, (_, i) => 0x80 + i));
  writeFileSync(
    join(dir, `${base}.geojson`),
    JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { A: all.slice(0, 64), B: all.slice(64) }, geometry: null }],
    }),
  );
  ogr2ogr([
    '-f',
    'ESRI Shapefile',
    '-lco',
    'ENCODING=ISO-8859-1',
    join(dir, `${base}.shp`),
    join(dir, `${base}.geojson`),
  ]);
  unlinkSync(join(dir, `${base}.cpg`));
}

interface GdalLayerReading {
  encoding: string;
  values: Record<string, string>;
}

/** One `ogrinfo` over a folder: per layer, the encoding GDAL settled on and the text it read. */
function gdalReadFolder(folder: string): Map<string, GdalLayerReading> {
  const out = execFileSync('ogrinfo', ['-ro', '-al', '-mdd', 'SHAPEFILE', folder], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const layers = new Map<string, GdalLayerReading>();
  let current: GdalLayerReading | null = null;
  for (const line of out.split('\n')) {
    const layer = /^Layer name: (.*)$/.exec(line);
    if (layer) layers.set(layer[1]!, (current = { encoding: '', values: {} }));
    const encoding = /^\s+SOURCE_ENCODING=(.*)$/.exec(line);
    if (encoding && current) current.encoding = encoding[1]!.trim();
    const value = /^\s+([AB]) \(String\) = (.*)$/.exec(line);
    if (value && current) current.values[value[1]!] = value[2]!;
  }
  return layers;
}

describe('dBase language driver ids (header byte 29)', () => {
  it("decode bytes 0x80–0xFF as GDAL does, for every id in GDAL's table it can recode", () => {
    writeAllBytes('ldid');
    const folder = join(dir, 'ldids');
    mkdirSync(folder);
    const source = loadSet(dir, 'ldid');
    const ids = [...Array(256).keys()].filter((id) => codePageOfLdid(id) !== null);
    for (const ldid of ids) {
      for (const f of source) {
        const bytes = f.bytes.slice();
        if (f.name.endsWith('.dbf')) bytes[29] = ldid;
        writeFileSync(join(folder, f.name.replace('ldid', `ldid_${ldid}`)), bytes);
      }
    }
    const gdal = gdalReadFolder(folder);
    const checked: number[] = [];
    for (const ldid of ids) {
      const page = codePageOfLdid(ldid)!;
      const reading = gdal.get(`ldid_${ldid}`)!;
      const result = readShapefile(loadSet(folder, `ldid_${ldid}`), {});
      const ours = result.layers[0]!.features[0]!.properties;
      if (!reading.encoding || MULTI_BYTE.has(page)) {
        // GDAL's iconv lacks the page (Mac Roman, 895, 620…): it cannot recode, and nor may we claim to.
        if (!encodingOfCodePage(page)) expect(result.info.encoding?.source, `LDID ${ldid}`).toBe('detected');
        continue;
      }
      expect(reading.encoding).toBe(`CP${page}`);
      expect(result.info.encoding, `LDID ${ldid}`).toMatchObject({
        used: encodingOfCodePage(page),
        source: 'header',
      });
      for (const field of ['A', 'B']) {
        const a = [...String(ours[field])];
        expect(a.length, `LDID ${ldid} ${field}`).toBe(64);
        // Bytes iconv leaves undefined come out of GDAL as '?' or not at all: compare the others.
        const defined = iconvUpperHalf(`CP${page}`).slice(field === 'A' ? 0 : 64, field === 'A' ? 64 : 128);
        const oursDefined = a.filter((_, i) => defined[i] !== '');
        expect(oursDefined.join(''), `LDID ${ldid} (code page ${page}) ${field}`).toBe(
          reading.values[field]!.replaceAll('?', ''),
        );
      }
      checked.push(ldid);
    }
    console.info(`language driver ids compared with GDAL: ${checked.length} of ${ids.length}`);
    expect(checked.length).toBeGreaterThanOrEqual(50);
  });

  it.each([
    [19, 'sjis', NAMES.japanese],
    [123, 'sjis', NAMES.japanese],
    [77, 'gbknone', NAMES.gbk],
    [122, 'gbknone', NAMES.gbk],
    [78, 'euckr', NAMES.korean],
    [121, 'euckr', NAMES.korean],
    [79, 'big5', NAMES.big5],
    [120, 'big5', NAMES.big5],
  ] as const)('the CJK id %i reads the text GDAL reads', (ldid, base, expected) => {
    write(`ldid${ldid}`, expected, encodingGdalName[base]);
    declare(`ldid${ldid}`, null, ldid);
    const result = readShapefile(loadSet(dir, `ldid${ldid}`), {});
    expect(result.info.encoding?.source).toBe('header');
    const ours = result.layers[0]!.features.map((f) => f.properties['NAME']);
    expect(ours).toEqual(expected);
    expect(ours).toEqual(gdalRead(join(dir, `ldid${ldid}.shp`)).map((f) => f.properties['NAME']));
  });

  it('0x57 ("ANSI") is decided by the bytes, where GDAL assumes ISO-8859-1', () => {
    expect(codePageOfLdid(LDID_ANSI)).toBeNull();
    expect(readShapefile(loadSet(dir, 'gbk57'), {}).info.encoding?.source).toBe('detected');
  });
});

describe('Japanese code pages', () => {
  it('a .cpg "EUC-JP", as GDAL writes it, reads the text GDAL reads', () => {
    expect(readFileSync(join(dir, 'eucjp.cpg'), 'utf8')).toMatch(/EUC-JP/i);
    expect(names('eucjp')).toEqual(NAMES.japanese);
    expect(names('eucjp')).toEqual(gdalRead(join(dir, 'eucjp.shp')).map((f) => f.properties['NAME']));
  });

  it('undeclared EUC-JP reads right when the planner chooses euc-jp', () => {
    write('eucjpnone', NAMES.japanese, 'EUC-JP');
    declare('eucjpnone', null, 0);
    const result = readShapefile(loadSet(dir, 'eucjpnone'), { encoding: 'euc-jp' });
    expect(result.info.encoding).toMatchObject({ used: 'euc-jp', source: 'user' });
    expect(result.info.warnings).toEqual([]);
    const gdal = gdalRead(join(dir, 'eucjpnone.shp'), { SHAPE_ENCODING: 'EUC-JP' });
    expect(result.layers[0]!.features.map((f) => f.properties['NAME'])).toEqual(
      gdal.map((f) => f.properties['NAME']),
    );
  });

  it('the .cpg label "shiftjis" (mapshaper writes it) reads Shift-JIS as GDAL told CP932 does', () => {
    write('sjislabel', NAMES.japanese, 'CP932');
    declare('sjislabel', 'shiftjis', 0);
    expect(readShapefile(loadSet(dir, 'sjislabel'), {}).info.encoding?.source).toBe('cpg');
    const gdal = gdalRead(join(dir, 'sjislabel.shp'), { SHAPE_ENCODING: 'CP932' });
    expect(names('sjislabel')).toEqual(gdal.map((f) => f.properties['NAME']));
    expect(names('sjislabel')).toEqual(NAMES.japanese);
  });
});

/** Double-byte pages: checked with real text below, not byte by byte. */
const MULTI_BYTE = new Set([932, 936, 949, 950]);
const encodingGdalName = { sjis: 'CP932', gbknone: 'CP936', euckr: 'CP949', big5: 'BIG5' } as const;

describe('real dBase files from GDAL autotest', () => {
  const fixture = (name: string) => new Uint8Array(readFileSync(join(__dirname, 'fixtures', 'gdal', name)));

  it('facility_surface_dd.dbf (LDID 87, Norwegian names in ISO-8859-1) reads as GDAL reads it', () => {
    const warnings: never[] = [];
    const dbf = readDbf('facility_surface_dd.dbf', fixture('facility_surface_dd.dbf'), { warnings });
    expect(dbf.encoding).toMatchObject({ used: 'windows-1252', source: 'detected' });
    expect(dbf.records[91]!['NAME']).toBe('OSEBERG SØR');
    const gdal = gdalRead(join(__dirname, 'fixtures', 'gdal', 'facility_surface_dd.dbf'));
    expect(dbf.records).toEqual(gdal.map((f) => f.properties));
  });

  it('chinese.dbf (LDID 77 = CP936) has the field name 中国', () => {
    const dbf = readDbf('chinese.dbf', fixture('chinese.dbf'), { warnings: [] });
    expect(dbf.encoding).toMatchObject({ used: 'gbk', source: 'header' });
    expect(dbf.fields[0]!.name).toBe('中国');
    const gdal = gdalRead(join(__dirname, 'fixtures', 'gdal', 'chinese.dbf'));
    expect(dbf.records).toEqual(gdal.map((f) => f.properties));
  });
});

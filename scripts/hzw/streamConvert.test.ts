import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FormatError } from '../../shared/formats/formatError';
import type { CliOptions } from './args';
import { convert, convertFile, plainConversion, type ConvertResult } from './commands';
import { fileSource } from './inputFiles';
import { FeatureScanner, featureRanges } from './featureChunks';
import { CHUNK_FEATURES, convertStreamed } from './streamConvert';

const dir = mkdtempSync(join(tmpdir(), 'hzw-stream-'));
const encoder = new TextEncoder();

/** A FeatureCollection of `count` squares whose attributes change type and presence across chunks. */
function collection(count: number, change: (i: number, feature: Record<string, unknown>) => void = () => {}) {
  const features = Array.from({ length: count }, (_, i) => {
    const x = 84.6 + (i % 40) * 0.001;
    const y = 44.4 + Math.floor(i / 40) * 0.001;
    const properties: Record<string, unknown> = {
      name: `区划 "${i}" [a,b] {c}`,
      // Null throughout the first chunk, numbers later: typed by its first value, as GDAL does.
      height: i < CHUNK_FEATURES + 10 ? null : 9 + (i % 4) * 1.5,
      note: i === 3 * CHUNK_FEATURES + 7 ? '长'.repeat(200) : `第${i}号`,
    };
    if (i >= 2 * CHUNK_FEATURES + 3) properties.late = i % 2 === 0;
    const feature: Record<string, unknown> = {
      type: 'Feature',
      properties,
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [x, y],
            [x + 0.0005, y],
            [x + 0.0005, y + 0.0005],
            [x, y + 0.0005],
            [x, y],
          ],
        ],
      },
    };
    change(i, feature);
    return feature;
  });
  // Members after the array travel with every chunk: the CRS of a legacy GeoJSON here.
  const crs = { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4490' } };
  return `{"type":"FeatureCollection","name":"区划",\n "features": [\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n ],\n "crs": ${JSON.stringify(crs)}}`;
}

function save(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const filesOf = (result: ConvertResult) =>
  result.files.map((f) => ({ name: f.name, bytes: Buffer.from(f.bytes).toString('hex') }));

/** The file converted in chunks (null: it needed the whole-file path) and read whole. */
async function both(name: string, text: string, o: CliOptions = {}) {
  const path = save(name, text);
  const output = join(dir, 'out.shp');
  const source = await fileSource(path);
  const chunked = await convertStreamed(source, output, o, plainConversion(o, output, name), () => {});
  await source.close();
  const streamed = await convertFile(path, output, o, () => {});
  const whole = await convert([{ name, bytes: encoder.encode(text) }], output, o, () => {});
  return { chunked, streamed, whole, path };
}

describe('hzw convert of a GeoJSON in chunks', () => {
  it('writes exactly the files of the whole-file conversion, which GDAL reads', async () => {
    const count = 4 * CHUNK_FEATURES + 17;
    const { chunked, streamed, whole } = await both('zones.geojson', collection(count), {
      outEncoding: 'gbk',
    });
    expect(chunked).not.toBeNull();
    expect(filesOf(chunked!)).toEqual(filesOf(streamed));
    expect(filesOf(streamed)).toEqual(filesOf(whole));
    expect(streamed.warnings).toEqual(whole.warnings);
    expect(streamed.renamed).toEqual(whole.renamed);
    expect(streamed.files.map((f) => f.name)).toContain('out_long.csv');
    for (const f of streamed.files) writeFileSync(join(dir, f.name), f.bytes);
    const info = execFileSync('ogrinfo', ['-ro', '-so', '-al', join(dir, 'out.shp')], { encoding: 'utf8' });
    expect(info).toContain(`Feature Count: ${count}`);
    expect(info).toMatch(/height: Real/);
    expect(info).toMatch(/late: String/);
  });

  it('falls back to the whole-file path for several geometry types, with the same result', async () => {
    const point = (i: number, f: Record<string, unknown>) => {
      if (i === CHUNK_FEATURES + 1) f.geometry = { type: 'Point', coordinates: [84.6, 44.4] };
    };
    const { chunked, streamed, whole } = await both('mixed.geojson', collection(2 * CHUNK_FEATURES, point));
    expect(chunked).toBeNull();
    expect(streamed.files.map((f) => f.name)).toContain('out_point.shp');
    expect(filesOf(streamed)).toEqual(filesOf(whole));
  });

  it('refuses a file with broken features naming the same features as the whole-file reader', async () => {
    const broken = (i: number, f: Record<string, unknown>) => {
      if (i === 2 * CHUNK_FEATURES + 5) f.type = 'Thing';
      if (i === 3) f.geometry = { type: 'Circle', coordinates: [84, 44] };
    };
    const text = collection(3 * CHUNK_FEATURES, broken);
    const path = save('broken.geojson', text);
    const streamed = await convertFile(path, join(dir, 'b.shp'), {}, () => {}).catch((e: unknown) => e);
    const whole = await convert(
      [{ name: 'broken.geojson', bytes: encoder.encode(text) }],
      join(dir, 'b.shp'),
      {},
      () => {},
    ).catch((e: unknown) => e);
    expect(streamed).toBeInstanceOf(FormatError);
    expect((streamed as FormatError).problems).toEqual((whole as FormatError).problems);
    expect((streamed as FormatError).problems.map((p) => p.index)).toEqual([3, 2 * CHUNK_FEATURES + 5]);
  });
});

describe('the feature scan', () => {
  const value = fc.letrec((tie) => ({
    json: fc.oneof(
      { depthSize: 'small' },
      fc.string(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('json'), { maxLength: 3 }),
      fc.dictionary(fc.string(), tie('json'), { maxKeys: 3 }),
    ),
  })).json;

  it('finds every feature whatever it holds, in blocks of any size, as JSON.parse sees them', () => {
    fc.assert(
      fc.property(
        fc.array(value, { maxLength: 6 }),
        fc.dictionary(fc.constantFrom('name', 'crs', 'bbox', 'x"y'), value, { maxKeys: 2 }),
        fc.integer({ min: 1, max: 64 }),
        fc.constantFrom('', ' ', '\n\t'),
        (features, around, block, space) => {
          const text = `\uFEFF${space}{${Object.entries(around)
            .map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)},`)
            .join(
              space,
            )}"features"${space}:${space}[${space}${features.map((f) => JSON.stringify(f)).join(`${space},${space}`)}${space}]${space}}`;
          const bytes = encoder.encode(text);
          const scanner = new FeatureScanner();
          for (let at = 0; at < bytes.length; at += block) scanner.feed(bytes.subarray(at, at + block));
          const ranges = scanner.ranges()!;
          expect(ranges).toEqual(featureRanges(bytes));
          const decoder = new TextDecoder();
          const found = ranges.starts.map((s, i) =>
            JSON.parse(decoder.decode(bytes.subarray(s, ranges.ends[i]))),
          );
          expect(found).toEqual(JSON.parse(text.slice(1)).features);
        },
      ),
    );
  });

  it('leaves files it cannot split to the whole-file reader', () => {
    const of = (text: string) => featureRanges(encoder.encode(text));
    expect(of('{"type":"Feature","geometry":null,"properties":{}}')).toBeNull();
    expect(of('{"features":{"a":1}}')).toBeNull();
    expect(of('{"features":[1],"features":[2]}')).toBeNull();
    expect(of('{"feat\\u0075res":[1]}')).toMatchObject({ starts: [18] });
    expect(of('{"feat\\u0075res":{}}')).toBeNull();
    expect(of('{"features":[1,]}')).toBeNull();
    expect(of('{"features":[1')).toBeNull();
    expect(of('[{"features":[1]}]')).toBeNull();
    expect(of('{"features":[]}')).toMatchObject({ starts: [], ends: [] });
  });
});

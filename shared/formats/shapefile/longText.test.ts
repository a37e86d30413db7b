import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Derivation } from '../../domain/derivation';
import { deliveryDocument } from '../mapping/deliveryFixture';
import { readImport } from '../mapping/readImport';
import { writeExport } from '../mapping/writeExport';
import type { ProjectDocument } from '../projectDocument';
import { readZip } from '../zip/zip';

/** A derived CCZ whose derivation record is 2 000+ characters of JSON, and a long 四至 text. */
function withLongTexts(): { document: ProjectDocument; derivation: Derivation; boundary: string } {
  const document = deliveryDocument();
  const ccz = document.zones.find((z) => z.id === 'z-ccz')!;
  const derivation: Derivation = {
    method: 'buffer',
    sourceZoneId: 'z-range',
    sourcePoint: null,
    sourceLine: null,
    params: { distanceM: 30, corner: 'round', note: '含"引号"、逗号,\n与换行' },
    sourceHash: 'a1b2c3d4e5f60718',
    derivedAt: '2024-05-01T08:00:00.000Z',
    draft: `自保护范围边界向外扩30米；${'东至解放路，南至新华路，西至团结路，北至和平路。'.repeat(75)}`,
  };
  const boundary = `四至：${'东至乌苏河西岸，'.repeat(40)}`;
  ccz.attributes = { ...ccz.attributes, derivation, boundaryText: boundary };
  expect(JSON.stringify(derivation).length).toBeGreaterThanOrEqual(2000);
  return { document, derivation, boundary };
}

function unzipTo(bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'hzw-long-'));
  for (const entry of readZip(bytes)) writeFileSync(join(dir, entry.name), entry.bytes);
  return dir;
}

describe('lossless Shapefile: texts past 254 bytes', () => {
  it.each(['gbk', 'utf-8'] as const)(
    '%s: export → import of the full profile returns the 2 000-character derivation record intact',
    async (encoding) => {
      const { document, derivation, boundary } = withLongTexts();
      const out = await writeExport({
        document,
        options: { format: 'shapefile', profile: 'full', encoding },
      });
      expect(out.files.map((f) => f.name)).toEqual(['乌苏交付.zip']);
      const names = readZip(out.files[0]!.bytes).map((e) => e.name);
      expect(names).toContain('乌苏交付_long.csv');
      expect(out.warnings.map((w) => w.en)).toContainEqual(
        expect.stringMatching(/^2 texts longer than 254 bytes are kept whole in 乌苏交付_long\.csv/),
      );
      const back = await readImport({ files: out.files, options: {} });
      expect(back.result.rejected).toEqual([]);
      const ccz = back.result.document.zones.find((z) => z.id === 'z-ccz')!;
      expect(ccz.attributes.derivation).toEqual(derivation);
      expect(ccz.attributes.boundaryText).toBe(boundary);
      // Every other attribute of every zone comes back too.
      for (const zone of document.zones)
        expect(back.result.document.zones.find((z) => z.id === zone.id)?.attributes).toEqual(zone.attributes);
    },
  );

  it('GDAL reads the sidecar as valid JSON and joins it to the table on ZONE_ID', async () => {
    const { document, derivation } = withLongTexts();
    const out = await writeExport({
      document,
      options: { format: 'shapefile', profile: 'full', encoding: 'gbk' },
    });
    const dir = unzipTo(out.files[0]!.bytes);
    const sql =
      'SELECT s.ZONE_ID, s.DERIVATION AS cut, l.DERIVATION AS whole FROM "乌苏交付" s ' +
      `LEFT JOIN '${join(dir, '乌苏交付_long.csv')}'."乌苏交付_long" l ON s.ZONE_ID = l.ZONE_ID ` +
      "WHERE s.ZONE_ID = 'z-ccz'";
    const text = execFileSync('ogrinfo', ['-ro', '-q', '-sql', sql, join(dir, '乌苏交付.shp')], {
      encoding: 'utf8',
    });
    const whole = /whole \(String\) = (.*)/.exec(text)![1]!;
    expect(JSON.parse(whole)).toEqual(derivation);
    const cut = /cut \(String\) = (.*)/.exec(text)![1]!;
    expect(whole.startsWith(cut)).toBe(true);
    expect(() => JSON.parse(cut)).toThrow();
  });

  it('the generic profile is one self-contained table: it cuts, and says which fields of which zones', async () => {
    const { document } = withLongTexts();
    const out = await writeExport({ document, options: { format: 'shapefile', profile: 'generic' } });
    expect(readZip(out.files[0]!.bytes).map((e) => e.name)).not.toContain('乌苏交付_long.csv');
    const cut = out.warnings.filter((w) => /were cut/.test(w.en)).map((w) => w.en);
    expect(cut).toEqual([
      'Field BNDRY_TEXT holds 254 bytes; 1 longer values were cut: z-ccz',
      'Field DERIVATION holds 254 bytes; 1 longer values were cut: z-ccz',
    ]);
  });

  it('a sidecar that no longer matches its table is not used, and the import says so', async () => {
    const { document } = withLongTexts();
    const out = await writeExport({
      document,
      options: { format: 'shapefile', profile: 'full', encoding: 'utf-8', zip: false },
    });
    const edited = document.zones.map((z) =>
      z.id === 'z-ccz' ? { ...z, attributes: { ...z.attributes, boundaryText: '四至：东至新路' } } : z,
    );
    const current = await writeExport({
      document: { ...document, zones: edited },
      options: { format: 'shapefile', profile: 'full', encoding: 'utf-8', zip: false },
    });
    const sidecar = out.files.find((f) => f.name.endsWith('_long.csv'))!;
    const files = [...current.files.filter((f) => !f.name.endsWith('_long.csv')), sidecar];
    const back = await readImport({ files, options: {} });
    const ccz = back.result.document.zones.find((z) => z.id === 'z-ccz')!;
    expect(ccz.attributes.boundaryText).toBe('四至：东至新路');
    expect(back.info.flatMap((i) => i.warnings).map((w) => w.en)).toContain(
      "乌苏交付_long.csv: 1 long texts do not match the table's values (a stale sidecar?) and were not used",
    );
  });
});

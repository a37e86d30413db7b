import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_SIDECAR_BYTES } from '../../shared/domain/backgroundSidecars';
import { pickBackgrounds } from './backgroundPicks';
import { GrantedFiles } from './grantedFiles';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'hzw-pick-'));
});
afterEach(() => rm(folder, { recursive: true, force: true }));

async function pick(names: string[]) {
  const granted = await GrantedFiles.load(join(folder, 'grants.json'));
  const picked = await pickBackgrounds({
    dialogs: {
      chooseFiles: async () => names.map((n) => join(folder, n)),
      chooseSaveTarget: async () => null,
    },
    granted,
    lang: () => 'zh',
    startFolder: () => folder,
  });
  return { picked, granted };
}

describe('picking background files', () => {
  it('grants each file and brings its sidecars (any case) as text; a picked sidecar is not granted alone', async () => {
    await writeFile(join(folder, 'dom.tif'), new Uint8Array(5000));
    await writeFile(join(folder, 'DOM.TFW'), '0.5\n0\n0\n-0.5\n28500000.25\n3400000.25\n');
    await writeFile(join(folder, 'dom.prj'), 'PROJCS["CGCS2000 / 3-degree Gauss-Kruger zone 28"]');
    await writeFile(join(folder, 'dom.aux.xml'), '<PAMDataset>stem</PAMDataset>');
    await writeFile(join(folder, 'dom.tif.aux.xml'), '<PAMDataset>name</PAMDataset>');
    await writeFile(join(folder, 'other.prj'), 'not ours');
    const { picked, granted } = await pick(['dom.tif', 'DOM.TFW']);
    expect(picked).toHaveLength(1);
    const [dom] = picked;
    expect(dom!.name).toBe('dom.tif');
    expect(dom!.size).toBe(5000);
    expect(granted.get(dom!.grant)?.path).toBe(join(folder, 'dom.tif'));
    expect(dom!.sidecars).toEqual({
      tfw: '0.5\n0\n0\n-0.5\n28500000.25\n3400000.25\n',
      prj: 'PROJCS["CGCS2000 / 3-degree Gauss-Kruger zone 28"]',
      'aux.xml': '<PAMDataset>name</PAMDataset>',
    });
  });

  it('brings a GDAL .aux.xml with histograms (300 KiB)', async () => {
    const histogram = `<PAMDataset>${'<HistItemCounts>1|2|3</HistItemCounts>'.repeat(9000)}</PAMDataset>`;
    expect(histogram.length).toBeGreaterThan(300 * 1024);
    await writeFile(join(folder, 'dom.tif'), new Uint8Array(10));
    await writeFile(join(folder, 'dom.tif.aux.xml'), histogram);
    const { picked } = await pick(['dom.tif']);
    expect(picked[0]!.sidecars['aux.xml']).toBe(histogram);
  });

  it('leaves out a sidecar over 1 MiB; several images each get their own', async () => {
    await writeFile(join(folder, 'a.jpg'), 'jpeg');
    await writeFile(join(folder, 'a.jgw'), '1\n0\n0\n-1\n0\n0\n');
    await writeFile(join(folder, 'b.png'), 'png');
    await writeFile(join(folder, 'b.prj'), 'x'.repeat(MAX_SIDECAR_BYTES + 1));
    const { picked } = await pick(['a.jpg', 'b.png']);
    expect(picked.map((p) => [p.name, Object.keys(p.sidecars)])).toEqual([
      ['a.jpg', ['jgw']],
      ['b.png', []],
    ]);
  });

  it('a cancelled dialog grants nothing; a folder is refused with its name', async () => {
    const { picked, granted } = await pick([]);
    expect(picked).toEqual([]);
    expect(granted.count).toBe(0);
    await expect(pick(['.'])).rejects.toThrow(/is not a file/);
  });
});

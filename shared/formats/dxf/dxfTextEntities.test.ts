import { describe, expect, it } from 'vitest';
import { layerToImport } from '../mapping/layerToImport';
import { encodeText } from '../text/encoding';
import { readDxf } from './dxfAdapter';
import { decodeSpecialCodes, plainMtext } from './dxfTextEntities';
import { dxfFile, dxfText, type Pairs } from './fixtures/dxfBuilder';

/** POINT, TEXT and MTEXT as reference points with their plain text; never zones. */
describe('MTEXT formatting codes', () => {
  it.each([
    ['{\\fSimSun|b0|i0|c134|p2;文物保护范围}\\P界桩 J1', '文物保护范围\n界桩 J1'],
    ['\\A1;\\H2.5x;\\C1;高\\W0.8;程\\T1.1;：\\Q15;1052.3', '高程：1052.3'],
    ['面积 \\S12^5; 亩、\\S1/2;公顷、\\S3#4;', '面积 12/5 亩、1/2公顷、3/4'],
    ['%%c200 %%d %%p0.05 %%% 100%%%', 'Ø200 ° ±0.05 % 100%'],
    ['\\Lunder\\l \\Oover\\o \\Kstrike\\k', 'under over strike'],
    ['a\\~b \\\\ \\{x\\}', 'a b \\ {x}'],
    ['\\pxi-3,l3,t4;列1^I列2\\P', '列1\t列2'],
  ])('%s → %s', (raw, plain) => expect(plainMtext(raw)).toBe(plain));

  it('decodes TEXT special codes but keeps backslashes', () => {
    expect(decodeSpecialCodes('%%uJ1%%u \\P %%128')).toBe('J1 \\P \u0080');
  });
});

describe('points and labels', () => {
  const entities: Pairs = [
    [0, 'POINT'],
    [5, 'P1'],
    [8, '控制点'],
    [10, 553_010],
    [20, 4_920_020],
    [30, 1052.3],
    [0, 'TEXT'],
    [5, 'T1'],
    [8, '保护范围'],
    [10, 553_000],
    [20, 4_920_000],
    [40, 3],
    [50, 30],
    [1, '清代乌苏古城墙 保护范围'],
    [0, 'MTEXT'],
    [5, 'M1'],
    [8, '保护范围'],
    [10, 553_100],
    [20, 4_920_000],
    [40, 2],
    [11, 0],
    [21, 1],
    [3, '{\\fSimSun;巴音沟承化寺}\\P'],
    [1, '四至：东至围墙外 %%p10 米'],
  ];

  it('reads GBK labels of an R2000 ANSI_936 file with their height and rotation', () => {
    const result = readDxf([dxfFile(encodeText(dxfText({ entities }), 'gbk'))]);
    expect(result.info.encoding?.used).toBe('gbk');
    expect(result.layers[0]!.features.map((f) => [f.geometry, f.properties])).toEqual([
      [
        { type: 'Point', coordinates: [553_010, 4_920_020] },
        expect.objectContaining({ entity: 'POINT', layer: '控制点', text: null, closed: false }),
      ],
      [
        { type: 'Point', coordinates: [553_000, 4_920_000] },
        expect.objectContaining({
          entity: 'TEXT',
          text: '清代乌苏古城墙 保护范围',
          text_height: 3,
          rotation: 30,
        }),
      ],
      [
        { type: 'Point', coordinates: [553_100, 4_920_000] },
        expect.objectContaining({
          entity: 'MTEXT',
          text: '巴音沟承化寺\n四至：东至围墙外 ±10 米',
          rotation: 90,
        }),
      ],
    ]);
    expect(result.info.warnings.map((w) => w.en)).toContain(
      '3 point and text features (not zone polygons), shown for reference only',
    );
  });

  it('scales and turns a label with the block that holds it', () => {
    const text = dxfText({
      blocks: [
        { name: 'LABEL', entities: entities.slice(6, 14).map(([c, v]) => [c, c === 10 || c === 20 ? 0 : v]) },
      ],
      entities: [
        [0, 'INSERT'],
        [8, '注记'],
        [2, 'LABEL'],
        [10, 5],
        [20, 5],
        [41, 2],
        [42, 2],
        [50, 90],
      ],
    });
    const [label] = readDxf([dxfFile(text)]).layers[0]!.features;
    expect(label!.properties).toMatchObject({
      text_height: 6,
      rotation: 120,
      block: 'LABEL',
      layer: '保护范围',
    });
  });

  it('never become zones, even on a zone layer', () => {
    const result = readDxf([dxfFile(dxfText({ entities }))]);
    const imported = layerToImport(
      [{ layer: { ...result.layers[0]!, epsg: 4537 }, problems: result.problems }],
      'plan.dxf',
      { cadLayerMapping: { 保护范围: 'protection_range', 控制点: 'protection_range' } },
    );
    expect(imported.document.zones).toEqual([]);
    expect(imported.rejected.map((r) => r.reason.en)).toEqual(
      Array(3).fill('geometry type Point is not a Polygon or MultiPolygon'),
    );
  });
});

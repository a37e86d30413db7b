import { XDATA_APP } from './dxfZoneGroups';

/**
 * The fixed parts of an R2000+ DXF: handles, symbol tables, model/paper space blocks and the root
 * dictionary, so AutoCAD-class programs accept the file, not only lenient readers. The APPID table
 * registers HZW, the application of the zone numbers the writer puts on hatches.
 */
export type Pair = [number, string | number];

export class HandleCounter {
  private next = 0x20;
  take(): string {
    return (this.next++).toString(16).toUpperCase();
  }
  seed(): string {
    return this.next.toString(16).toUpperCase();
  }
}

export interface CadLayerDef {
  name: string;
  color: number;
}

function table(
  h: HandleCounter,
  name: string,
  entries: (tableHandle: string) => Pair[][],
  extra: Pair[] = [],
): Pair[] {
  const handle = h.take();
  const records = entries(handle);
  return [
    [0, 'TABLE'],
    [2, name],
    [5, handle],
    [330, '0'],
    [100, 'AcDbSymbolTable'],
    [70, records.length],
    ...extra,
    ...records.flat(),
    [0, 'ENDTAB'],
  ];
}

const record = (type: string, subclass: string, h: HandleCounter, owner: string, body: Pair[]): Pair[] => [
  [0, type],
  [type === 'DIMSTYLE' ? 105 : 5, h.take()],
  [330, owner],
  [100, 'AcDbSymbolTableRecord'],
  [100, subclass],
  ...body,
];

export interface Skeleton {
  tables: Pair[];
  blocks: Pair[];
  objects: Pair[];
  modelSpace: string;
}

export function buildSkeleton(h: HandleCounter, layers: readonly CadLayerDef[]): Skeleton {
  const blockRecords: Record<string, string> = {};
  const tables: Pair[] = [
    ...table(h, 'VPORT', (t) => [
      record('VPORT', 'AcDbViewportTableRecord', h, t, [
        [2, '*ACTIVE'],
        [70, 0],
        [10, 0],
        [20, 0],
        [11, 1],
        [21, 1],
        [12, 0],
        [22, 0],
        [40, 1000],
        [41, 1.5],
      ]),
    ]),
    ...table(h, 'LTYPE', (t) =>
      ['ByBlock', 'ByLayer', 'Continuous'].map((name) =>
        record('LTYPE', 'AcDbLinetypeTableRecord', h, t, [
          [2, name],
          [70, 0],
          [3, name === 'Continuous' ? 'Solid line' : ''],
          [72, 65],
          [73, 0],
          [40, 0],
        ]),
      ),
    ),
    ...table(h, 'LAYER', (t) =>
      [{ name: '0', color: 7 }, ...layers].map((l) =>
        record('LAYER', 'AcDbLayerTableRecord', h, t, [
          [2, l.name],
          [70, 0],
          [62, l.color],
          [6, 'Continuous'],
        ]),
      ),
    ),
    ...table(h, 'STYLE', (t) => [
      record('STYLE', 'AcDbTextStyleTableRecord', h, t, [
        [2, 'Standard'],
        [70, 0],
        [40, 0],
        [41, 1],
        [50, 0],
        [71, 0],
        [42, 2.5],
        [3, 'txt'],
        [4, ''],
      ]),
    ]),
    ...table(h, 'VIEW', () => []),
    ...table(h, 'UCS', () => []),
    ...table(h, 'APPID', (t) =>
      ['ACAD', XDATA_APP].map((name) =>
        record('APPID', 'AcDbRegAppTableRecord', h, t, [
          [2, name],
          [70, 0],
        ]),
      ),
    ),
    ...table(
      h,
      'DIMSTYLE',
      (t) => [
        record('DIMSTYLE', 'AcDbDimStyleTableRecord', h, t, [
          [2, 'Standard'],
          [70, 0],
        ]),
      ],
      [[100, 'AcDbDimStyleTable']],
    ),
    ...table(h, 'BLOCK_RECORD', (t) =>
      ['*Model_Space', '*Paper_Space'].map((name) => {
        const entry = record('BLOCK_RECORD', 'AcDbBlockTableRecord', h, t, [[2, name]]);
        blockRecords[name] = String(entry[1]![1]);
        return entry;
      }),
    ),
  ];
  const blocks: Pair[] = ['*Model_Space', '*Paper_Space'].flatMap((name): Pair[] => [
    [0, 'BLOCK'],
    [5, h.take()],
    [330, blockRecords[name]!],
    [100, 'AcDbEntity'],
    [8, '0'],
    [100, 'AcDbBlockBegin'],
    [2, name],
    [70, 0],
    [10, 0],
    [20, 0],
    [30, 0],
    [3, name],
    [1, ''],
    [0, 'ENDBLK'],
    [5, h.take()],
    [330, blockRecords[name]!],
    [100, 'AcDbEntity'],
    [8, '0'],
    [100, 'AcDbBlockEnd'],
  ]);
  const root = h.take();
  const groups = h.take();
  const objects: Pair[] = [
    [0, 'DICTIONARY'],
    [5, root],
    [330, '0'],
    [100, 'AcDbDictionary'],
    [281, 1],
    [3, 'ACAD_GROUP'],
    [350, groups],
    [0, 'DICTIONARY'],
    [5, groups],
    [330, root],
    [100, 'AcDbDictionary'],
    [281, 1],
  ];
  return { tables, blocks, objects, modelSpace: blockRecords['*Model_Space']! };
}

import { describe, expect, it } from 'vitest';
import { toGaussKruger } from '../../shared/crs/gaussKruger';
import { createProperties, setProperty, type Layer, type NamedBytes } from '../../shared/formats/layer';
import { readImport } from '../../shared/formats/mapping/readImport';
import type { ImportOptions, ReadImportOutput } from '../../shared/formats/mapping/types';
import { writeShapefile } from '../../shared/formats/shapefile/writeShapefile';
import { writeZip } from '../../shared/formats/zip/zip';
import type { Store } from '../storage/store';
import { openMemoryStore } from '../testing/memoryStore';
import { importDocument } from './commands/importCommands';
import { createProject } from './commands/projectCommands';
import { ImportSession } from './importSession';

const NAMES = ['奎屯河古渡口遗址', '车排子烽燧', '乌苏古城墙'];

/** Three zones near Wusu with Chinese names, in EPSG:4490 or (gk) zone 28 without prefix. */
function layer(gk: boolean): Layer {
  const features = NAMES.map((name, i) => {
    const ring = [
      [84.6 + i * 0.01, 44.4],
      [84.605 + i * 0.01, 44.4],
      [84.605 + i * 0.01, 44.405],
      [84.6 + i * 0.01, 44.4],
    ].map(([lon, lat]) => (gk ? toGaussKruger([lon!, lat!], 28, { prefixed: false }) : [lon!, lat!]));
    const properties = createProperties();
    setProperty(properties, 'NAME', name);
    setProperty(properties, 'TYPE', i === 1 ? '建设控制地带' : '保护范围');
    return { geometry: { type: 'Polygon' as const, coordinates: [ring] }, properties };
  });
  const fields = [
    { name: 'NAME', type: 'string' as const },
    { name: 'TYPE', type: 'string' as const },
  ];
  return { name: 'zones', epsg: gk ? 4537 : 4490, fields, features };
}

/** A GBK shapefile set (.cpg says GBK) zipped, as offices send them. */
const gbk = (): NamedBytes[] => {
  const { files } = writeShapefile([layer(false)], { encoding: 'gbk', baseName: 'gbk-zones' });
  return [{ name: 'gbk-zones.zip', bytes: writeZip(files) }];
};
/** Loose .shp/.shx/.dbf without .prj: eastings of zone 28 without the zone number. */
const bare = (): NamedBytes[] =>
  writeShapefile([layer(true)], { encoding: 'gbk', baseName: 'bare-zones' }).files.filter((f) =>
    /\.(shp|shx|dbf)$/.test(f.name),
  );

/** The read as the preview gets it: the zones stay in the session, their number comes along. */
function preview(output: ReadImportOutput) {
  const { document } = output.result;
  return {
    output: { ...output, result: { ...output.result, document: { ...document, objects: [], zones: [] } } },
    importable: document.zones.length,
  };
}

/** What a store holds of a project, without the ids an import makes up for records that had none. */
async function contents(store: Store, projectId: string) {
  const zones = await store.read.zonesOfProject(projectId);
  const objects = await store.read.objectsOfProject(projectId);
  const nameOf = new Map(objects.map((o) => [o.id, o.attributes.name]));
  return zones.map((z) => JSON.stringify([nameOf.get(z.objectId), z.attributes, z.geometry])).sort();
}

async function project(name: string) {
  const store = await openMemoryStore(name);
  const created = createProject({ settings: { name: '乌苏', gkZone: 28 }, objects: [], zones: [] });
  await store.commit({ projectId: created.id, ...created });
  return { store, projectId: created.id };
}

describe('an import session', () => {
  it('reads what a fresh read of the same files gives, for every change of options', async () => {
    const session = new ImportSession(bare(), () => Promise.reject(new Error('no store needed')));
    const changes: ImportOptions[] = [
      { gkZone: 28 },
      { gkZone: 28, epsg: 4537 },
      { gkZone: 28, epsg: 4537, axisOrder: 'ne' },
      { gkZone: 28, epsg: 4537, defaultZoneType: 'construction_control_zone' },
      { gkZone: 28, epsg: 4537, encoding: 'gbk', defaultZoneType: 'body' },
    ];
    for (const options of changes) {
      const fresh = await readImport({ files: bare(), options });
      const read = await session.read(options);
      // Ids made up for records without one differ between reads; nothing else may.
      expect(read).toEqual(preview(fresh));
      if (options.defaultZoneType) expect(read.importable).toBe(3);
    }
  });

  it('parses once: a CRS or mapping change maps the kept layers, an encoding change decodes again', async () => {
    const session = new ImportSession(gbk(), () => Promise.reject(new Error('no store needed')));
    const parsedOf = () => (session as unknown as { parsed: { reads: unknown } }).parsed.reads;
    const first = await session.read({});
    const layers = parsedOf();
    expect(JSON.stringify(first.output.preview)).toContain('奎屯河古渡口遗址');
    await session.read({ defaultZoneType: 'body' });
    await session.read({ defaultZoneType: 'body', epsg: 4516 });
    expect(parsedOf()).toBe(layers);
    const garbled = await session.read({ defaultZoneType: 'body', epsg: 4516, encoding: 'utf-8' });
    expect(parsedOf()).not.toBe(layers);
    expect(JSON.stringify(garbled.output.preview)).not.toContain('奎屯河古渡口遗址');
    expect(JSON.stringify(garbled.output.preview)).toContain('\uFFFD');
    const back = await session.read({ defaultZoneType: 'body', epsg: 4516, encoding: 'gbk' });
    expect(JSON.stringify(back.output.preview)).toContain('奎屯河古渡口遗址');
  });

  it('plans and commits in its own thread exactly what the page would have (one undo step)', async () => {
    const options: ImportOptions = { gkZone: 28, defaultZoneType: 'protection_range' };
    const ours = await project('session-accept');
    const session = new ImportSession(gbk(), () => Promise.resolve(ours.store));
    await session.read({ gkZone: 28 });
    await session.read(options);
    const planned = await session.plan(ours.projectId);
    const accepted = await session.accept(ours.projectId, 'gbk-zones.zip', ours.store.session);
    expect(accepted.summary).toEqual(planned);
    expect(accepted.written).toHaveLength(planned.added);

    const page = await project('session-page');
    const fresh = await readImport({ files: gbk(), options });
    const command = importDocument(page.projectId, fresh.result.document, 'gbk-zones.zip');
    await page.store.commit({ projectId: page.projectId, ...command });
    expect(accepted.summary).toEqual(command.summary());
    expect(await contents(ours.store, ours.projectId)).toEqual(await contents(page.store, page.projectId));

    expect((await ours.store.read.history(ours.projectId)).undo?.en).toBe('Import gbk-zones.zip (3 zones)');
    await ours.store.undo(ours.projectId);
    expect(await ours.store.read.zonesOfProject(ours.projectId)).toEqual([]);
  });
});

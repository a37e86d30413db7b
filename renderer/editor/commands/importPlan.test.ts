import { describe, expect, it } from 'vitest';
import type { Zone } from '../../../shared/domain/schema';
import { readImport } from '../../../shared/formats/mapping/readImport';
import { writeExport } from '../../../shared/formats/mapping/writeExport';
import type { ImportResult } from '../../../shared/formats/mapping/types';
import type { NamedBytes } from '../../../shared/formats/layer';
import { buildWusuSample } from '../../../shared/sample/buildSample';
import type { Store } from '../../storage/store';
import { openMemoryStore } from '../../testing/memoryStore';
import { importDocument } from './importCommands';
import { importPlan } from './importPlan';
import { createProject } from './projectCommands';
import { updateZoneAttributes } from './zoneCommands';

interface GeoJson {
  features: { id: string; properties: Record<string, unknown>; geometry: { coordinates: number[][][] } }[];
}

async function openSample(name: string) {
  const store = await openMemoryStore(name);
  const project = createProject(buildWusuSample());
  await store.commit({ projectId: project.id, ...project });
  return { store, projectId: project.id };
}

async function exported(store: Store, projectId: string): Promise<GeoJson> {
  const project = (await store.read.project(projectId))!;
  const document = {
    settings: project.settings,
    objects: await store.read.objectsOfProject(projectId),
    zones: await store.read.zonesOfProject(projectId),
  };
  const { files } = await writeExport({ document, options: { format: 'geojson' } });
  return JSON.parse(new TextDecoder().decode(files[0]!.bytes)) as GeoJson;
}

async function read(json: GeoJson): Promise<ImportResult> {
  const file: NamedBytes = { name: 'edited.geojson', bytes: new TextEncoder().encode(JSON.stringify(json)) };
  const output = await readImport({ files: [file], options: {} });
  expect(output.result.rejected).toEqual([]);
  return output.result;
}

const plan = (store: Store, projectId: string, result: ImportResult) =>
  importPlan(store.read, projectId, result.document, result.mappedProperties);

async function snapshot(store: Store, projectId: string) {
  const byId = <T extends { id: string }>(records: T[]) =>
    [...records].sort((a, b) => a.id.localeCompare(b.id));
  return {
    zones: byId(await store.read.zonesOfProject(projectId)),
    objects: byId(await store.read.objectsOfProject(projectId)),
  };
}

describe('re-importing our own export', () => {
  it('finds every zone unchanged and writes nothing', async () => {
    const { store, projectId } = await openSample('reimport-same');
    const zones = await store.read.zonesOfProject(projectId);
    const result = await read(await exported(store, projectId));
    const { summary, puts } = await plan(store, projectId, result);
    expect(summary).toEqual({
      added: 0,
      updated: 0,
      unchanged: zones.length,
      objectsAdded: 0,
      objectsUpdated: 0,
    });
    expect(puts).toEqual([]);
  });

  it('finds every zone of a Shapefile export (GK zone 28, GBK, short names) unchanged', async () => {
    const { store, projectId } = await openSample('reimport-shapefile');
    const project = (await store.read.project(projectId))!;
    const document = {
      settings: project.settings,
      objects: await store.read.objectsOfProject(projectId),
      zones: await store.read.zonesOfProject(projectId),
    };
    const { files } = await writeExport({
      document,
      options: { format: 'shapefile', epsg: 4516, encoding: 'gbk' },
    });
    const output = await readImport({ files, options: {} });
    expect(output.profile).toBe('generic');
    const { summary } = await plan(store, projectId, output.result);
    expect(summary).toMatchObject({ added: 0, updated: 0, unchanged: document.zones.length });
  });

  it('updates the two zones edited in the file in one undo step, and undo restores them', async () => {
    const { store, projectId } = await openSample('reimport-edit');
    const before = await snapshot(store, projectId);
    const json = await exported(store, projectId);
    const [textEdited, moved] = [json.features[0]!, json.features[3]!];
    textEdited.properties.boundary_text = '东至新华路，西至解放路（修订）';
    // Move the second vertex of the shell by ~50 m to the east.
    moved.geometry.coordinates[0]![1]![0]! += 0.0006;
    const result = await read(json);

    const command = importDocument(projectId, result.document, 'edited.geojson', result.mappedProperties);
    await store.commit({ projectId, ...command });
    expect(command.summary()).toEqual({
      added: 0,
      updated: 2,
      unchanged: before.zones.length - 2,
      objectsAdded: 0,
      objectsUpdated: 0,
    });
    const after = await snapshot(store, projectId);
    expect(after.zones).toHaveLength(before.zones.length);
    expect(after.objects).toHaveLength(before.objects.length);
    const zone = (id: string) => after.zones.find((z) => z.id === id)!;
    expect(zone(textEdited.id).attributes.boundaryText).toBe('东至新华路，西至解放路（修订）');
    const ring = zone(moved.id).geometry.coordinates[0] as number[][];
    const old = before.zones.find((z) => z.id === moved.id)!.geometry.coordinates[0] as number[][];
    expect(ring.filter((p, i) => Math.abs(p[0]! - old[i]![0]!) > 1e-4)).toHaveLength(1);
    // Untouched zones keep their stored records exactly (not the 7-decimal copies of the file).
    const untouched = before.zones.filter((z) => z.id !== textEdited.id && z.id !== moved.id);
    expect(untouched).toEqual(after.zones.filter((z) => z.id !== textEdited.id && z.id !== moved.id));

    expect((await store.read.history(projectId)).undo?.en).toBe(
      'Import edited.geojson (' + json.features.length + ' zones)',
    );
    await store.undo(projectId);
    expect(await snapshot(store, projectId)).toEqual(before);
  });

  it('adds back a zone deleted since the export, under its own id', async () => {
    const { store, projectId } = await openSample('reimport-deleted');
    const json = await exported(store, projectId);
    const gone = json.features[2]!.id;
    await store.commit({
      projectId,
      label: { zh: '删', en: 'delete' },
      undo: 'record',
      build: () => [{ table: 'zones', key: gone, value: null }],
    });
    const { summary } = await plan(store, projectId, await read(json));
    expect(summary.added).toBe(1);
    expect(summary.unchanged).toBe(json.features.length - 1);
    const command = importDocument(projectId, (await read(json)).document, 'x', undefined);
    await store.commit({ projectId, ...command });
    expect((await store.read.zone(gone))?.projectId).toBe(projectId);
  });
});

describe('re-importing a planning-database layer', () => {
  it('updates the zone whose stored BSM it carries: geometry and type replaced, its boundary text kept', async () => {
    const { store, projectId } = await openSample('reimport-bsm');
    const zones = await store.read.zonesOfProject(projectId);
    const objects = await store.read.objectsOfProject(projectId);
    const target = zones.find(
      (z) => z.attributes.zoneType === 'protection_range' && z.attributes.boundaryText,
    )!;
    const name = objects.find((o) => o.id === target.objectId)!.attributes.name;
    await store.commit({ projectId, ...updateZoneAttributes(target.id, { bsm: '654202000000000007' }) });
    const shell = (target.geometry.coordinates[0] as number[][]).map(([x, y]) => [x! + 0.0001, y!]);
    const layer = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { BSM: '654202000000000007', YSDM: '2090020227', BZ: `${name}保护范围`, MJ: 1 },
          geometry: { type: 'Polygon', coordinates: [shell] },
        },
        {
          type: 'Feature',
          properties: { BSM: '654202000000000099', YSDM: '2090020227', BZ: '新发现遗址保护范围', MJ: 1 },
          geometry: { type: 'Polygon', coordinates: [shell] },
        },
      ],
    };
    const file = { name: 'LSWHBHX.geojson', bytes: new TextEncoder().encode(JSON.stringify(layer)) };
    const { result } = await readImport({ files: [file], options: {} });
    const command = importDocument(projectId, result.document, 'LSWHBHX', result.mappedProperties);
    await store.commit({ projectId, ...command });
    expect(command.summary()).toEqual({
      added: 1,
      updated: 1,
      unchanged: 0,
      objectsAdded: 1,
      objectsUpdated: 0,
    });
    const updated = (await store.read.zone(target.id)) as Zone;
    expect(updated.objectId).toBe(target.objectId);
    expect(updated.attributes.boundaryText).toBe(target.attributes.boundaryText);
    expect(updated.attributes.rules).toBe(target.attributes.rules);
    expect((updated.geometry.coordinates[0] as number[][])[0]![0]).toBeCloseTo(shell[0]![0]!, 9);
    expect(await store.read.zonesOfProject(projectId)).toHaveLength(zones.length + 1);
  });
});

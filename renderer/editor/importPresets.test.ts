import { describe, expect, it } from 'vitest';
import { readImport } from '../../shared/formats/mapping/readImport';
import type { MappingPreset } from '../../shared/formats/mapping/mappingPreset';
import { buildWusuSample } from '../../shared/sample/buildSample';
import { openMemoryStore } from '../testing/memoryStore';
import { createProject } from './commands/projectCommands';
import { deletePreset, fittingPreset, loadPresets, presetFromRead, savePreset } from './importPresets';

const table = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { 名称: '乌苏文庙', 类型: '外围控制带', 说明: '风貌协调' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [84.6, 44.4],
            [84.601, 44.4],
            [84.601, 44.401],
            [84.6, 44.4],
          ],
        ],
      },
    },
  ],
};
const file = { name: 'table.geojson', bytes: new TextEncoder().encode(JSON.stringify(table)) };

describe('mapping presets', () => {
  it('are kept in the app, outside any project and its undo history, and survive a damaged neighbour', async () => {
    const store = await openMemoryStore('presets');
    const project = createProject(buildWusuSample());
    await store.commit({ projectId: project.id, ...project });
    const history = await store.read.editCount(project.id);

    const options = {
      mapping: {
        fields: { rules: '说明' },
        values: { zone_type: { 外围控制带: 'environment_coordination_zone' } },
      },
    };
    const output = await readImport({ files: [file], options });
    expect(output.result.rejected).toEqual([]);
    const read = { files: [file], options, output, importable: 1, busy: false };
    const preset = presetFromRead('乌苏', read)!;
    expect(preset.sourceFields).toEqual(['名称', '类型', '说明']);
    expect(preset.mapping.fields!.rules).toBe('说明');
    expect(preset.mapping.values!.zone_type).toEqual({ 外围控制带: 'environment_coordination_zone' });

    await savePreset(store, preset);
    await savePreset(store, { ...preset, name: '别的' });
    expect((await loadPresets(store)).map((p) => p.name)).toEqual(
      ['乌苏', '别的'].sort((a, b) => a.localeCompare(b)),
    );
    expect(await store.read.editCount(project.id)).toBe(history);

    // The same file read afresh (no mapping): the preset made for exactly its fields is found.
    const fresh = await readImport({ files: [file], options: {} });
    expect(fresh.result.rejected).toHaveLength(1);
    expect((await fittingPreset(store, fresh))?.mapping).toEqual(preset.mapping);

    // A damaged entry (hand-edited preference) is skipped, the others stay usable.
    const stored = JSON.parse((await store.readPreference('importMappingPresets'))!) as unknown[];
    await store.writePreference('importMappingPresets', JSON.stringify([{ format: 'other' }, ...stored]));
    expect((await loadPresets(store)).map((p: MappingPreset) => p.name)).toHaveLength(2);

    expect((await deletePreset(store, '别的')).map((p) => p.name)).toEqual(['乌苏']);
  });
});

import type { Bilingual } from '../../shared/domain/labels';
import { mappingOf } from '../../shared/formats/mapping/fieldMapping';
import {
  mappingPresetJson,
  parseMappingPreset,
  presetFits,
  type MappingPreset,
} from '../../shared/formats/mapping/mappingPreset';
import type { ImportOptions, ReadImportOutput } from '../../shared/formats/mapping/types';
import type { Platform } from '../platform/platform';
import type { Store } from '../storage/store';
import type { ImportRead } from './editorState';
import type { Workbench } from './workbench';

/**
 * Mapping presets live in the app, not in a project and not in the undo history: one preference
 * record holding every preset as its JSON file layout (mappingPreset.ts), so what is stored is
 * what is exported, and a damaged entry is skipped rather than breaking the others.
 */
const PREFERENCE = 'importMappingPresets';

export async function loadPresets(store: Store): Promise<MappingPreset[]> {
  const text = await store.readPreference(PREFERENCE);
  if (!text) return [];
  let entries: unknown;
  try {
    entries = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(entries)) return [];
  const presets: MappingPreset[] = [];
  for (const entry of entries) {
    const parsed = parseMappingPreset(JSON.stringify(entry));
    if ('preset' in parsed) presets.push(parsed.preset);
  }
  return presets;
}

async function storePresets(store: Store, presets: readonly MappingPreset[]): Promise<void> {
  const entries = presets.map((p) => JSON.parse(mappingPresetJson(p)) as unknown);
  await store.writePreference(PREFERENCE, JSON.stringify(entries));
}

/** Save under the preset's name, replacing one of the same name; returns the new list. */
export async function savePreset(store: Store, preset: MappingPreset): Promise<MappingPreset[]> {
  const presets = (await loadPresets(store)).filter((p) => p.name !== preset.name);
  presets.push(preset);
  presets.sort((a, b) => a.name.localeCompare(b.name));
  await storePresets(store, presets);
  return presets;
}

export async function deletePreset(store: Store, name: string): Promise<MappingPreset[]> {
  const presets = (await loadPresets(store)).filter((p) => p.name !== name);
  await storePresets(store, presets);
  return presets;
}

/** The mapping the preview shows now (fields, every listed value, defaults) under a name. */
export function presetFromRead(name: string, read: ImportRead): MappingPreset | null {
  const report = read.output.mappings?.[0];
  if (!report) return null;
  const { defaultZoneType, defaultObjectName } = read.options;
  return {
    name,
    sourceFields: report.sourceFields,
    mapping: mappingOf(report),
    defaults: {
      ...(defaultZoneType ? { zoneType: defaultZoneType } : {}),
      ...(defaultObjectName ? { objectName: defaultObjectName } : {}),
    },
  };
}

/** The saved preset made for exactly this file's fields, if any. */
export async function fittingPreset(store: Store, output: ReadImportOutput): Promise<MappingPreset | null> {
  const fields = output.mappings?.[0]?.sourceFields;
  if (!fields || output.mappings!.length !== 1) return null;
  return (await loadPresets(store)).find((p) => presetFits(p, fields)) ?? null;
}

/**
 * The options a preset changes: its mapping and both defaults (a default it lacks is removed,
 * as rereadImport removes options set to undefined).
 */
export function presetPatch(preset: MappingPreset): Partial<ImportOptions> {
  return {
    mapping: preset.mapping,
    defaultZoneType: preset.defaults.zoneType,
    defaultObjectName: preset.defaults.objectName,
  };
}

export async function exportPreset(platform: Platform, preset: MappingPreset): Promise<boolean> {
  const bytes = new TextEncoder().encode(mappingPresetJson(preset));
  const saved = await platform.exportFile({
    handle: null,
    suggestedName: `${preset.name}.json`,
    bytes,
    filters: [{ name: 'JSON', extensions: ['json'] }],
  });
  return saved !== null;
}

/** Pick a preset JSON file; it is saved (under its name) or refused with every reason. */
export async function importPresetFile(
  workbench: Workbench,
  platform: Platform,
): Promise<MappingPreset | null> {
  const lang = workbench.state.get().lang;
  const [file] = await platform.pickFiles({
    title: lang === 'zh' ? '导入字段对应方案' : 'Import mapping preset',
    filters: [{ name: 'JSON', extensions: ['json'] }],
    multiple: false,
  });
  if (!file) return null;
  const parsed = parseMappingPreset(new TextDecoder().decode(file.bytes));
  if ('problems' in parsed) {
    const text: Bilingual = {
      zh: `${file.name} 不是有效的字段对应方案`,
      en: `${file.name} is not a valid mapping preset`,
    };
    workbench.notify('error', text, parsed.problems);
    return null;
  }
  await savePreset(workbench.store, parsed.preset);
  return parsed.preset;
}

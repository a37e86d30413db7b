import { useEffect, useState } from 'react';
import type { Lang } from '../../shared/domain/labels';
import { presetFits, type MappingPreset } from '../../shared/formats/mapping/mappingPreset';
import type { ImportMapping } from '../../shared/formats/mapping/types';
import type { ImportRead } from '../editor/editorState';
import {
  deletePreset,
  exportPreset,
  importPresetFile,
  loadPresets,
  presetFromRead,
  presetPatch,
  savePreset,
} from '../editor/importPresets';
import { rereadImport } from '../editor/transfer';
import { mappingText } from './ImportDialogMappingText';
import { useWorkbench } from './hooks/useWorkbench';

const same = (a: ImportMapping | undefined, b: ImportMapping) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Saved mappings: choose one by name (re-reads with it), save the mapping shown now under a
 * name, export it as JSON or import one. The preset whose mapping is in use is selected; one
 * made for exactly this file's fields was applied when the file was opened.
 */
export function ImportDialogPresets({ read, lang }: { read: ImportRead; lang: Lang }) {
  const { workbench, platform } = useWorkbench();
  const [presets, setPresets] = useState<MappingPreset[]>([]);
  const [name, setName] = useState('');
  useEffect(() => {
    let live = true;
    loadPresets(workbench.store).then(
      (list) => live && setPresets(list),
      (error: unknown) => workbench.reportError(error),
    );
    return () => {
      live = false;
    };
  }, [workbench]);
  const current = presets.find((p) => same(read.options.mapping, p.mapping)) ?? null;
  const fields = read.output.mappings?.[0]?.sourceFields ?? [];
  const busy = read.busy;
  const apply = (preset: MappingPreset | null) =>
    void rereadImport(workbench, preset ? presetPatch(preset) : { mapping: undefined });
  const save = async () => {
    const preset = presetFromRead(name.trim(), read);
    if (!preset) return;
    setPresets(await savePreset(workbench.store, preset));
    workbench.notify('info', {
      zh: mappingText('saved', 'zh', { name: preset.name }),
      en: mappingText('saved', 'en', { name: preset.name }),
    });
    setName('');
    apply(preset);
  };
  const load = async () => {
    const preset = await importPresetFile(workbench, platform);
    if (!preset) return;
    setPresets(await loadPresets(workbench.store));
    apply(preset);
  };
  return (
    <div className="import-presets">
      <label className="field">
        <span>{mappingText('preset', lang)}</span>
        <select
          aria-label={mappingText('preset', lang)}
          value={current?.name ?? ''}
          disabled={busy}
          onChange={(e) => apply(presets.find((p) => p.name === e.target.value) ?? null)}
        >
          <option value="">{mappingText('noPreset', lang)}</option>
          {presets.map((p) => (
            <option key={p.name} value={p.name}>
              {p.name}
            </option>
          ))}
        </select>
        {current && presetFits(current, fields) && (
          <span className="hint" data-testid="preset-fits">
            {mappingText('presetFits', lang)}
          </span>
        )}
      </label>
      <div className="import-preset-actions">
        <input
          type="text"
          aria-label={mappingText('presetName', lang)}
          placeholder={mappingText('presetName', lang)}
          value={name}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && name.trim() && !busy && void save()}
        />
        <button type="button" disabled={!name.trim() || busy} onClick={() => void save()}>
          {mappingText('savePreset', lang)}
        </button>
        <button
          type="button"
          disabled={!current}
          onClick={() => current && void exportPreset(platform, current)}
        >
          {mappingText('exportPreset', lang)}
        </button>
        <button type="button" disabled={busy} onClick={() => void load()}>
          {mappingText('importPreset', lang)}
        </button>
        <button
          type="button"
          disabled={!current || busy}
          onClick={() => current && void deletePreset(workbench.store, current.name).then(setPresets)}
        >
          {mappingText('deletePreset', lang)}
        </button>
      </div>
    </div>
  );
}

import type { Lang } from '../../shared/domain/labels';
import type { ImportMapping, LayerSummary } from '../../shared/formats/mapping/types';
import type { ImportRead } from '../editor/editorState';
import { rereadImport } from '../editor/transfer';
import { ImportDialogFields } from './ImportDialogFields';
import { mappingText } from './ImportDialogMappingText';
import { ImportDialogPresets } from './ImportDialogPresets';
import { ImportDialogValues } from './ImportDialogValues';
import { useWorkbench } from './hooks/useWorkbench';

/**
 * The mapping panel of the import preview: presets, the schema's fields with their source
 * fields and mapped preview values, and the value tables of the coded fields. Every change
 * re-runs the import in the worker with the new mapping.
 */
export function ImportDialogMapping({
  read,
  layer,
  lang,
}: {
  read: ImportRead;
  layer: LayerSummary;
  lang: Lang;
}) {
  const { workbench } = useWorkbench();
  const mappings = read.output.mappings ?? [];
  const report = mappings.find((m) => m.layer === layer.name) ?? mappings[0];
  if (!report) return null;
  const rows = read.output.preview.find((p) => p.layer === layer.name)?.rows ?? [];
  const mapping: ImportMapping = read.options.mapping ?? {};
  const setField = (property: string, source: string | null) =>
    void rereadImport(workbench, {
      mapping: { ...mapping, fields: { ...mapping.fields, [property]: source } },
    });
  const setValue = (property: string, value: string, code: string | null) =>
    void rereadImport(workbench, {
      mapping: {
        ...mapping,
        values: { ...mapping.values, [property]: { ...mapping.values?.[property], [value]: code } },
      },
    });
  return (
    <details className="import-mapping" open>
      <summary>{mappingText('title', lang)}</summary>
      <ImportDialogPresets read={read} lang={lang} />
      <ImportDialogFields
        report={report}
        options={read.options}
        rows={rows}
        lang={lang}
        disabled={read.busy}
        onChange={setField}
      />
      <ImportDialogValues
        report={report}
        options={read.options}
        lang={lang}
        disabled={read.busy}
        onChange={setValue}
      />
    </details>
  );
}

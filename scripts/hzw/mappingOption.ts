import { readFile } from 'node:fs/promises';
import { OPTION_LABELS } from '../../shared/domain/optionLabels';
import { FormatError, fileProblem } from '../../shared/formats/formatError';
import { parseMappingPreset, presetOptions } from '../../shared/formats/mapping/mappingPreset';
import { targetField } from '../../shared/formats/mapping/targetFields';
import type { ImportOptions, ImportProblem, LayerMapping } from '../../shared/formats/mapping/types';
import { zoneTypeOfCode } from '../../shared/formats/mapping/valueMapping';

/**
 * `--mapping <preset.json>`: the field and value mapping a preset saved in the app (exported as
 * JSON) holds; `--mapping auto` maps by name and value only. Returns the import options it sets.
 */
export async function mappingOptions(path: string | undefined): Promise<ImportOptions | null> {
  if (path === undefined) return null;
  if (path === 'auto') return {};
  const parsed = parseMappingPreset(await readFile(path, 'utf8'));
  if ('problems' in parsed)
    throw new FormatError(
      path,
      parsed.problems.map((p) => fileProblem('mapping', p)),
    );
  return presetOptions(parsed.preset);
}

/** What the mapping did, per layer, for `hzw info --mapping`. */
export interface MappingReport {
  layers: LayerMapping[];
  accepted: number;
  refused: ImportProblem[];
}

function codeText(property: string, code: string | null): string {
  if (code === null) return '(not recognised: refused)';
  const set = targetField(property)?.options;
  if (set === 'zoneType') {
    const zone = zoneTypeOfCode(code);
    if (zone)
      return `${code} ${OPTION_LABELS.zoneType[zone.zoneType]!.zh}${zone.cczClass ? ` ${zone.cczClass}类` : ''}`;
  }
  const label = set ? OPTION_LABELS[set][code] : undefined;
  return label ? `${code} ${label.zh}` : code;
}

/** The mapping as text: field ← source, then each coded value → code with its count. */
export function mappingLines(report: MappingReport): string[] {
  const lines: string[] = [];
  for (const layer of report.layers) {
    lines.push(`Mapping:  ${layer.layer} (profile ${layer.profile})`);
    for (const f of layer.fields.filter((f) => f.source !== null))
      lines.push(
        `  ${f.property} ← ${f.source}${f.how === 'missing' ? ' (not in this file)' : ` (${f.how})`}`,
      );
    const used = new Set(layer.fields.map((f) => f.source));
    const unused = layer.sourceFields.filter((s) => !used.has(s));
    if (unused.length) lines.push(`  not imported: ${unused.join(', ')}`);
    for (const table of layer.values) {
      lines.push(`  values of ${table.source} → ${table.property}:`);
      for (const e of table.entries)
        lines.push(
          `    ${e.value} (${e.count}) → ${codeText(table.property, e.code)}${e.how === 'user' ? ' (chosen)' : ''}`,
        );
      if (table.more) lines.push(`    … ${table.more} more values`);
    }
  }
  lines.push(
    `Zones:    ${report.accepted} accepted, ${new Set(report.refused.map((p) => p.index)).size} refused`,
  );
  for (const p of report.refused.slice(0, 20))
    lines.push(`  ${p.layer ? `${p.layer} ` : ''}#${p.index ?? ''} ${p.field}: ${p.reason.en}`);
  if (report.refused.length > 20) lines.push(`  … ${report.refused.length - 20} more`);
  return lines;
}

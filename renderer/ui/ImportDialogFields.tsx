import type { Lang } from '../../shared/domain/labels';
import { getProperty, type Properties } from '../../shared/formats/layer';
import { effectiveFields } from '../../shared/formats/mapping/fieldMapping';
import { compileMapping, mapFeature, type MappedFeature } from '../../shared/formats/mapping/mapFeature';
import { TARGET_FIELDS, type TargetField } from '../../shared/formats/mapping/targetFields';
import type { FieldMatch, ImportOptions, LayerMapping } from '../../shared/formats/mapping/types';
import { valueLabel, zoneTypeOfCode } from '../../shared/formats/mapping/valueMapping';
import { mappingText } from './ImportDialogMappingText';

const PREVIEW_ROWS = 3;

function shown(target: TargetField, full: MappedFeature['full'], lang: Lang): string {
  const value = Object.hasOwn(full, target.property) ? full[target.property] : undefined;
  if (value === undefined || value === null || value === '') return '';
  if (target.options === 'zoneType')
    return valueLabel('zoneType', zoneTypeOfCode(String(value))?.zoneType ?? '')[lang];
  if (target.options) return valueLabel(target.options, String(value))[lang];
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** A refused value shows as itself with a warning sign, so the planner sees what to map. */
function refusedValue(row: Properties, match: FieldMatch, mapped: MappedFeature): string | null {
  if (!match.source || !mapped.problems.some((p) => p.field === match.source)) return null;
  return `⚠ ${String(getProperty(row, match.source) ?? '')}`;
}

function FieldRow(props: {
  target: TargetField;
  match: FieldMatch;
  sourceFields: readonly string[];
  rows: readonly Properties[];
  mapped: readonly MappedFeature[];
  lang: Lang;
  disabled: boolean;
  onChange(property: string, source: string | null): void;
}) {
  const { target, match, sourceFields, rows, mapped, lang } = props;
  const label = target.label[lang];
  return (
    <tr className={match.how === 'none' ? 'unmapped' : undefined}>
      <th scope="row" title={target.property}>
        {label}
      </th>
      <td>
        <select
          aria-label={mappingText('sourceOf', lang, { field: label })}
          value={match.source ?? ''}
          disabled={props.disabled}
          onChange={(e) => props.onChange(target.property, e.target.value || null)}
        >
          <option value="">{mappingText('none', lang)}</option>
          {match.how === 'missing' && (
            <option value={match.source!}>
              {match.source}
              {mappingText('missing', lang)}
            </option>
          )}
          {sourceFields.map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
        </select>
      </td>
      {mapped.map((m, i) => {
        const refused = refusedValue(rows[i]!, match, m);
        return (
          <td key={i} className={refused ? 'refused' : undefined}>
            {refused ?? shown(target, m.full, lang)}
          </td>
        );
      })}
    </tr>
  );
}

/**
 * Every schema field with a select of the source fields and the mapped values of the first rows
 * beside it. The selects show the mapping as the planner set it at once (computed here from the
 * options, as the worker will), the worker then re-runs the import with it.
 */
export function ImportDialogFields({
  report,
  options,
  rows,
  lang,
  disabled,
  onChange,
}: {
  report: LayerMapping;
  options: ImportOptions;
  rows: readonly Properties[];
  lang: Lang;
  disabled: boolean;
  onChange(property: string, source: string | null): void;
}) {
  const fields = effectiveFields(report.sourceFields, options);
  const compiled = compileMapping({ ...report, fields }, options);
  const first = rows.slice(0, PREVIEW_ROWS);
  const mapped = first.map((row) => mapFeature(row, compiled));
  const groups = [
    { key: 'zoneFields' as const, targets: TARGET_FIELDS.filter((t) => t.group === 'zone') },
    { key: 'objectFields' as const, targets: TARGET_FIELDS.filter((t) => t.group === 'object') },
  ];
  return (
    <div className="preview-scroll tall">
      <table className="preview mapping" aria-label={mappingText('title', lang)}>
        <thead>
          <tr>
            <th scope="col">{mappingText('schemaField', lang)}</th>
            <th scope="col">{mappingText('sourceField', lang)}</th>
            {first.map((_, i) => (
              <th key={i} scope="col">
                {mappingText('row', lang, { n: i + 1 })}
              </th>
            ))}
          </tr>
        </thead>
        {groups.map((group) => (
          <tbody key={group.key}>
            <tr>
              <th scope="rowgroup" colSpan={2 + first.length} className="group">
                {mappingText(group.key, lang)}
              </th>
            </tr>
            {group.targets.map((target) => (
              <FieldRow
                key={target.property}
                target={target}
                match={fields.find((f) => f.property === target.property)!}
                sourceFields={report.sourceFields}
                rows={first}
                mapped={mapped}
                lang={lang}
                disabled={disabled}
                onChange={onChange}
              />
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}

import type { Lang } from '../../shared/domain/labels';
import { chosenValues, effectiveFields, valueResolver } from '../../shared/formats/mapping/fieldMapping';
import { targetField } from '../../shared/formats/mapping/targetFields';
import type { ImportOptions, LayerMapping, ValueTable } from '../../shared/formats/mapping/types';
import { valueChoices } from '../../shared/formats/mapping/valueMapping';
import { mappingText } from './ImportDialogMappingText';
import { colon, inParens } from './i18n';

function ValueRows({
  table,
  options,
  lang,
  disabled,
  onChange,
}: {
  table: ValueTable;
  options: ImportOptions;
  lang: Lang;
  disabled: boolean;
  onChange(property: string, value: string, code: string | null): void;
}) {
  const target = targetField(table.property)!;
  const resolve = valueResolver(target.options!, chosenValues(options)[table.property]);
  const choices = valueChoices(target.options!);
  const label = target.label[lang];
  return (
    <table className="preview" aria-label={`${mappingText('values', lang)}: ${label}`}>
      <thead>
        <tr>
          <th scope="col">
            {mappingText('sourceValue', lang)}
            {inParens(table.source, lang)}
          </th>
          <th scope="col">{mappingText('count', lang)}</th>
          <th scope="col">
            {mappingText('mapsTo', lang)}
            {inParens(label, lang)}
          </th>
        </tr>
      </thead>
      <tbody>
        {table.entries.map((entry) => {
          const { code } = resolve(entry.value);
          return (
            <tr key={entry.value} className={code === null ? 'refused' : undefined}>
              <td>{entry.value}</td>
              <td>{entry.count}</td>
              <td>
                <select
                  aria-label={`${label}${colon(lang)}${entry.value}`}
                  value={code ?? ''}
                  disabled={disabled}
                  onChange={(e) => onChange(table.property, entry.value, e.target.value || null)}
                >
                  <option value="">{mappingText('refuse', lang)}</option>
                  {choices.map((c) => (
                    <option key={c.code} value={c.code}>
                      {c.label[lang]}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          );
        })}
      </tbody>
      {table.more > 0 && (
        <tfoot>
          <tr>
            <td colSpan={3}>{mappingText('more', lang, { n: table.more })}</td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}

/**
 * One table per mapped coded field (zone type, CCZ class, level, category, object type …): each
 * distinct source value, how many features carry it, and a select of the codes it may stand for.
 * A table shows once the worker has counted the values of the field chosen now.
 */
export function ImportDialogValues(props: {
  report: LayerMapping;
  options: ImportOptions;
  lang: Lang;
  disabled: boolean;
  onChange(property: string, value: string, code: string | null): void;
}) {
  const fields = effectiveFields(props.report.sourceFields, props.options);
  const current = props.report.values.filter(
    (t) => fields.find((f) => f.property === t.property)?.source === t.source,
  );
  if (current.length === 0) return null;
  return (
    <div className="import-values">
      {current.map((table) => (
        <ValueRows
          key={table.property}
          table={table}
          options={props.options}
          lang={props.lang}
          disabled={props.disabled}
          onChange={props.onChange}
        />
      ))}
    </div>
  );
}

import { useMemo } from 'react';
import { compareNames } from '../../shared/domain/collation';
import type { Lang } from '../../shared/domain/labels';
import { townshipOf } from '../../shared/analysis/areaStatistics';
import {
  PROTECTION_LEVELS,
  PROTECTION_LEVEL_LABELS,
  ZONE_TYPES,
  ZONE_TYPE_LABELS,
} from '../../shared/domain/taxonomy';
import type { TableRow } from './attributeTableColumns';
import { NO_FILTER, type TableFilter } from './attributeTableView';
import { tableText, type TableTextKey } from './attributeTableText';
import { colon } from './i18n';

interface Option {
  value: string;
  label: string;
}

function Choice({
  name,
  value,
  options,
  lang,
  onChange,
}: {
  name: TableTextKey;
  value: string;
  options: Option[];
  lang: Lang;
  onChange(value: string): void;
}) {
  return (
    <select
      aria-label={tableText(name, lang)}
      title={tableText(name, lang)}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    >
      <option value="">
        {tableText(name, lang)}
        {colon(lang)}
        {tableText('all', lang)}
      </option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

/** The filter bar: free text, zone type, object, level, township, check findings. */
export function AttributeTableFilters({
  rows,
  filter,
  lang,
  onChange,
}: {
  rows: readonly TableRow[];
  filter: TableFilter;
  lang: Lang;
  onChange(filter: TableFilter): void;
}) {
  const set = (patch: Partial<TableFilter>) => onChange({ ...filter, ...patch });
  const none = tableText('none', lang);
  // Only values present in the project are offered (object names, townships), sorted as shown.
  const { objects, townships } = useMemo(() => {
    const objectNames = new Map<string, string>();
    const codes = new Set<string>();
    for (const r of rows) {
      if (r.object) objectNames.set(r.object.id, r.object.attributes.name);
      codes.add(townshipOf(r.object) || '-');
    }
    const byLabel = (a: Option, b: Option) => compareNames(a.label, b.label);
    return {
      objects: [...objectNames].map(([value, label]) => ({ value, label })).sort(byLabel),
      townships: [...codes].map((value) => ({ value, label: value === '-' ? none : value })).sort(byLabel),
    };
  }, [rows, none]);
  const types = ZONE_TYPES.map((t) => ({ value: t, label: ZONE_TYPE_LABELS[t][lang] }));
  const levels = [
    ...PROTECTION_LEVELS.map((l) => ({ value: l, label: PROTECTION_LEVEL_LABELS[l][lang] })),
    { value: '-', label: none },
  ];
  const findings = [
    { value: 'with', label: tableText('withFindings', lang) },
    { value: 'without', label: tableText('withoutFindings', lang) },
  ];
  return (
    <div role="group" aria-label={tableText('filters', lang)} className="table-filters">
      <input
        type="search"
        aria-label={tableText('search', lang)}
        placeholder={tableText('search', lang)}
        value={filter.text}
        onChange={(e) => set({ text: e.target.value })}
      />
      <Choice
        name="zoneType"
        value={filter.zoneType}
        options={types}
        lang={lang}
        onChange={(v) => set({ zoneType: v })}
      />
      <Choice
        name="object"
        value={filter.objectId}
        options={objects}
        lang={lang}
        onChange={(v) => set({ objectId: v })}
      />
      <Choice
        name="level"
        value={filter.level}
        options={levels}
        lang={lang}
        onChange={(v) => set({ level: v })}
      />
      <Choice
        name="township"
        value={filter.township}
        options={townships}
        lang={lang}
        onChange={(v) => set({ township: v })}
      />
      <Choice
        name="findings"
        value={filter.findings === 'any' ? '' : filter.findings}
        options={findings}
        lang={lang}
        onChange={(v) => set({ findings: v === 'with' || v === 'without' ? v : 'any' })}
      />
      <button type="button" onClick={() => onChange(NO_FILTER)} aria-label={tableText('clearFilters', lang)}>
        {tableText('clearFilters', lang)}
      </button>
    </div>
  );
}

import { memo, useCallback, useMemo, useState, type RefObject } from 'react';
import { compareNames } from '../../shared/domain/collation';
import type { Zone } from '../../shared/domain/schema';
import { ZONE_TYPES } from '../../shared/domain/taxonomy';
import { tableCsv, tableTsv, tableXlsx } from '../../shared/formats/tableExport';
import { editRows, type RowsEdit } from '../editor/commands/tableCommands';
import type { PlanMap } from '../map/createPlanMap';
import { parseCell, type Column, type TableRow } from './attributeTableColumns';
import { copyText, viewTable } from './attributeTableExport';
import { setAttributeTableOpen, useAttributeTableOpen } from './attributeTableOpen';
import { TABLE_TEXT, countText, editLabel, tableText } from './attributeTableText';
import { NO_FILTER, nextSort, tableView, type TableFilter, type TableSort } from './attributeTableView';
import { AttributeTableBulkEdit } from './AttributeTableBulkEdit';
import { AttributeTableFilters } from './AttributeTableFilters';
import { AttributeTableGrid } from './AttributeTableGrid';
import { useChecks } from './ChecksPanelLive';
import { useEditorState } from './hooks/useEditorState';
import { useLang } from './hooks/useLang';
import type { ProjectData } from './hooks/useProjectData';
import { useWorkbench } from './hooks/useWorkbench';
import { useZoneAreas } from './useZoneAreas';
import './attributeTable.css';

const CSV_FILTER = { name: 'CSV', extensions: ['csv'] };
const XLSX_FILTER = { name: 'Excel', extensions: ['xlsx'] };

/**
 * Zones in the object tree's order (objects by name, then innermost zone first, then sub-area
 * number): the unsorted table reads like the tree. Objects are ranked once, zones compared by number.
 */
function inTreeOrder(data: ProjectData) {
  const byName = [...data.objects].sort((a, b) => compareNames(a.attributes.name, b.attributes.name));
  const objectRank = new Map(byName.map((o, i) => [o.id, i]));
  const rank = (z: Zone) =>
    (objectRank.get(z.objectId) ?? byName.length) * 1e6 +
    ZONE_TYPES.indexOf(z.attributes.zoneType) * 1000 +
    (z.attributes.subZoneNo ?? 0);
  return data.zones
    .map((zone) => ({ zone, key: rank(zone) }))
    .sort((a, b) => a.key - b.key)
    .map((r) => r.zone);
}

/** The attribute table dock under the map, mounted once; it reads and checks only while open. */
export const AttributeTableDock = memo(function AttributeTableDock({
  data,
  map,
}: {
  data: ProjectData;
  map: RefObject<PlanMap | null>;
}) {
  // Memoised: the app re-rendering for other reasons (a pointer move) leaves the table alone.
  return useAttributeTableOpen() ? <AttributeTable data={data} map={map} /> : null;
});

/**
 * 属性表: every zone of the project with its object's fields, as QGIS's attribute table — filter,
 * sort, select (shared with the map), edit a cell or a column of the selected rows (one undo step
 * each, through the write door), zoom to rows, copy or export what is shown.
 */
function AttributeTable({ data, map }: { data: ProjectData; map: RefObject<PlanMap | null> }) {
  const { workbench, platform } = useWorkbench();
  const { lang } = useLang();
  const selection = useEditorState((s) => s.selection);
  const readOnly = useEditorState((s) => s.readOnly);
  const [filter, setFilter] = useState<TableFilter>(NO_FILTER);
  const [sort, setSort] = useState<TableSort | null>(null);

  const onError = useCallback((error: unknown) => workbench.reportError(error), [workbench]);
  const { findings } = useChecks(data, true, onError);
  const areas = useZoneAreas(data.zones, onError);
  const rows = useMemo((): TableRow[] => {
    const counts = new Map<string, number>();
    for (const f of findings ?? []) for (const id of f.zoneIds) counts.set(id, (counts.get(id) ?? 0) + 1);
    const objects = new Map(data.objects.map((o) => [o.id, o]));
    return inTreeOrder(data).map((zone) => ({
      zone,
      object: objects.get(zone.objectId),
      findings: findings ? (counts.get(zone.id) ?? 0) : null,
      areaM2: areas.get(zone.id) ?? null,
    }));
  }, [data, findings, areas]);
  const view = useMemo(() => tableView(rows, filter, sort, lang), [rows, filter, sort, lang]);
  const selected = useMemo(() => new Set(selection.zoneIds), [selection.zoneIds]);
  const selectedRows = useMemo(() => rows.filter((r) => selected.has(r.zone.id)), [rows, selected]);

  const select = (zoneIds: string[], focus: TableRow | null) =>
    workbench.select({
      zoneIds,
      objectId: focus?.zone.objectId ?? (zoneIds.length ? selection.objectId : null),
    });

  const apply = (column: Column, targets: readonly TableRow[], text: string) => {
    const edit = column.edit;
    if (!edit || targets.length === 0) return;
    const parsed = parseCell(edit, text);
    if ('error' in parsed) {
      workbench.notify('error', parsed.error);
      return;
    }
    const patch = { [edit.key]: parsed.value };
    const rowsEdit: RowsEdit =
      edit.target === 'zone'
        ? { zones: new Map(targets.map((r) => [r.zone.id, patch])) }
        : { objects: new Map(targets.map((r) => [r.zone.objectId, patch])) };
    void workbench.run(editRows(rowsEdit, editLabel(column.label, targets.length)));
  };

  const name = `${data.project.settings.name}-${tableText('title', lang)}`;
  const save = async (format: 'csv' | 'xlsx') => {
    const table = viewTable(view, lang, tableText('title', lang));
    try {
      const saved = await platform.exportFile({
        handle: null,
        suggestedName: `${name}.${format}`,
        bytes: format === 'csv' ? tableCsv(table) : tableXlsx(table),
        filters: [format === 'csv' ? CSV_FILTER : XLSX_FILTER],
      });
      if (saved) workbench.notify('info', { zh: `已导出 ${saved.name}`, en: `Exported ${saved.name}` });
    } catch (error) {
      workbench.reportError(error);
    }
  };
  const copy = () =>
    copyText(tableTsv(viewTable(view, lang, name))).then(
      () => workbench.notify('info', TABLE_TEXT.copied),
      onError,
    );
  const zoom = (ids: readonly string[]) => {
    if (ids.length) map.current?.zoomToZones(ids);
  };

  const action = (key: Parameters<typeof tableText>[0], onClick: () => void, disabled = false) => (
    <button
      type="button"
      aria-label={tableText(key, lang)}
      title={tableText(key, lang)}
      onClick={onClick}
      disabled={disabled}
    >
      {tableText(key, lang)}
    </button>
  );
  return (
    <section className="attribute-table" aria-label={tableText('title', lang)}>
      <div className="table-head">
        <h2>{tableText('title', lang)}</h2>
        <span className="table-count" role="status">
          {countText(view.length, rows.length, selectedRows.length, lang)}
          {areas.size < rows.length ? ` · ${tableText('areaPending', lang)}` : ''}
        </span>
        <button
          type="button"
          className="table-close"
          aria-label={tableText('close', lang)}
          title={tableText('close', lang)}
          onClick={() => setAttributeTableOpen(false)}
        >
          ×
        </button>
      </div>
      <AttributeTableFilters rows={rows} filter={filter} lang={lang} onChange={setFilter} />
      <div role="toolbar" aria-label={tableText('actions', lang)} className="table-actions">
        {action(
          'selectShown',
          () =>
            select(
              view.map((r) => r.zone.id),
              view[0] ?? null,
            ),
          view.length === 0,
        )}
        {action('clearSelection', () => select([], null), selected.size === 0)}
        {action('zoomToSelected', () => zoom(selection.zoneIds), selected.size === 0)}
        {action('copyView', () => void copy())}
        {action('exportCsv', () => void save('csv'))}
        {action('exportXlsx', () => void save('xlsx'))}
        <AttributeTableBulkEdit
          selected={selectedRows.length}
          lang={lang}
          disabled={readOnly}
          onApply={(column, text) => apply(column, selectedRows, text)}
        />
      </div>
      {view.length === 0 && <p className="hint">{tableText('noRows', lang)}</p>}
      <AttributeTableGrid
        view={view}
        lang={lang}
        sort={sort}
        onSort={(column) => setSort((s) => nextSort(s, column))}
        selected={selected}
        onSelect={select}
        onEdit={(row, column, text) => apply(column, [row], text)}
        onZoom={zoom}
        readOnly={readOnly}
      />
    </section>
  );
}

import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { compareNames } from '../../shared/domain/collation';
import type { Lang } from '../../shared/domain/labels';
import type { ProtectedObject, Zone } from '../../shared/domain/schema';
import { OBJECT_TYPE_LABELS, ZONE_TYPES, ZONE_TYPE_LABELS } from '../../shared/domain/taxonomy';
import { useEditorState } from './hooks/useEditorState';
import { useLang } from './hooks/useLang';
import type { ProjectData } from './hooks/useProjectData';
import { StaleMark } from './DeriveDialogInfo';
import { useWorkbench } from './hooks/useWorkbench';
import { useVirtualRows } from './useVirtualRows';
import './virtualRows.css';

/** Height of one tree row, px (virtualRows.css). */
const ROW_PX = 24;

interface Group {
  object: ProtectedObject;
  zones: Zone[];
}

/** One line of the tree: an object, or one of its zones; `row` is the line's index in the list. */
type Line =
  { kind: 'object'; group: Group; row: number } | { kind: 'zone'; group: Group; zone: Zone; row: number };

function matches(object: ProtectedObject, zones: Zone[], query: string, lang: Lang): boolean {
  if (!query) return true;
  const q = query.toLowerCase();
  const a = object.attributes;
  const texts = [a.name, a.otherNames, a.nameLocal, a.address, OBJECT_TYPE_LABELS[a.objectType][lang]];
  texts.push(...zones.map((z) => ZONE_TYPE_LABELS[z.attributes.zoneType][lang]));
  return texts.some((t) => t.toLowerCase().includes(q));
}

/** Objects and their zones, with search. Selecting here selects on the map and vice versa. */
export function ObjectTree({
  data,
  onNewObject,
  onZoomTo,
}: {
  data: ProjectData;
  onNewObject(): void;
  onZoomTo(zoneIds: string[]): void;
}) {
  const { workbench } = useWorkbench();
  const { lang, t } = useLang();
  const selection = useEditorState((s) => s.selection);
  const readOnly = useEditorState((s) => s.readOnly);
  const [query, setQuery] = useState('');
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());

  const groups = useMemo(() => {
    const byObject = new Map<string, Zone[]>();
    for (const zone of data.zones) {
      const zones = byObject.get(zone.objectId);
      if (zones) zones.push(zone);
      else byObject.set(zone.objectId, [zone]);
    }
    // Innermost zone first (body, range, control zone…), then by sub-area number.
    const rank = (z: Zone) =>
      ZONE_TYPES.indexOf(z.attributes.zoneType) * 1000 + (z.attributes.subZoneNo ?? 0);
    for (const zones of byObject.values()) zones.sort((a, b) => rank(a) - rank(b));
    return data.objects
      .map((object) => ({ object, zones: byObject.get(object.id) ?? [] }))
      .filter((g) => matches(g.object, g.zones, query.trim(), lang))
      .sort((x, y) => compareNames(x.object.attributes.name, y.object.attributes.name));
  }, [data, query, lang]);

  // The tree as lines, so only the lines in view are rendered (10 000 zones stay a few dozen rows).
  const lines = useMemo(() => {
    const out: Line[] = [];
    for (const group of groups) {
      out.push({ kind: 'object', group, row: out.length });
      if (collapsed.has(group.object.id)) continue;
      for (const zone of group.zones) out.push({ kind: 'zone', group, zone, row: out.length });
    }
    return out;
  }, [groups, collapsed]);
  const { start, end, attach, onScroll, totalHeight, top, scrollToIndex } = useVirtualRows(
    lines.length,
    ROW_PX,
  );

  // A zone selected on the map scrolls into view here.
  const firstSelected = selection.zoneIds[0] ?? null;
  useEffect(() => {
    if (!firstSelected) return;
    const line = lines.findIndex((l) => l.kind === 'zone' && l.zone.id === firstSelected);
    if (line >= 0) scrollToIndex(line);
    // Only a new selection scrolls; an edit that reorders lines does not move the view.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [firstSelected, scrollToIndex]);

  // The groups with a line in view; an object line is kept while any of its zones is in view.
  const shown = useMemo(() => {
    const out: { group: Group; objectRow: number; zones: { zone: Zone; row: number }[] }[] = [];
    for (const line of lines.slice(start, end)) {
      let last = out[out.length - 1];
      if (!last || last.group !== line.group) {
        const objectRow =
          line.kind === 'object' ? line.row : line.row - 1 - line.group.zones.indexOf(line.zone);
        last = { group: line.group, objectRow, zones: [] };
        out.push(last);
      }
      if (line.kind === 'zone') last.zones.push({ zone: line.zone, row: line.row });
    }
    return out;
  }, [lines, start, end]);

  const toggle = (id: string) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const onKey = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const items = [...event.currentTarget.querySelectorAll<HTMLElement>('[role="treeitem"] > .tree-row')];
    const index = items.indexOf(document.activeElement as HTMLElement);
    items[Math.max(0, Math.min(items.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1)))]?.focus();
    event.preventDefault();
  };

  return (
    <section className="panel tree virtual" aria-label={t('objects')}>
      <div className="panel-head">
        <h2>{t('objects')}</h2>
        <button
          type="button"
          onClick={onNewObject}
          aria-label={t('newObject')}
          title={t('newObject')}
          disabled={readOnly}
        >
          ＋ {t('newObject')}
        </button>
      </div>
      <input
        type="search"
        aria-label={t('searchObjects')}
        placeholder={t('searchObjects')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {groups.length === 0 && <p className="hint">{t('noObjects')}</p>}
      <div className="virtual-scroll" ref={attach} onScroll={onScroll}>
        <ul role="tree" aria-label={t('objects')} onKeyDown={onKey} style={{ height: totalHeight }}>
          {shown.map(({ group: { object, zones }, objectRow, zones: zonesInView }) => {
            const open = !collapsed.has(object.id);
            const objectSelected = selection.objectId === object.id && selection.zoneIds.length === 0;
            return (
              <li
                key={object.id}
                role="treeitem"
                // The object's item spans its open group, so it has a box even when its own line
                // is scrolled away; its zones in view sit below the lines scrolled past.
                style={{ top: top(objectRow), height: (open ? zones.length + 1 : 1) * ROW_PX }}
                aria-expanded={zones.length ? open : undefined}
                aria-selected={objectSelected}
                aria-label={object.attributes.name}
              >
                <div
                  className={`tree-row object${objectSelected ? ' selected' : ''}`}
                  tabIndex={0}
                  onClick={() => workbench.select({ zoneIds: [], objectId: object.id })}
                  onDoubleClick={() => onZoomTo(zones.map((z) => z.id))}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') workbench.select({ zoneIds: [], objectId: object.id });
                    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') toggle(object.id);
                  }}
                >
                  {zones.length > 0 && (
                    <span
                      className="twisty"
                      aria-hidden="true"
                      onClick={(e) => (e.stopPropagation(), toggle(object.id))}
                    >
                      {open ? '▾' : '▸'}
                    </span>
                  )}
                  <span className="name">{object.attributes.name}</span>
                  <span className="meta">{OBJECT_TYPE_LABELS[object.attributes.objectType][lang]}</span>
                </div>
                {open && zonesInView.length > 0 && (
                  <ul role="group" style={{ paddingTop: top(zonesInView[0]!.row - objectRow - 1) }}>
                    {zonesInView.map(({ zone }) => {
                      const selected = selection.zoneIds.includes(zone.id);
                      const name = `${ZONE_TYPE_LABELS[zone.attributes.zoneType][lang]}${zone.attributes.subZoneNo ? ` ${zone.attributes.subZoneNo}` : ''}`;
                      const pick = () => workbench.select({ zoneIds: [zone.id], objectId: object.id });
                      // Ctrl/Shift-click adds or removes a zone, for operations on several zones.
                      const toggle = () =>
                        workbench.select({
                          zoneIds: selected
                            ? selection.zoneIds.filter((id) => id !== zone.id)
                            : [...selection.zoneIds, zone.id],
                          objectId: object.id,
                        });
                      return (
                        <li
                          key={zone.id}
                          role="treeitem"
                          aria-selected={selected}
                          aria-label={`${object.attributes.name} ${name}`}
                          data-zone-id={zone.id}
                        >
                          <div
                            className={`tree-row zone${selected ? ' selected' : ''}`}
                            tabIndex={0}
                            onClick={(e) => (e.ctrlKey || e.metaKey || e.shiftKey ? toggle() : pick())}
                            onDoubleClick={() => onZoomTo([zone.id])}
                            onKeyDown={(e) => e.key === 'Enter' && pick()}
                          >
                            <span className={`swatch ${zone.attributes.zoneType}`} aria-hidden="true" />
                            {name}
                            {zone.attributes.status === 'provisional_derived' && (
                              <span className="badge">{lang === 'zh' ? '推算' : 'derived'}</span>
                            )}
                            <StaleMark zone={zone} zones={data.zones} />
                          </div>
                        </li>
                      );
                    })}
                  </ul>
                )}
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}

import { useEffect, type RefObject } from 'react';
import { polygonsOf } from '../../shared/domain/geometry';
import type { Bilingual } from '../../shared/domain/labels';
import { ZONE_TYPE_LABELS } from '../../shared/domain/taxonomy';
import { editZoneVertices } from '../editor/commands/vertexCommands';
import type { VertexEdit } from '../editor/commands/vertexEdits';
import type { PlanMap } from '../map/createPlanMap';
import { CoordinateModeSelect } from './CoordinateModeSelect';
import { VertexPaste } from './VertexPaste';
import { VertexRingTable } from './VertexRingTable';
import { setCoordinateUi, useCoordinateUi } from './coordinateUi';
import { useEditorState } from './hooks/useEditorState';
import { useLang } from './hooks/useLang';
import type { ProjectData } from './hooks/useProjectData';
import { useWorkbench } from './hooks/useWorkbench';

/**
 * 界址点坐标表: the selected zone's vertices, per part and ring, in the project's Gauss-Krüger
 * zone (X = north first) or in lon/lat. Every cell edit, insert, delete or paste is one command
 * through the write door (one undo step, validated there); the focused row's vertex is marked on
 * the map.
 */
export function VertexTable({ data, map }: { data: ProjectData; map: RefObject<PlanMap | null> }) {
  const { workbench } = useWorkbench();
  const { lang } = useLang();
  const { mode } = useCoordinateUi();
  const zoneId = useEditorState((s) => s.selection.zoneIds[0]);
  const readOnly = useEditorState((s) => s.readOnly);
  const zone = data.zones.find((z) => z.id === zoneId);
  const object = zone && data.objects.find((o) => o.id === zone.objectId);
  const gkZone = data.project.settings.gkZone;
  const title = lang === 'zh' ? '界址点坐标表' : 'Vertex coordinates';
  useEffect(() => () => map.current?.markPoint(null), [map, zoneId]);

  const run = async (edit: VertexEdit) =>
    zone ? (await workbench.run(editZoneVertices(zone.id, edit, zone.geometry, gkZone))) !== null : false;
  const refused = (problems: Bilingual[]) =>
    workbench.notify(
      'error',
      { zh: '坐标无法读取，未保存', en: 'The coordinates could not be read; not saved' },
      problems,
    );

  return (
    <section className="panel vertex-panel" aria-label={title}>
      <div className="panel-head">
        <h2>
          {title}
          {zone && object
            ? `: ${object.attributes.name} · ${ZONE_TYPE_LABELS[zone.attributes.zoneType][lang]}`
            : ''}
        </h2>
        <button
          type="button"
          aria-label={lang === 'zh' ? '关闭界址点坐标表' : 'Close the vertex table'}
          onClick={() => setCoordinateUi({ tableOpen: false })}
        >
          ×
        </button>
      </div>
      <CoordinateModeSelect mode={mode} gkZone={gkZone} lang={lang} />
      {!zone ? (
        <p className="hint">{lang === 'zh' ? '请先选择一个区划' : 'Select a zone first'}</p>
      ) : (
        <>
          {polygonsOf(zone.geometry).map((rings, part) =>
            rings.map((_, ring) => (
              <VertexRingTable
                key={`${part}:${ring}`}
                geometry={zone.geometry}
                part={part}
                ring={ring}
                mode={mode}
                gkZone={gkZone}
                lang={lang}
                readOnly={readOnly}
                onEdit={(edit) => void run(edit)}
                onRefused={refused}
                onFocusVertex={(p) => map.current?.markPoint(p)}
              />
            )),
          )}
          <VertexPaste
            geometry={zone.geometry}
            mode={mode}
            gkZone={gkZone}
            lang={lang}
            readOnly={readOnly}
            onEdit={run}
          />
        </>
      )}
    </section>
  );
}

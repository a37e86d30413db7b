import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { ReferenceLayerData } from '../../shared/analysis/overlapsReferenceLayer';
import { pointQuery } from '../../shared/analysis/pointQuery';
import { ZONE_TYPE_LABELS } from '../../shared/domain/taxonomy';
import { pointQueryState } from '../map/tools/pointQueryTool';
import { useEditorState } from './hooks/useEditorState';
import { useLang } from './hooks/useLang';
import { useWorkbench } from './hooks/useWorkbench';
import type { ProjectData } from './hooks/useProjectData';
import type { Workbench } from '../editor/workbench';

function closePointQuery(workbench: Workbench): void {
  pointQueryState.set((s) => ({ point: null, seq: s.seq + 1 }));
  if (workbench.state.get().tool === 'whatHere') workbench.setTool('select');
}

/** "What applies here": every zone covering the clicked point and the strictest height limit. */
export function PointQueryPanel({
  data,
  layers,
}: {
  data: ProjectData;
  layers: readonly ReferenceLayerData[];
}) {
  const { workbench } = useWorkbench();
  const { lang, t } = useLang();
  const tool = useEditorState((s) => s.tool);
  const { point } = useSyncExternalStore(pointQueryState.subscribe, pointQueryState.get);
  const result = useMemo(() => (point ? pointQuery(point, data, layers) : null), [point, data, layers]);
  const open = tool === 'whatHere' || result !== null;
  // Closing clears the query (and its pin on the map) and leaves the query tool.
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') closePointQuery(workbench);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, workbench]);
  if (!open) return null;
  const metres = result?.strictestHeightM;
  const storeys = result?.strictestStoreys;
  return (
    <section className="panel point-query" aria-label={t('pointQuery')}>
      <div className="panel-heading">
        <h2>{t('pointQuery')}</h2>
        <button
          type="button"
          className="close"
          aria-label={t('close')}
          onClick={() => closePointQuery(workbench)}
        >
          ×
        </button>
      </div>
      {!result ? (
        <p className="muted">{t('pointQueryHint')}</p>
      ) : (
        <>
          <p className="muted">
            {result.point[0].toFixed(6)}°E, {result.point[1].toFixed(6)}°N
          </p>
          <p role="status" data-testid="strictest-height">
            {t('strictestHeight')}:{' '}
            {metres || storeys
              ? [
                  metres && `${metres.value} m`,
                  storeys && (lang === 'zh' ? `${storeys.value} 层` : `${storeys.value} storeys`),
                ]
                  .filter(Boolean)
                  .join(' / ')
              : '—'}
          </p>
          {result.zones.length === 0 ? (
            <p className="muted">{t('noZonesHere')}</p>
          ) : (
            <ul className="zones-here">
              {result.zones.map((z) => (
                <li key={z.zoneId}>
                  <strong>{z.objectName}</strong> · {ZONE_TYPE_LABELS[z.zoneType][lang]}
                  {z.subZoneNo ? ` ${z.subZoneNo}` : ''}
                  {(z.heightLimitM !== null || z.heightLimitStoreys !== null) && (
                    <span>
                      {' '}
                      · {lang === 'zh' ? '限高' : 'height limit'}{' '}
                      {[
                        z.heightLimitM !== null && `${z.heightLimitM} m`,
                        z.heightLimitStoreys !== null &&
                          `${z.heightLimitStoreys} ${lang === 'zh' ? '层' : 'storeys'}`,
                      ]
                        .filter(Boolean)
                        .join(' / ')}
                    </span>
                  )}
                  {z.rules && <p className="rules">{z.rules}</p>}
                </li>
              ))}
            </ul>
          )}
          {result.references.length > 0 && (
            <>
              <h3>{t('referencesHere')}</h3>
              <ul>
                {result.references.map((r) => (
                  <li key={`${r.layerId}:${r.feature}`}>
                    {r.layerName}: {r.label}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}

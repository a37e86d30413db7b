import { useMemo, useSyncExternalStore } from 'react';
import type { ReferenceLayerData } from '../../shared/analysis/overlapsReferenceLayer';
import { pointQuery } from '../../shared/analysis/pointQuery';
import { ZONE_TYPE_LABELS } from '../../shared/domain/taxonomy';
import { pointQueryState } from '../map/tools/pointQueryTool';
import { useEditorState } from './hooks/useEditorState';
import { useLang } from './hooks/useLang';
import type { ProjectData } from './hooks/useProjectData';

/** "What applies here": every zone covering the clicked point and the strictest height limit. */
export function PointQueryPanel({
  data,
  layers,
}: {
  data: ProjectData;
  layers: readonly ReferenceLayerData[];
}) {
  const { lang, t } = useLang();
  const tool = useEditorState((s) => s.tool);
  const { point } = useSyncExternalStore(pointQueryState.subscribe, pointQueryState.get);
  const result = useMemo(() => (point ? pointQuery(point, data, layers) : null), [point, data, layers]);
  if (tool !== 'whatHere' && !result) return null;
  const metres = result?.strictestHeightM;
  const storeys = result?.strictestStoreys;
  return (
    <section className="panel point-query" aria-label={t('pointQuery')}>
      <h2>{t('pointQuery')}</h2>
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

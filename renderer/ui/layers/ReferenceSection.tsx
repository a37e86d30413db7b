import { useCallback, useId, useRef, useState } from 'react';
import type { OverlapResult } from '../../../shared/analysis/overlaps';
import {
  REFERENCE_KINDS,
  REFERENCE_KIND_LABELS,
  type ReferenceKind,
  type ReferenceLayerData,
} from '../../../shared/analysis/overlapsReferenceLayer';
import type { Lang } from '../../../shared/domain/labels';
import { ZONE_TYPE_LABELS } from '../../../shared/domain/taxonomy';
import { importFilters, type NamedFilter } from '../../../shared/ipc/fileTypes';
import { runJob } from '../../jobs/runJob';
import { usePanelRequest } from '../analysisRequests';
import { useLang } from '../hooks/useLang';
import type { ProjectData } from '../hooks/useProjectData';
import { useWorkbench } from '../hooks/useWorkbench';

/** The import dialog's filters without project files: a project cannot be a reference layer. */
function referenceFilters(lang: Lang): NamedFilter[] {
  return importFilters(lang)
    .map((f) => ({ ...f, extensions: f.extensions.filter((e) => e !== 'hzw') }))
    .filter((f) => f.extensions.length > 0);
}

interface Props {
  data: ProjectData;
  layers: readonly ReferenceLayerData[];
  result: OverlapResult | null;
  busy: boolean;
  setBusy(busy: boolean): void;
}

/**
 * Reference layers (三条控制线) inside the layers panel: adding one (its kind, then the same pick
 * as Import: a shapefile's parts together, the same size caps) and the last overlap analysis.
 * Their rows — visibility, opacity, order, overlap analysis, remove — are in the panel's list.
 */
export function ReferenceSection({ data, layers, result, busy, setBusy }: Props) {
  const { workbench, platform } = useWorkbench();
  const kindId = useId();
  const { lang, t } = useLang();
  const [kind, setKind] = useState<ReferenceKind>('permanent_basic_farmland');
  // The Tools menu's 参考图层… brings this section into view with the focus on it.
  const section = useRef<HTMLElement>(null);
  const show = useCallback(() => {
    section.current?.scrollIntoView({ block: 'nearest' });
    section.current?.focus();
  }, []);
  usePanelRequest('showReferenceLayers', show);

  const add = async () => {
    setBusy(true);
    try {
      const title = lang === 'zh' ? '添加参考图层' : 'Add reference layer';
      const files = await platform.pickFiles({ title, filters: referenceFilters(lang), multiple: true });
      if (files.length === 0) return;
      const meta = {
        id: crypto.randomUUID(),
        projectId: data.project.id,
        kind,
        gkZone: data.project.settings.gkZone,
        createdAt: new Date().toISOString(),
      };
      const { layer, skipped } = await runJob('readReferenceLayer', { files, meta });
      await workbench.store.referenceLayers.add(layer);
      const note = skipped
        ? { zh: `，跳过 ${skipped} 个非面要素`, en: `; ${skipped} non-polygon features skipped` }
        : { zh: '', en: '' };
      workbench.notify('info', {
        zh: `已添加参考图层 ${layer.name}（${layer.featureCount} 个面${note.zh}）`,
        en: `Added reference layer ${layer.name} (${layer.featureCount} polygons${note.en})`,
      });
    } catch (error) {
      workbench.reportError(error);
    } finally {
      setBusy(false);
    }
  };

  const zoneName = (id: string) => {
    const zone = data.zones.find((z) => z.id === id);
    const object = data.objects.find((o) => o.id === zone?.objectId);
    const type = zone ? ZONE_TYPE_LABELS[zone.attributes.zoneType][lang] : id;
    return object ? `${object.attributes.name} · ${type}` : type;
  };
  const shown = result && layers.find((l) => l.id === result.layerId);

  return (
    <section ref={section} tabIndex={-1} className="references" aria-label={t('referenceLayers')}>
      <h3>{t('referenceLayers')}</h3>
      <div className="reference-add">
        <label htmlFor={kindId}>{t('referenceKind')}</label>
        <select id={kindId} value={kind} onChange={(e) => setKind(e.target.value as ReferenceKind)}>
          {REFERENCE_KINDS.map((k) => (
            <option key={k} value={k}>
              {REFERENCE_KIND_LABELS[k][lang]}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => void add()} disabled={busy}>
          {t('addReferenceLayer')}
        </button>
      </div>
      {layers.length === 0 && <p className="muted">{t('noReferenceLayers')}</p>}
      {result && shown && (
        <div role="region" aria-label={t('overlapResults')}>
          <h3>
            {t('overlapResults')}: {shown.name}
          </h3>
          {result.zones.length === 0 ? (
            <p className="muted">{t('noOverlaps')}</p>
          ) : (
            <table className="overlap-table">
              <thead>
                <tr>
                  <th scope="col">{lang === 'zh' ? '区划' : 'Zone'}</th>
                  <th scope="col">{t('overlapArea')}</th>
                </tr>
              </thead>
              <tbody>
                {result.zones.map((z) => (
                  <tr key={z.zoneId}>
                    <td>{zoneName(z.zoneId)}</td>
                    <td>
                      {z.areaM2.toFixed(1)} m² ({(z.share * 100).toFixed(1)} %)
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}

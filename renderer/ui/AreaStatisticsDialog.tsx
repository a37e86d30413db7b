import { useEffect, useState } from 'react';
import type { Lang } from '../../shared/domain/labels';
import { AREA_UNITS, AREA_UNIT_LABELS, formatAreaValue, type AreaUnit } from '../../shared/domain/units';
import {
  AREA_GROUPINGS,
  AREA_GROUPING_LABELS,
  type AreaGrouping,
  type AreaStatistics,
  type AreaStatisticsRow,
} from '../../shared/analysis/areaStatistics';
import { areaStatisticsCsv, areaStatisticsXlsx } from '../../shared/analysis/areaStatisticsExport';
import { JobCancelled, runJob } from '../jobs/runJob';
import { Modal } from './Modal';
import { useLang } from './hooks/useLang';
import type { ProjectData } from './hooks/useProjectData';
import { useWorkbench } from './hooks/useWorkbench';

const CSV_FILTER = { name: 'CSV', extensions: ['csv'] };
const XLSX_FILTER = { name: 'Excel', extensions: ['xlsx'] };

function Row({
  row,
  unit,
  lang,
  total,
}: {
  row: AreaStatisticsRow;
  unit: AreaUnit;
  lang: Lang;
  total?: boolean;
}) {
  const testId = total ? 'area-stats-total' : undefined;
  return (
    <tr data-testid={testId}>
      <th scope="row">{row.label[lang]}</th>
      <td>{row.zoneCount}</td>
      <td data-testid={testId && `${testId}-ellipsoidal`} data-value={row.ellipsoidalM2}>
        {formatAreaValue(row.ellipsoidalM2, unit)}
      </td>
      <td data-testid={testId && `${testId}-planar`} data-value={row.planarM2}>
        {formatAreaValue(row.planarM2, unit)}
      </td>
    </tr>
  );
}

/**
 * 面积统计: zone areas grouped by object, zone type, protection level or township, ellipsoidal
 * beside planar Gauss-Krüger, with a totals row and CSV / XLSX export in the UI language.
 */
export function AreaStatisticsDialog({
  open,
  onClose,
  data,
}: {
  open: boolean;
  onClose(): void;
  data: ProjectData;
}) {
  const { lang, t } = useLang();
  return (
    <Modal id="area-statistics" open={open} onClose={onClose} title={t('areaStatistics')}>
      <AreaStatisticsContent data={data} lang={lang} />
    </Modal>
  );
}

function AreaStatisticsContent({ data, lang }: { data: ProjectData; lang: Lang }) {
  const { workbench, platform } = useWorkbench();
  const { t } = useLang();
  const [grouping, setGrouping] = useState<AreaGrouping>('object');
  const [unit, setUnit] = useState<AreaUnit>('hm2');
  const gkZone = data.project.settings.gkZone;
  // Computed in a worker (geodesic areas of every zone); a newer request cancels the older one.
  const [result, setResult] = useState<{
    grouping: AreaGrouping;
    data: ProjectData;
    stats: AreaStatistics;
  } | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    const document = { settings: data.project.settings, objects: data.objects, zones: data.zones };
    runJob('areaStatistics', { document, options: { gkZone, grouping } }, { signal: abort.signal }).then(
      (stats) => setResult({ grouping, data, stats }),
      (error: unknown) => {
        if (!(error instanceof JobCancelled)) workbench.reportError(error);
      },
    );
    return () => abort.abort();
  }, [data, gkZone, grouping, workbench]);
  const stats = result && result.grouping === grouping && result.data === data ? result.stats : null;
  const save = async (format: 'csv' | 'xlsx') => {
    if (!stats) return;
    const bytes = format === 'csv' ? areaStatisticsCsv(stats, lang) : areaStatisticsXlsx(stats, lang);
    const suffix = lang === 'zh' ? '面积统计' : 'area-statistics';
    try {
      const saved = await platform.exportFile({
        handle: null,
        suggestedName: `${data.project.settings.name}-${suffix}.${format}`,
        bytes,
        filters: [format === 'csv' ? CSV_FILTER : XLSX_FILTER],
      });
      if (saved) workbench.notify('info', { zh: `已导出 ${saved.name}`, en: `Exported ${saved.name}` });
    } catch (error) {
      workbench.reportError(error);
    }
  };
  const ellipsoidal = lang === 'zh' ? '椭球面积（CGCS2000）' : 'Ellipsoidal (CGCS2000)';
  const planar = lang === 'zh' ? `高斯平面面积（3°带 ${gkZone}）` : `Planar Gauss-Krüger (3° zone ${gkZone})`;
  return (
    <div className="area-statistics">
      <div className="area-statistics-controls">
        <label>
          {t('areaGrouping')}{' '}
          <select value={grouping} onChange={(e) => setGrouping(e.target.value as AreaGrouping)}>
            {AREA_GROUPINGS.map((g) => (
              <option key={g} value={g}>
                {AREA_GROUPING_LABELS[g][lang]}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t('areaUnit')}{' '}
          <select value={unit} onChange={(e) => setUnit(e.target.value as AreaUnit)}>
            {AREA_UNITS.map((u) => (
              <option key={u} value={u}>
                {AREA_UNIT_LABELS[u][lang]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {!stats ? (
        <p className="muted" role="status">
          {lang === 'zh' ? '正在计算面积…' : 'Computing areas…'}
        </p>
      ) : (
        <table className="area-table area-statistics-table" aria-label={t('areaStatistics')}>
          <thead>
            <tr>
              <th scope="col">{AREA_GROUPING_LABELS[grouping][lang]}</th>
              <th scope="col">{lang === 'zh' ? '区划数' : 'Zones'}</th>
              <th scope="col">
                {ellipsoidal} {AREA_UNIT_LABELS[unit][lang]}
              </th>
              <th scope="col">
                {planar} {AREA_UNIT_LABELS[unit][lang]}
              </th>
            </tr>
          </thead>
          <tbody>
            {stats.rows.map((row) => (
              <Row key={row.key} row={row} unit={unit} lang={lang} />
            ))}
          </tbody>
          <tfoot>
            <Row row={stats.total} unit={unit} lang={lang} total />
          </tfoot>
        </table>
      )}
      <p className="hint">{t('areaStatisticsNote')}</p>
      <div className="area-statistics-controls">
        <button type="button" onClick={() => void save('csv')} disabled={!stats}>
          {t('exportCsv')}
        </button>{' '}
        <button type="button" onClick={() => void save('xlsx')} disabled={!stats}>
          {t('exportXlsx')}
        </button>
      </div>
    </div>
  );
}

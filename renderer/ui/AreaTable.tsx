import { useMemo } from 'react';
import type { ZoneGeometry } from '../../shared/domain/geometry';
import { AREA_UNITS, AREA_UNIT_LABELS, formatAreaValue } from '../../shared/domain/units';
import { ellipsoidalArea, planarGaussKrugerArea } from '../../shared/geometry/area';
import { useLang } from './hooks/useLang';

interface Props {
  geometries: readonly ZoneGeometry[];
  gkZone: number;
}

/**
 * Areas in m², hm², 亩 and km²: ellipsoidal (what the national database uses) beside planar
 * Gauss-Krüger (what coordinate-table workflows report), each labelled with its method.
 */
export function AreaTable({ geometries, gkZone }: Props) {
  const { lang, t } = useLang();
  const [ellipsoidal, planar] = useMemo(
    () => [
      geometries.reduce((sum, g) => sum + ellipsoidalArea(g), 0),
      geometries.reduce((sum, g) => sum + planarGaussKrugerArea(g, gkZone), 0),
    ],
    [geometries, gkZone],
  );
  const gkCaption =
    lang === 'zh' ? `${t('planarArea')}（3°带 ${gkZone}）` : `${t('planarArea')} (3° zone ${gkZone})`;
  return (
    <table className="area-table" aria-label={t('area')}>
      <thead>
        <tr>
          <th scope="col">{t('area')}</th>
          <th scope="col" title={t('areaMethod')}>
            {lang === 'zh' ? '椭球面积' : 'Ellipsoidal'}
          </th>
          <th scope="col" title={gkCaption}>
            {lang === 'zh' ? '高斯平面面积' : 'Planar GK'}
          </th>
        </tr>
      </thead>
      <tbody>
        {AREA_UNITS.map((unit) => (
          <tr key={unit}>
            <th scope="row">{AREA_UNIT_LABELS[unit][lang]}</th>
            <td data-testid={`area-ellipsoidal-${unit}`} data-value={ellipsoidal}>
              {formatAreaValue(ellipsoidal, unit)}
            </td>
            <td data-testid={`area-planar-${unit}`}>{formatAreaValue(planar, unit)}</td>
          </tr>
        ))}
      </tbody>
      <caption>
        {t('areaMethod')}; {gkCaption}
      </caption>
    </table>
  );
}

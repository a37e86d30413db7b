import { toSurveyXY } from '../../shared/crs/gaussKruger';
import { groupDigits } from '../../shared/domain/units';
import { useLang } from './hooks/useLang';
import { usePointer, type PointerStore } from './hooks/usePointer';
import { useRenderCount } from './hooks/useRenderCount';

interface Props {
  /** Read here only: a pointer move re-renders the status bar and nothing else. */
  pointer: PointerStore;
  gkZone: number;
  persistent: boolean | null;
  mode: 'desktop' | 'web';
}

/** Pointer position in lon/lat and in the project's Gauss-Krüger zone (X = north, Y = east with zone prefix). */
export function StatusBar({ pointer: pointerStore, gkZone, persistent, mode }: Props) {
  useRenderCount('StatusBar');
  const { lang, t } = useLang();
  const pointer = usePointer(pointerStore);
  let coordinates = '—';
  if (pointer) {
    const [lon, lat] = pointer;
    const { x, y } = toSurveyXY(pointer, gkZone, { prefixed: true });
    const lonLat =
      lang === 'zh'
        ? `经度 ${lon.toFixed(6)}° 纬度 ${lat.toFixed(6)}°`
        : `Lon ${lon.toFixed(6)}° Lat ${lat.toFixed(6)}°`;
    const gk =
      lang === 'zh'
        ? `CGCS2000 3°带 ${gkZone}：X ${groupDigits(x, 3)} Y ${groupDigits(y, 3)}`
        : `CGCS2000 3° zone ${gkZone}: X ${groupDigits(x, 3)} Y ${groupDigits(y, 3)}`;
    coordinates = `${lonLat} | ${gk}`;
  }
  return (
    <footer className="status-bar">
      <output aria-label={t('pointer')} data-testid="pointer-coordinates">
        {coordinates}
      </output>
      {persistent === false && <span className="warning">{t('storageNotPersistent')}</span>}
      <span className="mode">{mode === 'desktop' ? t('desktopMode') : t('webMode')}</span>
    </footer>
  );
}

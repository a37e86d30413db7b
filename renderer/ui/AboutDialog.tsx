import { Modal } from './Modal';
import { useLang } from './hooks/useLang';

/** Version, data sources and the basemap's licences. */
export function AboutDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const { lang, t } = useLang();
  return (
    <Modal id="about" open={open} onClose={onClose} title={`${t('about')} — ${t('appTitle')}`}>
      <p>{t('appTitle')} 0.1.0</p>
      <p>
        {lang === 'zh'
          ? '离线底图数据来源见 basemap/SOURCES.md（随程序分发，无需联网）。坐标系：CGCS2000（EPSG:4490）及 3° 高斯-克吕格分带。'
          : 'Offline basemap sources are listed in basemap/SOURCES.md (shipped with the app; no network needed). Coordinates: CGCS2000 (EPSG:4490) and 3° Gauss-Krüger zones.'}
      </p>
      <p className="warning">
        {lang === 'zh'
          ? '底图仅供参考，不是官方标准地图，边界不作为权属及国界依据；正式成果请使用经审核的标准底图。'
          : 'The basemap is for reference only, not an official standard map; its boundaries are not authoritative. Use an approved standard basemap for official output.'}
      </p>
      <p>
        <a href="./basemap/SOURCES.md" target="_blank" rel="noreferrer">
          basemap/SOURCES.md
        </a>
      </p>
    </Modal>
  );
}

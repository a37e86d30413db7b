import { useState } from 'react';
import { ZONE_TYPES, ZONE_TYPE_LABELS, type ZoneType } from '../../shared/domain/taxonomy';
import { exportGeoJson } from '../editor/transfer';
import { Modal } from './Modal';
import { useLang } from './hooks/useLang';
import type { ProjectData } from './hooks/useProjectData';
import { useWorkbench } from './hooks/useWorkbench';

/** Export the project, or chosen zone types, as RFC 7946 GeoJSON. */
export function ExportDialog({ open, onClose, data }: { open: boolean; onClose(): void; data: ProjectData }) {
  const { workbench, platform } = useWorkbench();
  const { lang, t } = useLang();
  const present = ZONE_TYPES.filter((type) => data.zones.some((z) => z.attributes.zoneType === type));
  const [chosen, setChosen] = useState<ReadonlySet<ZoneType> | null>(null);
  const selected = chosen ?? new Set(present);
  const toggle = (type: ZoneType, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(type);
    else next.delete(type);
    setChosen(next);
  };
  const count = data.zones.filter((z) => selected.has(z.attributes.zoneType)).length;
  const start = () => {
    onClose();
    const all = present.every((type) => selected.has(type));
    void exportGeoJson(workbench, platform, all ? null : [...selected]);
  };
  return (
    <Modal id="export" open={open} onClose={onClose} title={t('exportDialog')}>
      <fieldset>
        <legend>{lang === 'zh' ? '区划类型' : 'Zone types'}</legend>
        {present.map((type) => (
          <label key={type} className="check">
            <input
              type="checkbox"
              checked={selected.has(type)}
              onChange={(e) => toggle(type, e.target.checked)}
            />
            {ZONE_TYPE_LABELS[type][lang]} ({data.zones.filter((z) => z.attributes.zoneType === type).length})
          </label>
        ))}
      </fieldset>
      <p className="hint">
        {lang === 'zh'
          ? 'RFC 7946：CGCS2000/WGS84 经纬度，外环逆时针，7 位小数；面积为椭球面积。建设控制地带等外圈区划存储为外包范围（含内圈）。'
          : 'RFC 7946: CGCS2000/WGS84 lon/lat, exterior rings counter-clockwise, 7 decimals; areas are ellipsoidal. Outer zones (e.g. CCZ) are stored as envelopes including the inner zones.'}
      </p>
      <button type="button" className="primary" onClick={start} disabled={count === 0}>
        {t('exportStart')} ({count})
      </button>
    </Modal>
  );
}

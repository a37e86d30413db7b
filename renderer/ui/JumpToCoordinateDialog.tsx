import { useId, useState, type FormEvent, type RefObject } from 'react';
import type { PlanMap } from '../map/createPlanMap';
import { CoordinateModeSelect } from './CoordinateModeSelect';
import { TypedPreview } from './TypedPreview';
import { readTyped, setCoordinateUi, useCoordinateUi } from './coordinateUi';
import { useLang } from './hooks/useLang';
import { useModalDialog } from './hooks/useModalDialog';
import { useWorkbench } from './hooks/useWorkbench';

/** 定位到坐标: type X, Y (or lon, lat); the map centres there and marks the point. */
export function JumpToCoordinateDialog({ gkZone, map }: { gkZone: number; map: RefObject<PlanMap | null> }) {
  const { workbench } = useWorkbench();
  const { lang, t } = useLang();
  const { dialog: which, mode } = useCoordinateUi();
  const dialog = useModalDialog(which === 'jump');
  const id = useId();
  const [text, setText] = useState('');
  const typed = text.trim() ? readTyped(text, mode, gkZone) : null;
  const point =
    typed && 'rings' in typed && typed.rings.length === 1 && typed.rings[0]!.length === 1
      ? typed.rings[0]![0]!
      : null;
  const title = lang === 'zh' ? '定位到坐标' : 'Go to coordinate';
  const close = () => setCoordinateUi({ dialog: null });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!point) return;
    map.current?.zoomToPoint(point);
    map.current?.markPoint(point);
    workbench.notify('info', {
      zh: `已定位到 经度 ${point[0].toFixed(6)}° 纬度 ${point[1].toFixed(6)}°`,
      en: `Centred on lon ${point[0].toFixed(6)}° lat ${point[1].toFixed(6)}°`,
    });
    close();
  };

  return (
    <dialog ref={dialog} onClose={close} aria-labelledby={`${id}-title`} className="modal">
      <form method="dialog" onSubmit={submit}>
        <h2 id={`${id}-title`}>{title}</h2>
        <CoordinateModeSelect mode={mode} gkZone={gkZone} lang={lang} />
        <label htmlFor={`${id}-at`}>
          {mode === 'lonlat'
            ? lang === 'zh'
              ? '经度, 纬度'
              : 'Longitude, latitude'
            : lang === 'zh'
              ? 'X（北）, Y（东）'
              : 'X (north), Y (east)'}
        </label>
        <input id={`${id}-at`} value={text} onChange={(e) => setText(e.target.value)} autoFocus />
        {typed && <TypedPreview typed={typed} lang={lang} />}
        <div className="dialog-buttons">
          <button type="button" onClick={close}>
            {t('cancel')}
          </button>
          <button type="submit" disabled={!point}>
            {lang === 'zh' ? '定位' : 'Go'}
          </button>
        </div>
      </form>
    </dialog>
  );
}

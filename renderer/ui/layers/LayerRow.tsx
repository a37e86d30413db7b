import { useState, type DragEvent, type ReactNode } from 'react';
import type { LayerStatus } from '../../../shared/domain/backgrounds';
import { useLang } from '../hooks/useLang';
import { STATUS_TEXT, useLayersText } from './layersText';

/** One row of the list as the panel computed it. */
export interface RowModel {
  id: string;
  group: 'background' | 'reference';
  name: string;
  /** What kind of layer, shown after the name (GeoTIFF image, 永久基本农田, …). */
  detail: string;
  visible: boolean;
  opacity: number;
  /** Backgrounds only: their status on the map. */
  status: LayerStatus | null;
}

export interface RowActions {
  setVisible(visible: boolean): void;
  /** While the slider moves (shown at once) and when it is let go (stored). */
  setOpacity(opacity: number): void;
  move(delta: number): void;
  /** Drop the dragged row (by id) onto this one. */
  dropOn(draggedId: string): void;
  zoomTo(): void;
  remove(): void;
  allowAgain(): void;
  locate(): void;
  /** Reference layers: overlap analysis with the zones (null while another runs). */
  analyse?: (() => void) | null;
}

const DRAG_TYPE = 'application/x-hzw-layer';

/** A listed layer: drag handle, visibility, name, status chip, opacity, order buttons, zoom, remove. */
export function LayerRow({
  row,
  first,
  last,
  actions,
  children,
}: {
  row: RowModel;
  first: boolean;
  last: boolean;
  actions: RowActions;
  /** What a kind adds under its row (a CAD drawing's layers). */
  children?: ReactNode;
}) {
  const { lang, l } = useLayersText();
  const { t } = useLang();
  const [confirming, setConfirming] = useState(false);
  const [over, setOver] = useState(false);
  const named = (key: Parameters<typeof l>[0]) => `${l(key)} ${row.name}`;
  const onDrop = (event: DragEvent) => {
    // The app imports files dropped anywhere else: a dragged row is not a file.
    event.preventDefault();
    event.stopPropagation();
    setOver(false);
    const dragged = event.dataTransfer.getData(DRAG_TYPE);
    if (dragged && dragged !== row.id) actions.dropOn(dragged);
  };
  const state = row.status?.state;
  return (
    <li
      className={`layer-row${over ? ' drop-target' : ''}`}
      data-layer-id={row.id}
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <div className="layer-line">
        {/* Only the handle drags (the opacity slider inside the row must not start a drag);
            the keyboard's way is Move up / Move down. */}
        <span
          className="drag-handle"
          aria-hidden="true"
          draggable
          onDragStart={(event) => {
            event.dataTransfer.setData(DRAG_TYPE, row.id);
            event.dataTransfer.effectAllowed = 'move';
            const item = event.currentTarget.closest('li');
            if (item) event.dataTransfer.setDragImage(item, 8, 8);
          }}
        >
          ⠿
        </span>
        <label className="layer-name">
          <input
            type="checkbox"
            checked={row.visible}
            aria-label={named('show')}
            onChange={(e) => actions.setVisible(e.target.checked)}
          />
          {row.name} <span className="muted">({row.detail})</span>
        </label>
        {row.status && (
          <span
            className={`status-chip status-${row.status.state}`}
            role="status"
            aria-label={`${named('status')}: ${STATUS_TEXT[row.status.state][lang]}`}
            title={row.status.message?.[lang]}
          >
            {STATUS_TEXT[row.status.state][lang]}
            {row.status.http ? ` ${row.status.http}` : ''}
          </span>
        )}
      </div>
      {row.status?.message && state !== 'ready' && state !== 'loading' && (
        <p className="layer-message">{row.status.message[lang]}</p>
      )}
      <div className="layer-line">
        <input
          type="range"
          min={0}
          max={100}
          step={5}
          value={Math.round(row.opacity * 100)}
          aria-label={named('opacity')}
          aria-valuetext={`${Math.round(row.opacity * 100)} %`}
          onChange={(e) => actions.setOpacity(Number(e.target.value) / 100)}
        />
        <button
          type="button"
          aria-label={named('moveUp')}
          title={l('moveUp')}
          aria-disabled={first}
          onClick={() => actions.move(-1)}
        >
          ↑
        </button>
        <button
          type="button"
          aria-label={named('moveDown')}
          title={l('moveDown')}
          aria-disabled={last}
          onClick={() => actions.move(1)}
        >
          ↓
        </button>
        <button type="button" aria-label={named('zoomTo')} title={l('zoomTo')} onClick={actions.zoomTo}>
          ⤢
        </button>
        {actions.analyse !== undefined && (
          <button
            type="button"
            aria-label={`${t('runOverlap')} ${row.name}`}
            disabled={actions.analyse === null}
            onClick={() => actions.analyse?.()}
          >
            {t('runOverlap')}
          </button>
        )}
        {state === 'needsPermission' && (
          <button type="button" aria-label={named('allowAgain')} onClick={actions.allowAgain}>
            {l('allowAgain')}
          </button>
        )}
        {state === 'needsReload' && (
          <button type="button" aria-label={named('reloadWindow')} onClick={() => location.reload()}>
            {l('reloadWindow')}
          </button>
        )}
        {state === 'missing' && (
          <button type="button" aria-label={named('locateFile')} onClick={actions.locate}>
            {l('locateFile')}
          </button>
        )}
        {confirming ? (
          <>
            <button type="button" aria-label={named('confirmRemove')} onClick={actions.remove}>
              {l('confirmRemove')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {l('cancel')}
            </button>
          </>
        ) : (
          <button
            type="button"
            aria-label={named('remove')}
            title={l('remove')}
            onClick={() => setConfirming(true)}
          >
            ✕
          </button>
        )}
      </div>
      {children}
    </li>
  );
}

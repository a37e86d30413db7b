import { useEffect, useRef, useState } from 'react';
import {
  MAX_SNAP_TOLERANCE,
  MIN_SNAP_TOLERANCE,
  SNAP_TARGETS,
  clampTolerance,
  type SnapTarget,
} from '../editor/snapSettings';
import { keepSnapSettings } from '../editor/snapPreference';
import { useEditorState } from './hooks/useEditorState';
import { useLang } from './hooks/useLang';
import { useWorkbench } from './hooks/useWorkbench';
import type { UiKey } from './i18n';

const TARGET_LABELS: Record<SnapTarget, UiKey> = {
  vertices: 'snapVertices',
  edges: 'snapEdges',
  intersections: 'snapIntersections',
  otherObjects: 'snapOtherObjects',
  referenceLayers: 'snapReferenceLayers',
  backgrounds: 'snapBackgrounds',
};

/**
 * The snapping switch and its settings popover (tolerance, targets, the hold-to-suspend key).
 * The settings are a stored preference: read once here, written on every change.
 */
export function SnappingSettings() {
  const { workbench } = useWorkbench();
  const { t } = useLang();
  const snapping = useEditorState((s) => s.snapping);
  const settings = useEditorState((s) => s.snapSettings);
  const tracing = useEditorState((s) => s.tracing);
  const [open, setOpen] = useState(false);
  const popover = useRef<HTMLDivElement>(null);
  useEffect(() => keepSnapSettings(workbench), [workbench]);
  useEffect(() => {
    if (!open) return;
    const close = (event: Event) => {
      if (
        event instanceof KeyboardEvent
          ? event.key === 'Escape'
          : !popover.current?.contains(event.target as Node)
      )
        setOpen(false);
    };
    window.addEventListener('keydown', close, true);
    window.addEventListener('pointerdown', close, true);
    return () => {
      window.removeEventListener('keydown', close, true);
      window.removeEventListener('pointerdown', close, true);
    };
  }, [open]);

  const setTarget = (target: SnapTarget, on: boolean) =>
    workbench.state.set({ snapSettings: { ...settings, targets: { ...settings.targets, [target]: on } } });

  return (
    <div className="snap-settings" ref={popover}>
      <label className="toggle" title={t('snapSuspendHint')}>
        <input
          type="checkbox"
          checked={snapping}
          onChange={(e) => workbench.state.set({ snapping: e.target.checked })}
          aria-label={t('snapping')}
        />
        <span aria-hidden="true">{t('snapping')}</span>
      </label>
      <label className="toggle" title={t('tracingHint')}>
        <input
          type="checkbox"
          checked={tracing}
          onChange={(e) => workbench.state.set({ tracing: e.target.checked })}
          aria-label={t('tracing')}
          aria-keyshortcuts="T"
        />
        <span aria-hidden="true">{t('tracing')}</span>
      </label>
      <button
        type="button"
        aria-label={t('snapSettings')}
        title={t('snapSettings')}
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        ▾
      </button>
      {open && (
        <div role="dialog" aria-label={t('snapSettings')} className="popover">
          <label>
            {t('snapTolerance')}
            <input
              type="number"
              min={MIN_SNAP_TOLERANCE}
              max={MAX_SNAP_TOLERANCE}
              step={1}
              value={settings.tolerancePx}
              onChange={(e) => {
                const value = Number(e.target.value);
                if (e.target.value && Number.isFinite(value))
                  workbench.state.set({ snapSettings: { ...settings, tolerancePx: clampTolerance(value) } });
              }}
            />
          </label>
          <fieldset>
            <legend>{t('snapTargets')}</legend>
            {SNAP_TARGETS.map((target) => (
              <label key={target} className="toggle">
                <input
                  type="checkbox"
                  checked={settings.targets[target]}
                  onChange={(e) => setTarget(target, e.target.checked)}
                />
                {t(TARGET_LABELS[target])}
              </label>
            ))}
          </fieldset>
          <p className="hint">{t('snapSuspendHint')}</p>
        </div>
      )}
    </div>
  );
}

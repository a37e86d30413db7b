import type { Zone } from '../../shared/domain/schema';
import { derivationState } from '../../shared/derive/record';
import { regenerate } from '../editor/regenerateDerived';
import { setDeriveDialogOpen } from './DeriveDialogState';
import { METHOD_LABELS } from './DeriveDialogForm';
import { derivationParamLines, localTime } from './derivationParams';
import { useEditorState } from './hooks/useEditorState';
import { useLang } from './hooks/useLang';
import type { ProjectData } from './hooks/useProjectData';
import { useWorkbench } from './hooks/useWorkbench';

function stateOf(zone: Zone, zones: readonly Zone[]) {
  return derivationState(zone.attributes.derivation, (id) => zones.find((z) => z.id === id)?.geometry);
}

/** "源区划已修改 / source changed" beside a derived zone whose source was edited since. */
export function StaleMark({ zone, zones }: { zone: Zone; zones: readonly Zone[] }) {
  const { t } = useLang();
  if (stateOf(zone, zones) !== 'stale') return null;
  return (
    <span className="badge stale" role="status">
      {t('sourceChanged')}
    </span>
  );
}

/** The attribute panel's derivation section: read-only record, stale mark, regenerate, derive. */
export function DerivationInfo({ zone, data }: { zone: Zone; data: ProjectData }) {
  const { workbench } = useWorkbench();
  const { lang, t } = useLang();
  const d = zone.attributes.derivation;
  const state = stateOf(zone, data.zones);
  // Deriving and regenerating add or change zones: not in a read-only review copy.
  const readOnly = useEditorState((s) => s.readOnly);
  const method = d ? (METHOD_LABELS as Record<string, { zh: string; en: string }>)[d.method] : undefined;
  return (
    <section className="derivation" aria-label={t('derivation')}>
      <button type="button" onClick={() => setDeriveDialogOpen(true)} disabled={readOnly}>
        {t('deriveZone')}
      </button>
      {d && (
        <dl>
          <dt>{t('deriveMethod')}</dt>
          <dd>{method?.[lang] ?? d.method}</dd>
          <dt>{lang === 'zh' ? '参数' : 'Parameters'}</dt>
          <dd>
            <dl className="derivation-params">
              {derivationParamLines(d.params, lang).map((line) => (
                <div key={line.label}>
                  <dt>{line.label}</dt>
                  <dd>{line.value}</dd>
                </div>
              ))}
            </dl>
          </dd>
          <dt>{t('deriveDraft')}</dt>
          <dd>{d.draft || '—'}</dd>
          <dt>{lang === 'zh' ? '派生时间' : 'Derived at'}</dt>
          <dd>{localTime(d.derivedAt, lang)}</dd>
        </dl>
      )}
      {state === 'stale' && (
        <p>
          <StaleMark zone={zone} zones={data.zones} />{' '}
          <button
            type="button"
            onClick={() => void regenerate(workbench, [zone], data.zones, data.project.settings.gkZone)}
            disabled={readOnly}
          >
            {t('regenerate')}
          </button>
        </p>
      )}
      {state === 'missing' && (
        <p className="hint">{lang === 'zh' ? '源区划已删除' : 'The source zone was deleted'}</p>
      )}
    </section>
  );
}

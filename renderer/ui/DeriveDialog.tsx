import { useMemo, useState } from 'react';
import {
  CCZ_CLASSES,
  CCZ_CLASS_LABELS,
  ZONE_TYPES,
  ZONE_TYPE_LABELS,
  type ZoneType,
} from '../../shared/domain/taxonomy';
import { draftText } from '../../shared/derive/drafts';
import { deriveAndCreate } from './DeriveDialogActions';
import { initialForm, METHOD_LABELS, SIDE_LABELS, toRequest, type DeriveForm } from './DeriveDialogForm';
import { setDeriveDialogOpen, useDeriveDialogOpen } from './DeriveDialogState';
import { useEditorState } from './hooks/useEditorState';
import { useLang } from './hooks/useLang';
import type { ProjectData } from './hooks/useProjectData';
import { useWorkbench } from './hooks/useWorkbench';
import { Modal } from './Modal';
import { listSeparator } from './i18n';

const SIDES_4 = ['n', 'e', 's', 'w'] as const;
const SIDES_8 = ['ne', 'se', 'sw', 'nw'] as const;

/** 派生区划: derive a new zone from the selected zone by a 四至 rule, computed in a worker. */
export function DeriveDialog({ data }: { data: ProjectData }) {
  const open = useDeriveDialogOpen();
  const { workbench } = useWorkbench();
  const { lang, t } = useLang();
  const selection = useEditorState((s) => s.selection);
  const source = data.zones.find((z) => z.id === selection.zoneIds[0]);
  const object = data.objects.find((o) => o.id === source?.objectId);
  const [form, setForm] = useState<DeriveForm>(initialForm);
  const [zoneType, setZoneType] = useState<ZoneType>('construction_control_zone');
  const [verbatim, setVerbatim] = useState('');
  const [busy, setBusy] = useState(false);
  const readOnly = useEditorState((s) => s.readOnly);
  const close = () => setDeriveDialogOpen(false);
  const update = (patch: Partial<DeriveForm>) => setForm((f) => ({ ...f, ...patch }));
  const setSide = (key: keyof DeriveForm['sides'], value: string) =>
    update({ sides: { ...form.sides, [key]: value } });

  const request = useMemo(
    () =>
      source
        ? {
            ...toRequest(form, source, object?.attributes.representativePoint ?? null),
            sourceName: ZONE_TYPE_LABELS[source.attributes.zoneType],
          }
        : null,
    [form, source, object],
  );
  const sourceName = source ? ZONE_TYPE_LABELS[source.attributes.zoneType] : undefined;
  const draft = request
    ? (request.spec.method === 'rings' ? request.spec.rings : [null])
        .map((_, i) => draftText(request.source, request.spec, i, sourceName)[lang])
        .join(listSeparator(lang))
    : '';

  const create = async () => {
    if (!request || !object) return;
    setBusy(true);
    const ids = await deriveAndCreate(workbench, {
      objectId: object.id,
      zoneType:
        form.method === 'same_as_range' || form.method === 'rings' ? 'construction_control_zone' : zoneType,
      request,
      boundaryText: verbatim,
      gkZone: data.project.settings.gkZone,
    });
    setBusy(false);
    if (ids) close();
  };

  const numberInput = (label: string, value: string, onChange: (v: string) => void) => (
    <label className="field">
      <span>{label}</span>
      <input
        type="number"
        min={0}
        step="any"
        aria-label={label}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );

  return (
    <Modal open={open} title={t('deriveZone')} onClose={close} id="derive-dialog">
      {!source ? (
        <p className="hint">
          {lang === 'zh' ? '请先选择一个区划作为源区划' : 'Select a zone to derive from first'}
        </p>
      ) : (
        <form
          className="derive-form"
          onSubmit={(e) => {
            e.preventDefault();
            void create();
          }}
        >
          <p>
            {t('deriveSource')}: {object?.attributes.name} · {sourceName?.[lang]}
          </p>
          <label className="field">
            <span>{t('deriveMethod')}</span>
            <select
              aria-label={t('deriveMethod')}
              value={form.method}
              onChange={(e) => update({ method: e.target.value as DeriveForm['method'] })}
            >
              {Object.entries(METHOD_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label[lang]}
                </option>
              ))}
            </select>
          </label>
          {form.method !== 'same_as_range' && form.method !== 'rings' && (
            <label className="field">
              <span>{t('deriveTargetType')}</span>
              <select
                aria-label={t('deriveTargetType')}
                value={zoneType}
                onChange={(e) => setZoneType(e.target.value as ZoneType)}
              >
                {ZONE_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {ZONE_TYPE_LABELS[type][lang]}
                  </option>
                ))}
              </select>
            </label>
          )}
          {form.method === 'buffer' &&
            numberInput(t('deriveDistance'), form.distance, (v) => update({ distance: v }))}
          {(form.method === 'buffer' || form.method === 'rings') && (
            <label className="field">
              <span>{t('deriveCorner')}</span>
              <select
                aria-label={t('deriveCorner')}
                value={form.corner}
                onChange={(e) => update({ corner: e.target.value as DeriveForm['corner'] })}
              >
                <option value="round">{lang === 'zh' ? '圆角' : 'Round'}</option>
                <option value="mitre">{lang === 'zh' ? '直角' : 'Mitred'}</option>
              </select>
            </label>
          )}
          {(form.method === 'sides' || form.method === 'base_point') &&
            SIDES_4.map((k) => (
              <div key={k}>{numberInput(SIDE_LABELS[k][lang], form.sides[k], (v) => setSide(k, v))}</div>
            ))}
          {form.method === 'sides' &&
            SIDES_8.map((k) => (
              <div key={k}>{numberInput(SIDE_LABELS[k][lang], form.sides[k], (v) => setSide(k, v))}</div>
            ))}
          {form.method === 'radius' &&
            numberInput(lang === 'zh' ? '半径（米）' : 'Radius (m)', form.radius, (v) =>
              update({ radius: v }),
            )}
          {form.method === 'rings' &&
            form.rings.map((ring, i) => (
              <div key={i} className="ring-row">
                <select
                  aria-label={lang === 'zh' ? `第${i + 1}级类别` : `Ring ${i + 1} class`}
                  value={ring.cczClass}
                  onChange={(e) =>
                    update({
                      rings: form.rings.map((r, j) => (j === i ? { ...r, cczClass: e.target.value } : r)),
                    })
                  }
                >
                  <option value="">{lang === 'zh' ? '（无）' : '(none)'}</option>
                  {CCZ_CLASSES.map((c) => (
                    <option key={c} value={c}>
                      {CCZ_CLASS_LABELS[c][lang]}
                    </option>
                  ))}
                </select>
                {numberInput(
                  lang === 'zh' ? `第${i + 1}级外扩（米）` : `Ring ${i + 1} distance (m)`,
                  ring.distance,
                  (v) => update({ rings: form.rings.map((r, j) => (j === i ? { ...r, distance: v } : r)) }),
                )}
              </div>
            ))}
          <label className="field">
            <span>{t('deriveVerbatim')}</span>
            <textarea
              aria-label={t('deriveVerbatim')}
              value={verbatim}
              onChange={(e) => setVerbatim(e.target.value)}
              placeholder={
                lang === 'zh'
                  ? '留空则写入下方生成的四至草稿'
                  : 'Leave empty to store the generated draft below'
              }
              rows={3}
            />
          </label>
          <p className="derive-draft" aria-label={t('deriveDraft')}>
            {t('deriveDraft')}: <output>{draft}</output>
          </p>
          <button type="submit" disabled={busy || readOnly}>
            {t('deriveCreate')}
          </button>
        </form>
      )}
    </Modal>
  );
}

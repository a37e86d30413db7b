import { useMemo } from 'react';
import { ObjectAttributesSchema, ZoneAttributesSchema } from '../../shared/domain/schema';
import { OBJECT_TYPE_LABELS, ZONE_TYPE_LABELS } from '../../shared/domain/taxonomy';
import { updateZoneAttributes } from '../editor/commands/zoneCommands';
import { formatArea } from '../../shared/domain/units';
import { ellipsoidalArea } from '../../shared/geometry/area';
import { AreaTable } from './AreaTable';
import { DerivationInfo } from './DeriveDialogInfo';
import { SchemaForm } from './form/SchemaForm';
import { useEditorState } from './hooks/useEditorState';
import { useLang } from './hooks/useLang';
import type { ProjectData } from './hooks/useProjectData';
import { useWorkbench } from './hooks/useWorkbench';
import { commitObjectEdit } from './objectRename';

const NOT_CCZ = new Set(['cczClass', 'sameAsRange']);
// The derivation record is shown by its own read-only section (DerivationInfo), not the form.
const ZONE_HIDDEN = new Set(['derivation']);
const ZONE_HIDDEN_NOT_CCZ = new Set([...NOT_CCZ, 'derivation']);
const NOT_RELIC = new Set(['category']);

/** The attribute form for the selection: a zone (first selected) or else the selected object. */
export function AttributePanel({ data }: { data: ProjectData }) {
  const { workbench } = useWorkbench();
  const { lang, t } = useLang();
  const selection = useEditorState((s) => s.selection);
  // A review copy shows every value but offers no change (the store would refuse it anyway).
  const readOnly = useEditorState((s) => s.readOnly);
  const zone = data.zones.find((z) => z.id === selection.zoneIds[0]);
  const object = data.objects.find((o) => o.id === (zone?.objectId ?? selection.objectId));
  const objectZones = useMemo(
    () => data.zones.filter((z) => z.objectId === object?.id),
    [data.zones, object?.id],
  );
  const gkZone = data.project.settings.gkZone;
  // One array per geometry: the area table's geodesic areas are recomputed only when it changes.
  const geometry = zone?.geometry;
  const geometries = useMemo(() => (geometry ? [geometry] : []), [geometry]);

  if (!object) {
    return (
      <section className="panel attributes" aria-label={t('attributes')}>
        <h2>{t('attributes')}</h2>
        <p className="hint">{t('nothingSelected')}</p>
      </section>
    );
  }
  if (zone) {
    return (
      // Keyed by the selection: a new selection starts at the top, not at the old scroll position.
      <section key={`zone:${zone.id}`} className="panel attributes" aria-label={t('zoneAttributes')}>
        <h2>
          {t('zoneAttributes')}: {object.attributes.name} · {ZONE_TYPE_LABELS[zone.attributes.zoneType][lang]}
        </h2>
        <AreaTable geometries={geometries} gkZone={gkZone} />
        <DerivationInfo zone={zone} data={data} />
        <SchemaForm
          key={zone.id}
          idPrefix={`zone-${zone.id}`}
          schema={ZoneAttributesSchema}
          value={zone.attributes}
          lang={lang}
          hidden={
            zone.attributes.zoneType === 'construction_control_zone' ? ZONE_HIDDEN : ZONE_HIDDEN_NOT_CCZ
          }
          onCommit={(patch) => void workbench.run(updateZoneAttributes(zone.id, patch))}
          readOnly={readOnly}
        />
      </section>
    );
  }
  return (
    <section key={`object:${object.id}`} className="panel attributes" aria-label={t('objectAttributes')}>
      <h2>
        {t('objectAttributes')}: {object.attributes.name} ·{' '}
        {OBJECT_TYPE_LABELS[object.attributes.objectType][lang]}
      </h2>
      {objectZones.length > 0 && (
        <ul className="zone-list" aria-label={lang === 'zh' ? '该对象的区划' : 'Zones of this object'}>
          {objectZones.map((z) => (
            <li key={z.id}>
              <button
                type="button"
                onClick={() => workbench.select({ zoneIds: [z.id], objectId: object.id })}
              >
                {ZONE_TYPE_LABELS[z.attributes.zoneType][lang]}
                {z.attributes.subZoneNo ? ` ${z.attributes.subZoneNo}` : ''} —{' '}
                {formatArea(ellipsoidalArea(z.geometry), lang)}
              </button>
            </li>
          ))}
        </ul>
      )}
      <SchemaForm
        key={object.id}
        idPrefix={`object-${object.id}`}
        schema={ObjectAttributesSchema}
        value={object.attributes}
        lang={lang}
        hidden={object.attributes.objectType === 'relic_unit' ? undefined : NOT_RELIC}
        onCommit={(patch) => void commitObjectEdit(workbench, object.id, patch)}
        readOnly={readOnly}
      />
    </section>
  );
}

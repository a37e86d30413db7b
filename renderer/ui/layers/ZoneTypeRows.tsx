import { useId } from 'react';
import type { LayerListPrefs } from '../../../shared/domain/backgrounds';
import { DEFAULT_SYMBOLS } from '../../../shared/domain/symbology';
import { ZONE_TYPE_LABELS, ZONE_TYPES, type ZoneType } from '../../../shared/domain/taxonomy';
import type { Zone } from '../../../shared/domain/schema';
import { LABEL_FIELDS, useLayersText } from './layersText';

/** Zone types drawn on top first, as the map stacks them. */
const TOP_FIRST = [...ZONE_TYPES].sort((a, b) => DEFAULT_SYMBOLS[b].order - DEFAULT_SYMBOLS[a].order);

/**
 * The zone layers, pinned above every background: one checkbox per zone type in the project
 * (with its count and symbol colour), and the field the zones are labelled by.
 */
export function ZoneTypeRows({
  zones,
  prefs,
  onChange,
}: {
  zones: readonly Zone[];
  prefs: LayerListPrefs;
  onChange(next: LayerListPrefs): void;
}) {
  const { lang, l } = useLayersText();
  const labelId = useId();
  const counts = new Map<ZoneType, number>();
  for (const zone of zones)
    counts.set(zone.attributes.zoneType, (counts.get(zone.attributes.zoneType) ?? 0) + 1);
  const types = TOP_FIRST.filter((type) => counts.has(type));
  const setType = (type: ZoneType, visible: boolean) =>
    onChange({ ...prefs, zoneTypes: { ...prefs.zoneTypes, [type]: visible } });
  return (
    <fieldset className="zone-type-rows">
      <legend>{l('zoneLayers')}</legend>
      {types.length === 0 ? (
        <p className="muted">{l('noZones')}</p>
      ) : (
        <ul>
          {types.map((type) => {
            const label = ZONE_TYPE_LABELS[type][lang];
            return (
              <li key={type}>
                <label>
                  <input
                    type="checkbox"
                    checked={prefs.zoneTypes[type] !== false}
                    aria-label={`${l('show')} ${label}`}
                    onChange={(e) => setType(type, e.target.checked)}
                  />
                  <span
                    className="swatch"
                    style={{ borderColor: DEFAULT_SYMBOLS[type].stroke }}
                    aria-hidden="true"
                  />
                  {label} <span className="muted">({counts.get(type)})</span>
                </label>
              </li>
            );
          })}
        </ul>
      )}
      <label htmlFor={labelId}>{l('labelField')}</label>
      <select
        id={labelId}
        value={prefs.labelField ?? ''}
        onChange={(e) =>
          onChange({ ...prefs, labelField: (e.target.value || null) as LayerListPrefs['labelField'] })
        }
      >
        {LABEL_FIELDS.map((f) => (
          <option key={f.value ?? 'none'} value={f.value ?? ''}>
            {f.label[lang]}
          </option>
        ))}
      </select>
    </fieldset>
  );
}

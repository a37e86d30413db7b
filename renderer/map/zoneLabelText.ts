import { ZONE_TYPE_LABELS } from '../../shared/domain/taxonomy';
import type { Lang } from '../../shared/domain/labels';
import type { ProtectedObject, Zone } from '../../shared/domain/schema';
import type { LayerListPrefs } from '../../shared/domain/backgrounds';

/** What a zone's label shows (the layers panel's choice); null: no labels. */
export type LabelField = LayerListPrefs['labelField'];

/** The text of a zone's label on the map, in the chosen field and language. */
export function labelOf(
  zone: Zone,
  object: ProtectedObject | undefined,
  lang: Lang,
  field: LabelField,
): string {
  const type = ZONE_TYPE_LABELS[zone.attributes.zoneType][lang];
  const part = zone.attributes.subZoneNo ? ` ${zone.attributes.subZoneNo}` : '';
  switch (field) {
    case null:
      return '';
    case 'zoneType':
      return `${type}${part}`;
    case 'objectName':
      return object?.attributes.name ?? `${type}${part}`;
    case 'code':
      return object?.attributes.officialCode || `${type}${part}`;
    case 'name':
      return object ? `${object.attributes.name}\n${type}${part}` : `${type}${part}`;
  }
}

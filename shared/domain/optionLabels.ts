import type { OptionSet } from './fieldMeta';
import type { Bilingual } from './labels';
import {
  CCZ_CLASS_LABELS,
  OBJECT_TYPE_LABELS,
  PLACE_DESIGNATION_LABELS,
  PROTECTION_LEVEL_LABELS,
  PROVENANCE_METHOD_LABELS,
  RELIC_CATEGORY_LABELS,
  ZONE_STATUS_LABELS,
  ZONE_TYPE_LABELS,
} from './taxonomy';

/** Label tables by option set, so a form can render any enum field from its metadata alone. */
export const OPTION_LABELS: Record<OptionSet, Record<string, Bilingual>> = {
  zoneType: ZONE_TYPE_LABELS,
  zoneStatus: ZONE_STATUS_LABELS,
  cczClass: CCZ_CLASS_LABELS,
  objectType: OBJECT_TYPE_LABELS,
  protectionLevel: PROTECTION_LEVEL_LABELS,
  relicCategory: RELIC_CATEGORY_LABELS,
  placeDesignation: PLACE_DESIGNATION_LABELS,
  provenanceMethod: PROVENANCE_METHOD_LABELS,
};

import { ZONE_TYPES, ZONE_TYPE_LABELS, type ZoneType } from '../../domain/taxonomy';

/** A zone type from its code or its Chinese or English label, as other tools may have written it. */
export function resolveZoneType(value: unknown): ZoneType | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  const lower = text.toLowerCase();
  return (
    ZONE_TYPES.find(
      (t) => t === text || ZONE_TYPE_LABELS[t].zh === text || ZONE_TYPE_LABELS[t].en.toLowerCase() === lower,
    ) ?? null
  );
}

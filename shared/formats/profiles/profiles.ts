import type { FieldDef } from '../layer';
import type { ProfileId } from '../mapping/types';
import { FULL_FIELDS, FULL_PROFILE } from './full';
import { GENERIC_NAMES, GENERIC_PROFILE } from './generic';
import { LSWHBHX_PROFILE } from './lswhbhx';
import { ZXCQCSZX_PROFILE } from './zxcqcszx';
import type { FieldProfile } from './types';

const FULL_UPPER = new Set(FULL_FIELDS.map((f) => f.name.toUpperCase()));

export const PROFILES: Readonly<Record<ProfileId, FieldProfile>> = {
  full: FULL_PROFILE,
  generic: GENERIC_PROFILE,
  lswhbhx: LSWHBHX_PROFILE,
  zxcqcszx: ZXCQCSZX_PROFILE,
};

/**
 * The profile a layer's fields were most likely written with: LSWHBHX when BSM and YSDM are
 * there, generic when a short name of ours that no full name shares is there (OBJ_NAME, BNDRY_TEXT…), full otherwise.
 */
export function detectProfile(fields: readonly FieldDef[]): ProfileId {
  const names = new Set(fields.map((f) => f.name.toUpperCase()));
  if (names.has('BSM') && names.has('YSDM')) return 'lswhbhx';
  const short = Object.values(GENERIC_NAMES).filter((n) => !FULL_UPPER.has(n));
  return short.some((n) => names.has(n)) ? 'generic' : 'full';
}

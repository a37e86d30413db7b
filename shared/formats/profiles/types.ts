import type { Bilingual } from '../../domain/labels';
import type { ProjectSettingsInput } from '../../domain/schema';
import type { FieldDef, Properties } from '../layer';
import type { LswhbhxOptions, ProfileId } from '../mapping/types';

/** A full-profile record: the GeoJSON property names of docs/formats.md with their values. */
export type FullRecord = Record<string, unknown>;

export interface ProfileContext {
  /** 0-based position of the zone in the export (for sequence numbers such as BSM). */
  index: number;
  settings: ProjectSettingsInput;
  /** Ellipsoidal area of the zone in m². */
  areaM2: number;
  lswhbhx: LswhbhxOptions;
}

/**
 * A field profile names and fills a layer's attribute table: `write` turns the full record of a
 * zone into the profile's fields. Import finds fields by name for every profile
 * (mapping/matchFields.ts); `read` recovers what no single field holds (LSWHBHX: the object
 * name and zone type inside the remark BZ).
 */
export interface FieldProfile {
  id: ProfileId;
  label: Bilingual;
  fields(options: { lswhbhx: LswhbhxOptions }): FieldDef[];
  write(full: FullRecord, context: ProfileContext): Properties;
  read?(properties: Properties): FullRecord;
}

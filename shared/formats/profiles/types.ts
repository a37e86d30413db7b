import type { Bilingual } from '../../domain/labels';
import type { ZoneType } from '../../domain/taxonomy';
import type { ProjectSettingsInput } from '../../domain/schema';
import type { FieldDef, Properties } from '../layer';
import type { LswhbhxOptions, ProfileId } from '../mapping/types';

/** A full-profile record: the GeoJSON property names of docs/formats.md with their values. */
export type FullRecord = Record<string, unknown>;

export interface ProfileContext {
  /** 0-based position of the feature in the export (for sequence numbers such as BSM). */
  index: number;
  settings: ProjectSettingsInput;
  /** Ellipsoidal area of the feature in m² (one part of the zone for single-part profiles). */
  areaM2: number;
  /** Options of the planning-database profiles (LSWHBHX, ZXCQCSZX). */
  lswhbhx: LswhbhxOptions;
  /** BSM of this feature when the zone keeps one from the database (mapping/databaseBsm.ts). */
  bsm?: string;
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
  /** Name of the layer written; default the project name. */
  layerName?: string;
  /** Zone types the layer holds (a planning-database layer); absent: every zone. */
  zoneTypes?: readonly ZoneType[];
  /** One feature per polygon part: the database QC refuses multipart features. */
  singlePart?: boolean;
  /** 要素代码 written when the options give none (planning-database layers). */
  ysdm?: string;
  fields(options: { lswhbhx: LswhbhxOptions }): FieldDef[];
  write(full: FullRecord, context: ProfileContext): Properties;
  read?(properties: Properties): FullRecord;
}

import type { ObjectAttributes, ProjectSettingsInput, ZoneAttributes } from '../domain/schema';
import type { ZoneGeometry } from '../domain/geometry';

/**
 * A project's content independent of any database: what project files hold, what GeoJSON import
 * produces, and what the sample builder makes. Ids are the document's own; the store may assign
 * new ones when they collide with records already stored.
 */
export interface DocumentObject {
  id: string;
  attributes: ObjectAttributes;
  createdAt: string;
  updatedAt: string;
}

export interface DocumentZone {
  id: string;
  objectId: string;
  attributes: ZoneAttributes;
  geometry: ZoneGeometry;
  createdAt: string;
  updatedAt: string;
}

export interface ProjectDocument {
  settings: ProjectSettingsInput;
  objects: DocumentObject[];
  zones: DocumentZone[];
}

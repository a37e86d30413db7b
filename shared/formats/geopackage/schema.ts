import type { Database } from './sqlite';
import { spatialRefSys, REQUIRED_SRS, type SpatialRefSys } from './spatialRefSys';

/** 'GPKG' as a 32-bit big-endian integer, the SQLite application_id of every GeoPackage. */
export const GPKG_APPLICATION_ID = 0x47504b47;
/** GeoPackage 1.3.x in the SQLite user_version header field. */
export const GPKG_USER_VERSION = 10300;

/** The core tables of OGC 12-128r18 (§1.1.2, §1.1.3, §2.1.5), exactly as the spec defines them. */
const CORE_DDL = `
CREATE TABLE gpkg_spatial_ref_sys (
  srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
  organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
CREATE TABLE gpkg_contents (
  table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
  description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
CREATE TABLE gpkg_geometry_columns (
  table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
  CONSTRAINT uk_gc_table_name UNIQUE (table_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
`;

/** Turn an empty database into an empty GeoPackage with the required SRS rows and 4490. */
export function initGeoPackage(db: Database): void {
  db.run(`PRAGMA application_id = ${GPKG_APPLICATION_ID}`);
  db.run(`PRAGMA user_version = ${GPKG_USER_VERSION}`);
  db.run(CORE_DDL);
  for (const srs of REQUIRED_SRS) insertSrs(db, srs);
}

function insertSrs(db: Database, srs: SpatialRefSys): void {
  db.run(
    'INSERT OR IGNORE INTO gpkg_spatial_ref_sys (srs_name, srs_id, organization, organization_coordsys_id, definition, description) VALUES (?, ?, ?, ?, ?, ?)',
    [srs.srsName, srs.srsId, srs.organization, srs.organizationCoordsysId, srs.definition, srs.description],
  );
}

/** Make sure an SRS row exists for the code; returns the srs_id to reference. */
export function ensureSrs(db: Database, epsg: number | null): number {
  const srs = spatialRefSys(epsg);
  insertSrs(db, srs);
  return srs.srsId;
}

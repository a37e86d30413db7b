/** Marks GeoJSON written by the workbench (foreign member `hzw`); other GeoJSON is read too. */
export const GEOJSON_FORMAT = 'heritage-zone-workbench-geojson';
export const GEOJSON_VERSION = 1;

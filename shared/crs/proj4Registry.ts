import proj4 from 'proj4';
import { registerCrsDefinitions } from './definitions';

let registered = false;

/**
 * The proj4 instance with every bundled definition registered (CGCS2000, its Gauss-Krüger
 * zones, UTM). OpenLayers is handed this instance so the map knows the same systems as exports.
 */
export function proj4WithBundledDefinitions(): typeof proj4 {
  if (!registered) {
    registerCrsDefinitions((name, definition) => proj4.defs(name, definition));
    registered = true;
  }
  return proj4;
}

/**
 * Register a definition that has no EPSG code we bundle (a GeoTIFF's user-defined keys, a .prj)
 * under a stable code of its own, `HZW:<hash of the definition>`, and return that code. The map
 * hands the same proj4 instance to OpenLayers again afterwards, so both know it by that code.
 */
export function defineCrs(definition: string): string {
  const proj4 = proj4WithBundledDefinitions();
  let hash = 0x811c9dc5;
  for (let i = 0; i < definition.length; i++) hash = Math.imul(hash ^ definition.charCodeAt(i), 0x01000193);
  const code = `HZW:${(hash >>> 0).toString(16).padStart(8, '0')}`;
  if (!proj4.defs(code)) proj4.defs(code, definition);
  return code;
}

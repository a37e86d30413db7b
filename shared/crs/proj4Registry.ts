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

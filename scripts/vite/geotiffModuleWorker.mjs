/**
 * geotiff.js (OpenLayers' GeoTIFF source) starts its tile decoders from a `blob:` URL (or a
 * `data:` URL under Node), which our Content-Security-Policy (`worker-src 'self'`) blocks, so every
 * tile would fail. This build plugin replaces that one factory module with a same-origin module
 * worker on geotiff's own `decoder.js`; Vite then bundles the decoder as a worker chunk served
 * from our origin. Nothing is added to the CSP and no dependency is added.
 */
const CREATE = /[\\/]geotiff[\\/]dist-module[\\/]worker[\\/]create\.js$/;

export const GEOTIFF_WORKER_FACTORY = [
  '/* Same-origin module worker (scripts/vite/geotiffModuleWorker.mjs). */',
  'export default function create() {',
  "  return new Worker(new URL('./decoder.js', import.meta.url), { type: 'module' });",
  '}',
  '',
].join('\n');

/** @returns {import('vite').Plugin} */
export function geotiffModuleWorker() {
  return {
    name: 'hzw-geotiff-module-worker',
    enforce: 'pre',
    load(id) {
      return CREATE.test(id.split('?')[0]) ? GEOTIFF_WORKER_FACTORY : null;
    },
  };
}

import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';
import { contentSecurityPolicy } from './shared/security/csp.ts';
import { geotiffModuleWorker } from './scripts/vite/geotiffModuleWorker.mjs';
import { readWebSettings } from './scripts/webSettings.ts';

const root = resolve(import.meta.dirname, 'renderer');
// HZW_RENDERER_OUT lets parallel developers build and serve separate copies.
const outDir = resolve(import.meta.dirname, process.env.HZW_RENDERER_OUT ?? 'out/renderer');

/**
 * Tile-service origins for web mode: the local settings file (HZW_WEB_SETTINGS, default
 * ./hzw-web.local.json: {"tileOrigins": […]}) plus HZW_TILE_ORIGINS="https://a.example …".
 */
const webSettings = readWebSettings(process.env, import.meta.dirname);
const tileOrigins = webSettings.tileOrigins;

const securityHeaders = {
  'Content-Security-Policy': contentSecurityPolicy(tileOrigins),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/**
 * The renderer's build, shared by the desktop app (electron.vite.config.ts) and web mode
 * (`vite build|preview --config vite.web.config.ts`), so both serve the very same bundle.
 */
export const rendererConfig: UserConfig = {
  root,
  base: './',
  // A missing file is a 404, not the app's index page: the basemap loader and tests rely on it.
  appType: 'mpa',
  plugins: [react(), geotiffModuleWorker()],
  publicDir: resolve(import.meta.dirname, 'resources/public'),
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: { input: resolve(root, 'index.html') },
  },
  worker: { format: 'es' },
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  preview: {
    host: '127.0.0.1',
    port: Number(process.env.PORT ?? 5173),
    strictPort: true,
    headers: securityHeaders,
  },
};

export default defineConfig(rendererConfig);

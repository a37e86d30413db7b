import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './vite.web.config.ts';

// electron-vite looks in src/ by default; our layout puts main and preload under electron/ and
// the React app under renderer/. The preload is emitted as CommonJS so the window can keep
// sandbox: true (a sandboxed preload cannot be an ES module).
export default defineConfig({
  main: {
    build: {
      // Bundle main's few libraries (zod) so the package ships no node_modules at all.
      externalizeDeps: false,
      outDir: 'out/main',
      lib: { entry: resolve(import.meta.dirname, 'electron/main/index.ts') },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      lib: { entry: resolve(import.meta.dirname, 'electron/preload/index.ts') },
      rolldownOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: rendererConfig,
});

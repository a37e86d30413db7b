import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

// The `hzw` command line (scripts/hzw) as two Node ES modules in out/cli: the entry and the
// worker that parses and writes off the main thread. Dependencies are bundled (CommonJS ones
// such as geographiclib-geodesic need the bundler's interop), Node built-ins stay external.
export default defineConfig({
  ssr: { noExternal: true },
  build: {
    ssr: true,
    outDir: 'out/cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: {
      input: { hzw: 'scripts/hzw/main.ts', worker: 'scripts/hzw/worker.ts' },
      output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: 'chunks/[name]-[hash].mjs' },
      external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
    },
  },
});

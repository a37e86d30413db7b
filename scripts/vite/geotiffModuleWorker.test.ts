import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import { geotiffModuleWorker } from './geotiffModuleWorker.mjs';

/**
 * The plugin against a real Vite build of geotiff's decoder pool (what ol/source/GeoTIFF creates):
 * without it the bundle starts its decoders from a blob: URL (blocked by `worker-src 'self'`);
 * with it the decoder is a separate same-origin worker file and no blob: worker is left.
 */
async function bundle(plugins: ReturnType<typeof geotiffModuleWorker>[]): Promise<Record<string, string>> {
  const dir = mkdtempSync(join(tmpdir(), 'hzw-geotiff-worker-'));
  const entry = join(dir, 'entry.js');
  writeFileSync(entry, "import { Pool } from 'geotiff';\nexport const pool = () => new Pool(1);\n");
  const outDir = join(dir, 'out');
  await build({
    configFile: false,
    logLevel: 'silent',
    root: dir,
    resolve: { alias: { geotiff: resolve(import.meta.dirname, '../../node_modules/geotiff') } },
    plugins,
    worker: { format: 'es' },
    build: { outDir, lib: { entry, formats: ['es'], fileName: 'entry' }, minify: false },
  });
  const files: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }))
      if (e.isDirectory()) walk(join(d, e.name));
      else if (/\.m?js$/.test(e.name)) files[e.name] = readFileSync(join(d, e.name), 'utf8');
  };
  walk(outDir);
  rmSync(dir, { recursive: true, force: true });
  return files;
}

describe('geotiffModuleWorker', () => {
  it(
    'turns the blob: decoder worker into a same-origin module worker file',
    { timeout: 120_000 },
    async () => {
      const without = await bundle([]);
      expect(Object.values(without).join('\n')).toMatch(/createObjectURL\(new Blob\(\[source\]/);

      const withPlugin = await bundle([geotiffModuleWorker()]);
      const all = Object.values(withPlugin).join('\n');
      expect(all).not.toMatch(/createObjectURL\(new Blob/);
      expect(all).toMatch(
        /new Worker\(new URL\(\s*(\/\*[^*]*\*\/\s*)?"[^"]*decoder-\w+\.js",[^)]*import\.meta\.url\s*\),\s*\{ type: "module" \}/,
      );
      const worker = Object.entries(withPlugin).find(([name]) => /^decoder-/.test(name));
      expect(worker, Object.keys(withPlugin).join(', ')).toBeDefined();
      // The worker file holds geotiff's decoder registry (e.g. the DEFLATE decoder), not a stub.
      expect(worker![1]).toMatch(/postMessage/);
    },
  );
});

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Helpers of the report tests (a test file, because only tests may use node:*): files in a temp
 * folder, Chromium's parse of an HTML file, poppler and GDAL as the independent readers.
 */
const dir = mkdtempSync(join(tmpdir(), 'hzw-report-'));
let files = 0;

export function saveTemp(name: string, bytes: Uint8Array | string): string {
  const path = join(dir, `${files++}-${name}`);
  writeFileSync(path, bytes);
  return path;
}

/** The DOM Chromium builds from an HTML file, serialised (what a browser makes of our markup). */
export function chromiumDom(path: string): string {
  return execFileSync(
    'chromium',
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--user-data-dir=' + join(dir, 'chromium'),
      '--dump-dom',
      `file://${path}`,
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 60_000 },
  );
}

/** A poppler tool's output; anything on stderr (a repaired file) fails. */
export function popplerOut(tool: string, args: string[]): string {
  const run = spawnSync(tool, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (run.status !== 0 || run.stderr) throw new Error(`${tool}: ${run.status} ${run.stderr}`);
  return run.stdout;
}

/** GDAL's rows of one XLSX sheet as GeoJSON properties (exact strings and numbers). */
export function xlsxRows(path: string, sheet: string): Record<string, unknown>[] {
  const json = execFileSync(
    'ogr2ogr',
    ['--config', 'OGR_XLSX_HEADERS', 'FORCE', '-f', 'GeoJSON', '/vsistdout/', path, sheet],
    { encoding: 'utf8' },
  );
  return (JSON.parse(json) as { features: { properties: Record<string, unknown> }[] }).features.map(
    (f) => f.properties,
  );
}

describe('report test helpers', () => {
  it('have Chromium to parse HTML', () => {
    const path = saveTemp('probe.html', '<!DOCTYPE html><p>&lt;b&gt;</p>');
    expect(chromiumDom(path)).toContain('<p>&lt;b&gt;</p>');
  });
});

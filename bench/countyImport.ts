import { expect, type Page } from '@playwright/test';
import type { ImportSteps } from './countyReport';

/**
 * The county bench's import: its references (JSON.parse of the file, one IndexedDB transaction of
 * its features), measured in the same page first, and the import itself through the import dialog
 * with the app's `hzw:import-*` marks splitting it into steps.
 */

/**
 * The import's references, measured in the same page before the import: JSON.parse of the file,
 * and writing its features as records in one IndexedDB transaction (a database of its own).
 */
export async function importReferences(page: Page, path: string): Promise<{ parse: number; write: number }> {
  await page.route('**/__bench/county.geojson', (route) =>
    route.fulfill({ path, contentType: 'application/json' }),
  );
  return page.evaluate(async () => {
    const text = await (await fetch('./__bench/county.geojson')).text();
    const t0 = performance.now();
    const data = JSON.parse(text) as { features: object[] };
    const parse = performance.now() - t0;
    const records = data.features.map((f, i) => ({ id: `ref-${i}`, ...f }));
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('hzw-bench-reference', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('zones', { keyPath: 'id' });
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const t1 = performance.now();
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('zones', 'readwrite');
      for (const record of records) tx.objectStore('zones').put(record);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    const write = performance.now() - t1;
    db.close();
    return { parse, write };
  });
}

/**
 * Import the file through the import dialog: file chosen → preview → accept → every zone on the
 * map. Returns the whole (ms) and its steps, all on the page's clock; `during` wraps accept →
 * listed (a profile or trace of that phase).
 */
export async function importThroughDialog(
  page: Page,
  path: string,
  count: number,
  during: (run: () => Promise<void>) => Promise<void>,
): Promise<{ importMs: number; steps: ImportSteps }> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '导入', exact: true }).click();
  const picked = await page.evaluate(() => performance.now());
  await (await chooser).setFiles(path);
  const accept = page
    .getByRole('dialog', { name: '导入预览' })
    .getByRole('button', { name: `导入 ${count} 个区划` });
  // Checked every frame: expect().toBeEnabled() polls at up to 1 s and counted its own wait
  // (0.3–0.5 s) as the import's.
  await page.waitForFunction(
    (name) =>
      [...document.querySelectorAll('dialog[open] button')].some(
        (b) => b.textContent === name && !(b as HTMLButtonElement).disabled,
      ),
    `导入 ${count} 个区划`,
    { polling: 'raf', timeout: 600_000 },
  );
  await expect(accept).toBeEnabled();
  let listed = NaN;
  await during(async () => {
    await accept.click();
    const at = await page.waitForFunction(
      (n) =>
        Number(document.querySelector('[data-testid="map"]')?.getAttribute('data-zones')) === n
          ? performance.now()
          : 0,
      count,
      { timeout: 600_000, polling: 100 },
    );
    listed = (await at.jsonValue()) as number;
  });
  const marks = await page.evaluate(() => {
    const at = (name: string) => performance.getEntriesByName(name).at(-1)?.startTime ?? NaN;
    return {
      files: at('hzw:import-files'),
      previewed: at('hzw:import-previewed'),
      accept: at('hzw:import-accept'),
      committed: at('hzw:import-committed'),
    };
  });
  return {
    importMs: listed - picked,
    steps: {
      chosenToFiles: marks.files - picked,
      filesToPreview: marks.previewed - marks.files,
      previewToAccept: marks.accept - marks.previewed,
      acceptToCommitted: marks.committed - marks.accept,
      committedToListed: listed - marks.committed,
    },
  };
}

import type { Page } from '@playwright/test';
import { expect, openWorkbench, test } from './fixtures/test';

/**
 * Zoomed out to an overview, where zones are specks, each protected object shows as a red dot with
 * its name above it in a white halo (drawn once per name as a picture: objectMarkers.ts).
 */

/** Map pixels in the marker names' dark red (#5a0000), their anti-aliased edges left out. */
async function namePixels(page: Page): Promise<number> {
  const png = await page.getByTestId('map').screenshot();
  return page.evaluate(
    async (bytes) => {
      const bitmap = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      const data = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
      let count = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (Math.abs(data[i]! - 0x5a) < 24 && data[i + 1]! < 24 && data[i + 2]! < 24) count++;
      }
      return count;
    },
    [...png],
  );
}

test('at an overview the protected objects show as dots named in dark red; zoomed in, as their zones', async ({
  page,
}) => {
  await openWorkbench(page);
  // The sample project opens at an overview of its seven objects.
  await expect.poll(() => namePixels(page)).toBeGreaterThan(7 * 20);
  const zoomIn = page.getByRole('toolbar', { name: '工具栏' }).getByRole('button', { name: '放大' });
  for (let i = 0; i < 3; i++) await zoomIn.click();
  await expect.poll(() => namePixels(page)).toBe(0);
});

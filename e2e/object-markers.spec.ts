import type { Page } from '@playwright/test';
import { mapPixelsNear } from './fixtures/mapPixels';
import { expect, openWorkbench, test } from './fixtures/test';

/**
 * Zoomed out to an overview, where zones are specks, each protected object shows as a red dot with
 * its name above it in a white halo (drawn once per name as a picture: objectMarkers.ts).
 */

/** Map pixels in the marker names' dark red (#5a0000), their anti-aliased edges left out. */
const namePixels = (page: Page) => mapPixelsNear(page, [0x5a, 0, 0], 24);

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

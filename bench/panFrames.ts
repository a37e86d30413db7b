import type { Page } from '@playwright/test';
import { fmt, median } from './report';

/** Start recording the page's frame intervals (window.__frames, until window.__stop). */
export async function startFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __stop: boolean };
    w.__frames = [];
    w.__stop = false;
    let last = performance.now();
    const tick = (t: number) => {
      w.__frames.push(t - last);
      last = t;
      if (!w.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/** Frame intervals (ms) while the user pans and zooms with the mouse over the map. */
export async function panZoomFrames(page: Page): Promise<number[]> {
  const box = (await page.getByTestId('map').boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await startFrames(page);
  // One drag there and back, then two wheel steps in and out: few gestures, because software
  // WebGL (no GPU on CI machines) can take seconds per frame with a county layer on screen.
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  for (let i = 1; i <= 6; i++) await page.mouse.move(cx + i * 20, cy + i * 10);
  for (let i = 5; i >= 0; i--) await page.mouse.move(cx + i * 20, cy + i * 10);
  await page.mouse.up();
  for (const delta of [-120, -120, 120, 120]) {
    await page.mouse.wheel(0, delta);
    await page.waitForTimeout(80);
  }
  return page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __stop: boolean };
    w.__stop = true;
    return w.__frames.slice(1);
  });
}

export const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;

/** "12.3 ms median, 20.1 ms p95, 40.0 ms worst (57 frames)". */
export const frameRow = (frames: number[]) =>
  `${fmt(median(frames))} median, ${fmt(percentile(frames, 0.95))} p95, ${fmt(Math.max(...frames))} worst (${frames.length} frames)`;

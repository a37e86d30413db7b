import type { CDPSession, Page } from '@playwright/test';
import { median } from './report';
import { startFrames } from './panFrames';
import type { Gesture } from './countyReport';

/**
 * The county bench's gestures and their measure: frames from requestAnimationFrame, long tasks
 * from PerformanceObserver, main-thread time from CDP's TaskDuration, React renders from the
 * app's bench counter.
 */

export function install() {
  const w = window as unknown as Record<string, unknown>;
  w.__hzwRenders = {};
  w.__hzwBench = {};
  const tasks: { start: number; duration: number }[] = [];
  w.__longtasks = tasks;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
}

export async function taskSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  return metrics.find((m) => m.name === 'TaskDuration')!.value;
}

/**
 * Run a gesture and measure its frames, long tasks, main-thread time and React renders. The
 * gesture may call `mark(moves)` once: the time per move after that point is reported apart
 * (a drag's steady moves, without its press and first move).
 */
export async function measure(
  page: Page,
  cdp: CDPSession,
  gesture: (mark: (moves: number) => Promise<void>) => Promise<number>,
): Promise<Gesture> {
  await startFrames(page);
  const before = await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    return { at: performance.now(), renders: { ...(w.__hzwRenders as Record<string, number>) } };
  });
  const t0 = await taskSeconds(cdp);
  const marks: { at: number; moves: number }[] = [];
  const moves = await gesture(async (n) => {
    marks.push({ at: await taskSeconds(cdp), moves: n });
  });
  const t1 = await taskSeconds(cdp);
  const steady = marks[0];
  const after = await page.evaluate((since) => {
    const w = window as unknown as Record<string, unknown> & { __frames: number[]; __stop: boolean };
    w.__stop = true;
    const tasks = (w.__longtasks as { start: number; duration: number }[]).filter((t) => t.start >= since);
    return {
      frames: w.__frames.slice(1),
      longest: Math.max(0, ...tasks.map((t) => t.duration)),
      renders: { ...(w.__hzwRenders as Record<string, number>) },
    };
  }, before.at);
  const diff = (name: string) => (after.renders[name] ?? 0) - (before.renders[name] ?? 0);
  const panels = Object.keys(after.renders).filter((n) => n !== 'StatusBar');
  return {
    moves,
    frameMedian: median(after.frames),
    longest: after.longest,
    mainPerMove: ((t1 - t0) * 1000) / moves,
    steadyPerMove: steady ? ((t1 - steady.at) * 1000) / (moves - steady.moves) : undefined,
    rendersPerMove: panels.reduce((sum, n) => sum + diff(n), 0) / moves,
    statusBarPerMove: diff('StatusBar') / moves,
  };
}

export async function mapBox(page: Page) {
  return (await page.getByTestId('map').boundingBox())!;
}

export async function pan(page: Page): Promise<number> {
  const box = await mapBox(page);
  const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  let moves = 0;
  for (let i = 1; i <= 10; i++, moves++) await page.mouse.move(cx + i * 15, cy + i * 8);
  for (let i = 9; i >= 0; i--, moves++) await page.mouse.move(cx + i * 15, cy + i * 8);
  await page.mouse.up();
  await page.waitForTimeout(300);
  return moves;
}

export async function hover(page: Page): Promise<number> {
  const box = await mapBox(page);
  let moves = 0;
  for (let i = 0; i < 20; i++, moves++) {
    await page.mouse.move(box.x + 100 + i * 30, box.y + 150 + (i % 2) * 40 + i * 10);
  }
  await page.waitForTimeout(300);
  return moves;
}

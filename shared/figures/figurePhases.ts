/**
 * The phases of a figure PDF export as User Timing measures (DevTools' Timings track; the figures
 * benchmark sums them): each page's backgrounds rendered, its layout and PDF written in the worker
 * (and the file's end), and the bytes handed to the export file.
 */
export const FIGURE_PHASES = {
  background: 'hzw-figure: background',
  compose: 'hzw-figure: compose',
  write: 'hzw-figure: write',
} as const;

/** Run `work` timed as one measure of that phase (failed or cancelled work is measured too). */
export async function figurePhase<T>(name: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    performance.measure(name, { start, end: performance.now() });
  }
}

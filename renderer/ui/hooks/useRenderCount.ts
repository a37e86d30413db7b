/**
 * Counts a component's renders when the page asks for it (the benchmarks set
 * `window.__hzwRenders = {}` before the app starts): the bench checks that a pointer move renders
 * no panel. Costs one property read otherwise.
 */
export function useRenderCount(name: string): void {
  const counts = (globalThis as { __hzwRenders?: Record<string, number> }).__hzwRenders;
  if (counts) counts[name] = (counts[name] ?? 0) + 1;
}

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession } from '@playwright/test';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';

/**
 * CPU profiles of the page for the benches (BENCH_PROFILE=1): Chromium's sampling profiler over
 * CDP around one phase, saved as `.cpuprofile` (open in DevTools) and summarised as the functions
 * with the most self time, mapped through the build's source maps to our file and line.
 */
interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}
export interface Profile {
  nodes: Node[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const DIR = 'test-results/profiles';

export async function startProfile(cdp: CDPSession): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
}

/** Stop, save and summarise; returns the summary (top self-time functions and inclusive totals). */
export async function stopProfile(cdp: CDPSession, name: string, top = 25): Promise<string> {
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  return saveProfile(profile, name, top);
}

/** Save a profile (`.cpuprofile` and its summary) and return the summary. */
export function saveProfile(profile: Profile, name: string, top = 25): string {
  mkdirSync(DIR, { recursive: true });
  writeFileSync(join(DIR, `${name}.cpuprofile`), JSON.stringify(profile));
  const summary = summarise(profile, top);
  writeFileSync(join(DIR, `${name}.txt`), summary);
  return summary;
}

const maps = new Map<string, TraceMap | null>();
function traceMap(url: string): TraceMap | null {
  if (maps.has(url)) return maps.get(url)!;
  let map: TraceMap | null = null;
  const m = url.match(/\/(assets\/[^?#]+\.js)$/);
  if (m) {
    try {
      map = new TraceMap(
        readFileSync(join(process.env.HZW_RENDERER_OUT ?? 'out/renderer', `${m[1]}.map`), 'utf8'),
      );
    } catch {
      map = null;
    }
  }
  maps.set(url, map);
  return map;
}

function where(frame: Node['callFrame']): string {
  const map = frame.url ? traceMap(frame.url) : null;
  if (map && frame.lineNumber >= 0) {
    const pos = originalPositionFor(map, { line: frame.lineNumber + 1, column: frame.columnNumber });
    if (pos.source) {
      const source = pos.source.replace(/^.*?(node_modules\/|renderer\/|shared\/)/, '$1');
      return `${pos.name ?? frame.functionName ?? '(anon)'} ${source}:${pos.line}`;
    }
  }
  return `${frame.functionName || '(anon)'} ${frame.url.split('/').pop() ?? ''}:${frame.lineNumber + 1}`;
}

function summarise(profile: Profile, top: number): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const selfBy = new Map<string, number>();
  const totalBy = new Map<string, number>();
  for (const [id, us] of self) {
    const node = byId.get(id)!;
    const key = where(node.callFrame);
    selfBy.set(key, (selfBy.get(key) ?? 0) + us);
    // Inclusive: each distinct function on the stack once.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const k = where(byId.get(at)!.callFrame);
      if (seen.has(k)) continue;
      seen.add(k);
      totalBy.set(k, (totalBy.get(k) ?? 0) + us);
    }
  }
  const total = (profile.endTime - profile.startTime) / 1000;
  const list = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, us]) => `${(us / 1000).toFixed(1).padStart(9)} ms  ${k}`)
      .join('\n');
  return `profile ${total.toFixed(0)} ms\n-- self --\n${list(selfBy)}\n-- inclusive --\n${list(totalBy)}\n`;
}

/**
 * Chromium trace events around one phase (BENCH_TRACE=1): what the page's main thread did in
 * native code (canvas raster, paint, layout) that a JS profile shows only as "(program)".
 */
export async function startTrace(cdp: CDPSession): Promise<void> {
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink,cc,gpu,skia',
    transferMode: 'ReportEvents',
  } as never);
}

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  tid: number;
  pid: number;
  args?: { name?: string };
}

export async function stopTrace(cdp: CDPSession, name: string, top = 30): Promise<string> {
  const events: TraceEvent[] = [];
  cdp.on(
    'Tracing.dataCollected' as never,
    ((e: { value: TraceEvent[] }) => events.push(...e.value)) as never,
  );
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete' as never, () => resolve()));
  await cdp.send('Tracing.end');
  await done;
  mkdirSync(DIR, { recursive: true });
  writeFileSync(join(DIR, `${name}.trace.json`), JSON.stringify(events));
  const threads = new Map<string, string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  const byName = new Map<string, number>();
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur) continue;
    const thread = threads.get(`${e.pid}:${e.tid}`) ?? '?';
    const key = `${thread} ${e.name}`;
    byName.set(key, (byName.get(key) ?? 0) + e.dur);
  }
  const summary = [...byName]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, us]) => `${(us / 1000).toFixed(1).padStart(9)} ms  ${k}`)
    .join('\n');
  writeFileSync(join(DIR, `${name}.trace.txt`), summary);
  return `trace (inclusive per event name)\n${summary}\n`;
}

interface HeapNode {
  callFrame: Node['callFrame'];
  selfSize: number;
  children: HeapNode[];
}

/**
 * The heap's live objects by the code that allocated them (BENCH_HEAP=1): Chromium's sampling heap
 * profiler runs from `startHeapSampling` on, and `stopHeapSampling` lists what is still alive, by
 * allocating function and by the first of our own frames on its stack.
 */
export async function startHeapSampling(cdp: CDPSession): Promise<void> {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.startSampling', { samplingInterval: 16_384 });
}

export async function stopHeapSampling(cdp: CDPSession, name: string, top = 30): Promise<string> {
  const { profile } = (await cdp.send('HeapProfiler.getSamplingProfile')) as { profile: { head: HeapNode } };
  await cdp.send('HeapProfiler.stopSampling');
  mkdirSync(DIR, { recursive: true });
  writeFileSync(join(DIR, `${name}.heapprofile`), JSON.stringify(profile));
  const selfBy = new Map<string, number>();
  const oursBy = new Map<string, number>();
  const walk = (node: HeapNode, ours: string | null) => {
    const at = where(node.callFrame);
    const mine = /\b(renderer|shared)\//.test(at) ? at : ours;
    selfBy.set(at, (selfBy.get(at) ?? 0) + node.selfSize);
    if (node.selfSize)
      oursBy.set(
        mine ?? '(outside our code)',
        (oursBy.get(mine ?? '(outside our code)') ?? 0) + node.selfSize,
      );
    for (const child of node.children) walk(child, mine);
  };
  walk(profile.head, null);
  const list = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, bytes]) => `${(bytes / 2 ** 20).toFixed(1).padStart(8)} MB  ${k}`)
      .join('\n');
  return `-- live, by allocating function --\n${list(selfBy)}\n-- live, by our innermost frame --\n${list(oursBy)}\n`;
}

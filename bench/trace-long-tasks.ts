/**
 * Reads a Chrome trace (BENCH_ONLY=dashboard BENCH_TRACE=name npm run bench) and lists the page's
 * main-thread tasks longer than a threshold: what ran in each (timers, frames, messages, layout,
 * paint, GC) and where its JavaScript samples fell.
 *
 *   node --import tsx bench/trace-long-tasks.ts name-1000000.json [threshold ms, default 30]
 */
import { readFileSync } from 'node:fs';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time: what the task cost without the waits a loaded machine adds. */
  tdur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: { name?: string; data?: Record<string, unknown> };
}
interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

const [file, thresholdText] = process.argv.slice(2);
if (!file) throw new Error('usage: trace-long-tasks.ts trace.json [threshold ms]');
const threshold = Number(thresholdText ?? 30) * 1000;
const parsed = JSON.parse(readFileSync(file, 'utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;

// The renderer main thread with the most work: the bench page's.
const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
const busy = (pid: number, tid: number) => events.reduce((sum, e) => sum + (e.pid === pid && e.tid === tid && e.name === 'RunTask' ? (e.dur ?? 0) : 0), 0);
const main = mains.map((m) => ({ pid: m.pid, tid: m.tid, busy: busy(m.pid, m.tid) })).sort((a, b) => b.busy - a.busy)[0];
if (!main) throw new Error('No renderer main thread in the trace.');
const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid);

// JS samples of the main thread: Profile / ProfileChunk events.
const nodes = new Map<number, ProfileNode>();
const samples: { time: number; node: number }[] = [];
const profileIds = new Set(events.filter((e) => e.name === 'Profile' && e.pid === main.pid && e.tid === main.tid).map((e) => e.id));
let clock = 0;
for (const e of events) {
  if (e.name === 'Profile' && profileIds.has(e.id)) clock = (e.args?.data?.startTime as number) ?? e.ts;
  if (e.name !== 'ProfileChunk' || !profileIds.has(e.id)) continue;
  const data = e.args?.data as { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] };
  for (const node of data.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
  const deltas = data.timeDeltas ?? [];
  (data.cpuProfile?.samples ?? []).forEach((node, index) => {
    clock += deltas[index] ?? 0;
    samples.push({ time: clock, node });
  });
}
const frameName = (node: ProfileNode | undefined) => {
  if (!node) return '?';
  const { functionName, url, lineNumber } = node.callFrame;
  return `${functionName || '(anonymous)'} ${(url ?? '').split('/').pop()}:${lineNumber + 1}`;
};
/** The innermost frame that is not a generic one (Lit's, ECharts' and zrender's internals stay named by their caller's chain). */
const stackOf = (id: number): string[] => {
  const out: string[] = [];
  for (let node = nodes.get(id); node; node = node.parent === undefined ? undefined : nodes.get(node.parent)) out.push(frameName(node));
  return out;
};

// From the bench's mark on (the element's set-up before it is not measured either).
const mark = onMain.find((e) => e.name === 'cr-bench-load');
const start = mark?.ts ?? Math.min(...onMain.filter((e) => e.ph === 'X').map((e) => e.ts));
const all = onMain.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.ts + (e.dur ?? 0) > start);
const tasks = all.filter((e) => (e.dur ?? 0) >= threshold).sort((a, b) => a.ts - b.ts);
const cpu = (e: TraceEvent) => e.tdur ?? e.dur ?? 0;
const longest = (list: TraceEvent[], of: (e: TraceEvent) => number) => (Math.max(0, ...list.map(of)) / 1000).toFixed(1);
console.log(
  `${all.length} tasks on the main thread; over 50 ms: ${all.filter((e) => e.dur! > 50_000).length} by wall time (longest ${longest(all, (e) => e.dur!)}), ` +
    `${all.filter((e) => cpu(e) > 50_000).length} by CPU time (longest ${longest(all, cpu)}); ${tasks.length} over ${threshold / 1000} ms by wall time`,
);
const TOP = new Set(['FunctionCall', 'TimerFire', 'FireAnimationFrame', 'EventDispatch', 'Layout', 'UpdateLayoutTree', 'Paint', 'PrePaint', 'Layerize', 'MajorGC', 'MinorGC', 'V8.GC_MARK_COMPACTOR', 'RunMicrotasks', 'v8.run', 'HandlePostMessage', 'ParseHTML', 'EvaluateScript', 'v8.compile', 'UpdateLayer', 'Commit', 'ScheduleStyleRecalculation']);
for (const task of tasks) {
  const end = task.ts + task.dur!;
  const inside = onMain.filter((e) => e.ph === 'X' && e.ts >= task.ts && e.ts < end && e !== task && TOP.has(e.name));
  const byName = new Map<string, number>();
  for (const e of inside) byName.set(e.name, (byName.get(e.name) ?? 0) + (e.dur ?? 0));
  console.log(`\n— task at ${((task.ts - start) / 1000).toFixed(0)} ms: ${(task.dur! / 1000).toFixed(1)} ms (CPU ${(cpu(task) / 1000).toFixed(1)}); ` + [...byName].map(([name, dur]) => `${name} ${(dur / 1000).toFixed(1)}`).join(', '));
  const within = samples.filter((s) => s.time >= task.ts && s.time < end);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const sample of within) {
    const stack = stackOf(sample.node);
    self.set(stack[0] ?? '?', (self.get(stack[0] ?? '?') ?? 0) + 1);
    for (const name of new Set(stack)) inclusive.set(name, (inclusive.get(name) ?? 0) + 1);
  }
  const share = (count: number) => `${((count / Math.max(1, within.length)) * 100).toFixed(0)}%`;
  console.log(`  self: ${[...self].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([n, c]) => `${n} ${share(c)}`).join(' · ')}`);
  console.log(`  inclusive: ${[...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 14).map(([n, c]) => `${n} ${share(c)}`).join(' · ')}`);
}

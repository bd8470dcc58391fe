/**
 * Reads a Chrome trace (BENCH_ONLY=dashboard BENCH_TRACE=name npm run bench) and lists the page's
 * main-thread tasks longer than a threshold: what ran in each (timers, frames, messages, layout,
 * paint, GC) and where its JavaScript samples fell.
 *
 *   node --import tsx bench/trace-long-tasks.ts name-1000000.json [threshold ms, default 30]
 */
import { readFileSync } from 'node:fs';
import { cpuTime, mainThread, taskFigures, type TraceEvent } from './trace-tasks.ts';

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

const main = mainThread(events);
const onMain = main.events;

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

const all = main.tasks;
const start = all[0]?.ts ?? 0;
const tasks = all.filter((e) => (e.dur ?? 0) >= threshold);
const cpu = cpuTime;
const f = taskFigures(all);
console.log(
  `${f.tasks} tasks on the main thread; over 50 ms: ${f.over50Wall} by wall time (longest ${f.longestWallMs}), ` +
    `${f.over50Cpu} by CPU time (longest ${f.longestCpuMs}); ${tasks.length} over ${threshold / 1000} ms by wall time`,
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

/** The bench page's main-thread tasks in a Chrome trace (BENCH_TRACE), with their wall and CPU time. */

export interface TraceEvent {
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

export interface MainThread {
  pid: number;
  tid: number;
  /** Every event of the thread. */
  events: TraceEvent[];
  /** Its tasks from the bench's last mark (`cr-bench-load`) on, in order. */
  tasks: TraceEvent[];
}

/** The renderer main thread with the most work (the bench page's), and its tasks since the load began. */
export function mainThread(events: TraceEvent[]): MainThread {
  const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const busy = (pid: number, tid: number) => events.reduce((sum, e) => sum + (e.pid === pid && e.tid === tid && e.name === 'RunTask' ? (e.dur ?? 0) : 0), 0);
  const main = mains.map((m) => ({ pid: m.pid, tid: m.tid, busy: busy(m.pid, m.tid) })).sort((a, b) => b.busy - a.busy)[0];
  if (!main) throw new Error('No renderer main thread in the trace.');
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid);
  // From the bench's last mark on (the measured load; the warm-up's is before it): the element's set-up before it is not measured either.
  const mark = onMain.findLast((e) => e.name === 'cr-bench-load');
  const start = mark?.ts ?? Math.min(...onMain.filter((e) => e.ph === 'X').map((e) => e.ts));
  const tasks = onMain.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.ts + (e.dur ?? 0) > start).sort((a, b) => a.ts - b.ts);
  return { pid: main.pid, tid: main.tid, events: onMain, tasks };
}

export const cpuTime = (e: TraceEvent): number => e.tdur ?? e.dur ?? 0;

/** Tasks over 50 ms by wall time (what the longtask observer counts) and by CPU time (the page's own share). */
export function taskFigures(tasks: TraceEvent[]) {
  const ms = (us: number) => Math.round(us / 100) / 10;
  return {
    tasks: tasks.length,
    over50Wall: tasks.filter((e) => (e.dur ?? 0) > 50_000).length,
    over50Cpu: tasks.filter((e) => cpuTime(e) > 50_000).length,
    longestWallMs: ms(Math.max(0, ...tasks.map((e) => e.dur ?? 0))),
    longestCpuMs: ms(Math.max(0, ...tasks.map(cpuTime))),
  };
}
export type TaskFigures = ReturnType<typeof taskFigures>;

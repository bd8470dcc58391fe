/** Timing that runs in Node and in the browser alike. */

export interface Figure {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export interface MeasureOptions {
  warmup?: number;
  runs?: number;
  /** Called before each run, outside the timed part (e.g. to clear a cache for a cold run). */
  before?: () => void;
}

export async function measure(run: () => unknown, options: MeasureOptions = {}): Promise<Figure> {
  const { warmup = 2, runs = 7, before } = options;
  for (let i = 0; i < warmup; i++) {
    before?.();
    await run();
  }
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    before?.();
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
    // A macrotask between runs: lets a browser breathe and Node's timers fire.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return figure(times);
}

export function figure(times: readonly number[]): Figure {
  const sorted = [...times].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median: round(median), min: round(sorted[0]!), max: round(sorted[sorted.length - 1]!), runs: sorted.length };
}

export function round(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/**
 * The memory-bandwidth yardstick of the issue: one pass summing a 1M-element Float64Array and
 * counting 1M Uint16 codes into 500 bins. Nothing a report does can beat reading its columns once.
 */
export function scanLimitKernel(n = 1_000_000): () => number {
  const values = new Float64Array(n);
  const codes = new Uint16Array(n);
  let seed = 12345;
  for (let i = 0; i < n; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) | 0;
    values[i] = (seed >>> 8) / 16777216;
    codes[i] = (seed >>> 4) % 500;
  }
  return () => {
    const bins = new Uint32Array(500);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      sum += values[i]!;
      bins[codes[i]!]!++;
    }
    return sum + bins[0]!;
  };
}

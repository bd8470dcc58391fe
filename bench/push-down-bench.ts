/**
 * Push-down at scale (issue 14): the twelve template reports and a first drill page through
 * `createReportHandler` on an embedded DuckDB file of generated conversations (the file
 * `npm run demo:server` makes and reuses), over the whole generated year in Europe/Amsterdam.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { templates, type ReportSpec } from '../src/core/index.ts';
import { createReportHandler } from '../src/server/index.ts';
import { demoDatabase } from '../demo/server/demo-data.ts';
import { duckdbExecutor } from '../src/server/index.ts';
import { measure, type Figure } from './measure.ts';

export interface PushDownFigures {
  n: number;
  /** Generating the DuckDB file, when this run had to (null when it was reused). */
  generateMs: number | null;
  perReportMs: Record<string, Figure>;
  /** The twelve sent at once, as a dashboard does. */
  allReportsMs: Figure;
  drillFirstPageMs: Figure;
}

const SPECS: ReportSpec[] = [templates.chatOverview, templates.emailOverview].flatMap((t) => t.reports);
const CONTEXT = { range: { from: Date.UTC(2025, 11, 1), to: Date.UTC(2026, 11, 1) }, timeZone: 'Europe/Amsterdam' };

export async function pushDownBench(n: number, log: (line: string) => void): Promise<PushDownFigures> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const file = resolve(root, '.demo-data', `conversations-${n}.duckdb`);
  const started = performance.now();
  let generated = false;
  const instance = await demoDatabase(file, n, (line) => {
    generated = true;
    log(`push-down: ${line}`);
  });
  const generateMs = generated ? Math.round(performance.now() - started) : null;
  const handler = createReportHandler({
    dialect: 'duckdb',
    schema: { table: 'conversations' },
    execute: duckdbExecutor(instance),
    authorize: async () => ({ userId: 'bench' }),
    limits: { timeoutMs: 120_000 },
  });
  const ask = async (body: unknown) => {
    const response = await handler(new Request('http://localhost/api/reports', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }));
    if (!response.ok) throw new Error(`push-down bench: ${response.status} ${await response.text()}`);
    return response.json() as Promise<{ rows: { key: unknown; count: number }[] }>;
  };
  const perReportMs: Record<string, Figure> = {};
  for (const spec of SPECS) {
    perReportMs[spec.id] = await measure(() => ask({ op: 'query', spec, context: CONTEXT }), { warmup: 0, runs: 3 });
    log(`push-down: N = ${n.toLocaleString('en')}: ${spec.id} ${perReportMs[spec.id]!.median} ms`);
  }
  const allReportsMs = await measure(() => Promise.all(SPECS.map((spec) => ask({ op: 'query', spec, context: CONTEXT }))), { warmup: 0, runs: 2 });
  log(`push-down: the twelve at once ${allReportsMs.median} ms`);
  const spec = SPECS[0]!;
  const largest = (await ask({ op: 'query', spec, context: CONTEXT })).rows[0]!;
  const drillFirstPageMs = await measure(() => ask({ op: 'drill', spec, context: CONTEXT, point: { key: largest.key }, page: {} }), { warmup: 1, runs: 7 });
  log(`push-down: first drill page of ${largest.count.toLocaleString('en')} conversations ${drillFirstPageMs.median} ms`);
  instance.closeSync();
  return { n, generateMs, perReportMs, allReportsMs, drillFirstPageMs };
}

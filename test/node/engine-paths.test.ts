/**
 * The fast paths against the path the SQL oracle checks (`computeReport` / `drillDown` on a table
 * made by `createTable`): the batch API sharing work across reports, tables ingested from columnar
 * wire pages (plain, JSON and binary, split into pages), the worker host, and a table whose rows
 * arrive out of creation order. Equal results here carry the oracle's proof over to those paths.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  computeReport,
  computeReports,
  createTable,
  drillDown,
  parseConversations,
  templates,
  type Conversation,
  type ConversationTable,
  type Lookups,
  type ReportSpec,
} from '../../src/core/index.ts';
import { IngestSession } from '../../src/core/wire/ingest.ts';
import { encodeWirePage, toJsonWirePage, toWirePage } from '../../src/core/wire/wire-encode.ts';
import { decodeWirePage } from '../../src/core/wire/wire-format.ts';
import { generateConversations } from '../../src/sample/generate-conversations.ts';
import { createEngineHost } from '../../src/worker/engine-host.ts';
import type { FromEngine } from '../../src/worker/protocol.ts';
import { generateAdversarialConversations } from './oracle/adversarial-data.ts';
import { drillPoints } from './oracle/compare.ts';
import { ADVERSARIAL_CONTEXTS, CUSTOM_SPECS, contextBoundaries, sampleContexts, type NamedContext } from './oracle/scenarios.ts';
import { computableSpecs, contextOf, rounded } from '../harness/reference-reports.ts';

const templateSpecs = [...templates.chatOverview.reports, ...templates.emailOverview.reports];

function wireTable(conversations: readonly Conversation[], lookups: Lookups, form: 'plain' | 'json' | 'binary', pageSize: number): ConversationTable {
  const session = new IngestSession();
  for (let start = 0; start < conversations.length; start += pageSize) {
    const page = toWirePage(conversations.slice(start, start + pageSize));
    if (form === 'plain') session.add(page);
    else if (form === 'json') session.add(JSON.parse(JSON.stringify(toJsonWirePage(page))));
    else session.add({ columns: decodeWirePage(encodeWirePage(page)).columns });
  }
  assert.deepEqual(session.rejected, []);
  return session.finish(lookups);
}

function checkAll(
  reference: ConversationTable,
  candidate: ConversationTable,
  specs: readonly ReportSpec[],
  contexts: readonly NamedContext[],
  label: string,
  exact = true,
) {
  for (const named of contexts) {
    const context = contextOf(named);
    const usable = computableSpecs(reference, specs, context);
    const expected = usable.map((spec) => computeReport(reference, spec, context));
    const got = computeReports(candidate, usable, context);
    if (exact) assert.deepEqual(got, expected, `${label} @ ${named.name}`);
    else assert.deepEqual(rounded(got), rounded(expected), `${label} @ ${named.name}`);
    for (const [index, spec] of usable.entries()) {
      for (const point of drillPoints(spec, expected[index]!).slice(0, 4)) {
        // Conversations created at the same instant keep their input order, which reversing changes.
        const ids = (table: ConversationTable) => {
          const list = drillDown(table, spec, context, point, { limit: Infinity }).rows.map((c) => c.id);
          return exact ? list : list.sort();
        };
        assert.deepEqual(ids(candidate), ids(reference), `${label} drill ${spec.id} ${JSON.stringify(point)} @ ${named.name}`);
      }
    }
  }
}

describe('engine paths equal the oracle-checked path', () => {
  const adversarial = generateAdversarialConversations({ boundaries: contextBoundaries(ADVERSARIAL_CONTEXTS) });
  const parsedAdversarial = parseConversations(adversarial.conversations).conversations;
  const reference = createTable(parsedAdversarial, adversarial.lookups);
  const specs = [...templateSpecs, ...CUSTOM_SPECS.map((s) => s.spec)];

  test('computeReports (one batch, shared passes) on the adversarial data', () => {
    checkAll(reference, reference, specs, ADVERSARIAL_CONTEXTS, 'batch');
  });

  for (const form of ['plain', 'json', 'binary'] as const) {
    test(`a table from ${form} wire pages`, () => {
      checkAll(reference, wireTable(parsedAdversarial, adversarial.lookups, form, 37), specs, ADVERSARIAL_CONTEXTS, form);
    });
  }

  test('rows that arrive out of creation order', () => {
    const shuffled = [...parsedAdversarial].reverse();
    checkAll(reference, createTable(shuffled, adversarial.lookups), specs, ADVERSARIAL_CONTEXTS.slice(0, 3), 'reversed', false);
  });

  test('a generated sample, batch and binary pages', () => {
    const sample = generateConversations({ n: 8000, seed: 99 });
    const table = createTable(sample.conversations, sample.lookups);
    const contexts = sampleContexts(sample.conversations.map((c) => c.createdAt)).slice(0, 3);
    checkAll(table, wireTable(sample.conversations, sample.lookups, 'binary', 1500), templateSpecs, contexts, 'sample');
  });

  test('the worker host answers like the engine in this thread', () => {
    const sample = generateConversations({ n: 3000, seed: 3 });
    const messages: FromEngine[] = [];
    const host = createEngineHost((message) => messages.push(message));
    host({ type: 'page', page: toWirePage(sample.conversations.slice(0, 1000)) });
    host({ type: 'page', page: { conversations: sample.conversations.slice(1000) } });
    host({ type: 'finish', lookups: sample.lookups });
    const ready = messages.find((m) => m.type === 'ready');
    assert.ok(ready && ready.type === 'ready' && ready.size === 3000);
    const context = contextOf(sampleContexts(sample.conversations.map((c) => c.createdAt))[0]!);
    host({ type: 'compute', id: 7, specs: templateSpecs, context });
    const computed = messages.find((m) => m.type === 'computed');
    const table = createTable(sample.conversations, sample.lookups);
    assert.ok(computed && computed.type === 'computed' && computed.id === 7);
    assert.deepEqual(
      computed.outcomes,
      templateSpecs.map((spec) => ({ result: computeReport(table, spec, context) })),
    );
  });
});

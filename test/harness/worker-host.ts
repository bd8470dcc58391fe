// Node only (node:assert). The engine Worker's half (createEngineHost) driven in this thread as the
// page drives the real Worker: every message crosses a structured clone, as postMessage does.
import assert from 'node:assert/strict';
import { computeReport, createTable, parseConversations, type ConversationTable, type ReportContext, type ReportSpec } from '../../src/core/index.ts';
import type { GeneratedConversations } from '../../src/sample/generate-conversations.ts';
import { createEngineHost } from '../../src/worker/engine-host.ts';
import type { ComputeOutcome, FromEngine, ToEngine } from '../../src/worker/protocol.ts';

export interface ClonedHost {
  /** Every message the host sent back, in order. */
  readonly messages: FromEngine[];
  send(message: ToEngine): void;
  /** The page's own table of the sample: what the host's answers are checked against. */
  readonly table: ConversationTable;
}

/** A host that has been sent `sample` in one page and finished loading it. */
export function hostWithSample(sample: GeneratedConversations): ClonedHost {
  const messages: FromEngine[] = [];
  const host = createEngineHost((message) => messages.push(structuredClone(message)));
  const send = (message: ToEngine) => host(structuredClone(message));
  send({ type: 'page', page: { conversations: sample.conversations } });
  send({ type: 'finish', lookups: sample.lookups });
  return { messages, send, table: createTable(parseConversations(sample.conversations).conversations, sample.lookups) };
}

/**
 * Has the host compute `specs` and checks that every one succeeds with the result the page's engine
 * gives; returns the host's outcomes.
 */
export function computeAsThePage(host: ClonedHost, specs: ReportSpec[], context: ReportContext, id = 1): ComputeOutcome[] {
  host.send({ type: 'compute', id, specs, context });
  const computed = host.messages.find((m) => m.type === 'computed' && m.id === id);
  assert.ok(computed && computed.type === 'computed');
  computed.outcomes.forEach((outcome, k) => {
    assert.ok('result' in outcome, `${specs[k]!.id}: ${'error' in outcome ? outcome.error.message : ''}`);
    assert.deepEqual(outcome.result, computeReport(host.table, specs[k]!, context), specs[k]!.id);
  });
  return computed.outcomes;
}

/**
 * The demo's large samples, made off the main thread: conversations generated here and sent back
 * as Apache Arrow IPC in slices (buffers transferred), as a server would stream them. The page
 * never holds a million objects, and its progress bar moves as the slices arrive.
 */
import { toArrowIPC } from '../src/core/wire/arrow/to-arrow-ipc.ts';
import { generateConversations } from '../src/sample/generate-conversations.ts';

export type SampleRequest = { size: number; end: number; slice: number };
export type SampleMessage = { type: 'lookups'; lookups: ReturnType<typeof generateConversations>['lookups'] } | { type: 'page'; bytes: Uint8Array; last: boolean };

self.onmessage = (event: MessageEvent<SampleRequest>) => {
  const { size, end, slice } = event.data;
  const { conversations, lookups } = generateConversations({ n: size, seed: 42, end, days: 400 });
  self.postMessage({ type: 'lookups', lookups } satisfies SampleMessage);
  for (let start = 0; start < conversations.length; start += slice) {
    const bytes = toArrowIPC(conversations.slice(start, start + slice));
    self.postMessage({ type: 'page', bytes, last: start + slice >= conversations.length } satisfies SampleMessage, { transfer: [bytes.buffer] });
  }
};

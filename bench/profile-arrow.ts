/**
 * A quick Arrow ingest profile at one N (Node): the host's path (arrow-host-ingest.ts) over the
 * kit's own stream (`toArrowIPC`) and over the peers benchmark's generic one (`PROFILE_ONLY=kit` or
 * `peers` for one of them). `BENCH_SIZES=1000000 node --cpu-prof --import tsx bench/profile-arrow.ts`
 */
import { generateConversations } from '../src/sample/generate-conversations.ts';
import { ingestArrowAsHost } from './arrow-host-ingest.ts';
import { toArrowIPC } from '../src/core/wire/arrow/to-arrow-ipc.ts';
import { DAYS, END, SEED } from './bench-data.ts';
import { measure } from './measure.ts';
import { peersArrowStream } from './peers-arrow-stream.ts';

const n = Number((process.env.BENCH_SIZES ?? '1000000').split(',')[0]);
const runs = Number(process.env.PROFILE_RUNS ?? 9);
const { conversations, lookups } = generateConversations({ n, seed: SEED, end: END, days: DAYS });
const streams = { kit: toArrowIPC(conversations), peers: peersArrowStream(conversations) };
conversations.length = 0;
const only = process.env.PROFILE_ONLY;
for (const [name, bytes] of Object.entries(streams)) {
  if (only && only !== name) continue;
  const f = await measure(
    () => {
      const table = ingestArrowAsHost(bytes, lookups);
      if (table.size !== n) throw new Error(`${name}: kept ${table.size} of ${n}`);
    },
    { warmup: 1, runs },
  );
  console.log(`${name.padEnd(6)} ${(bytes.byteLength / 2 ** 20).toFixed(1)} MiB  ingest ${f.median.toFixed(1)} ms (${f.min.toFixed(1)}–${f.max.toFixed(1)})`);
}

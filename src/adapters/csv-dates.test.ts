import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseConversations } from '../core/index.ts';
import { CsvDataSource } from './csv-data-source.ts';

const HEADER = 'id,channel,status,inboxId,createdAt';

describe('CSV time cells that name no real instant are rejected by line', () => {
  test('impossible zone-less dates (Feb 31, month 13, hour 25) are refused, not moved', () => {
    const text = [HEADER, '1,chat,open,a,2026-02-31 10:00', '2,chat,open,a,2026-13-45 25:61', '3,chat,open,a,2026-02-28 10:00', '4,chat,open,a,2024-02-29 23:59:59', '5,chat,open,a,2026-04-31'].join('\n');
    const source = new CsvDataSource(text, { timeZone: 'UTC' });
    assert.deepEqual(
      source.errors.map((e) => [e.line, e.column, e.field]),
      [[2, 'createdAt', 'createdAt'], [3, 'createdAt', 'createdAt'], [6, 'createdAt', 'createdAt']],
    );
    assert.match(source.errors[0]!.message, /not a real date.*2026-02-31 10:00/);
    const kept = parseConversations(source.records()).conversations;
    assert.deepEqual(kept.map((c) => [c.id, c.createdAt]), [
      ['3', Date.UTC(2026, 1, 28, 10)],
      ['4', Date.UTC(2024, 1, 29, 23, 59, 59)],
    ]);
  });

  test('20-digit epochs and other times beyond the Date range are refused with their line', () => {
    const text = [HEADER, '1,chat,open,a,12345678901234567890', '2,chat,open,a,-99999999999999999', '3,chat,open,a,1767225600'].join('\n');
    const source = CsvDataSource.fromText(text);
    assert.deepEqual(source.errors.map((e) => e.line), [2, 3]);
    assert.match(source.errors[0]!.message, /Date range/);
    assert.deepEqual(parseConversations(source.records()).conversations.map((c) => c.id), ['3']);
  });
});

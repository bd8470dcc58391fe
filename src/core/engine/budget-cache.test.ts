import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BudgetCache } from './budget-cache.ts';

const sized = (bytes: number) => ({ bytes });

describe('BudgetCache', () => {
  it('drops the least recently used values past the budget, never the one just set', () => {
    const cache = new BudgetCache<{ bytes: number }>(10, (value) => value.bytes);
    cache.set('a', sized(4));
    cache.set('b', sized(4));
    assert.ok(cache.get('a')); // a is now the most recently used
    cache.set('c', sized(4));
    assert.equal(cache.get('b'), undefined);
    assert.ok(cache.get('a'));
    assert.ok(cache.get('c'));
    assert.equal(cache.bytes, 8);
    cache.set('huge', sized(50));
    assert.ok(cache.get('huge'));
    assert.equal(cache.bytes, 50);
  });

  it('counts a value set again after it grew at its new size', () => {
    const cache = new BudgetCache<{ bytes: number }>(100, (value) => value.bytes);
    const value = sized(10);
    cache.set('a', value);
    value.bytes = 30;
    cache.set('a', value);
    assert.equal(cache.bytes, 30);
    cache.clear();
    assert.equal(cache.bytes, 0);
    assert.equal(cache.get('a'), undefined);
  });
});

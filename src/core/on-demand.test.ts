import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { onDemand } from './on-demand.ts';

describe('onDemand', () => {
  test('loads once, shares the load, and holds the module once it arrived', async () => {
    let loads = 0;
    const seen: string[] = [];
    const part = onDemand(
      async () => {
        loads++;
        return { name: 'part' };
      },
      (module) => seen.push(module.name),
    );
    assert.equal(part.ready, false);
    assert.equal(part.value, undefined);
    await Promise.all([part.load(), part.load()]);
    await part.load();
    assert.equal(loads, 1);
    assert.deepEqual(seen, ['part']);
    assert.equal(part.ready, true);
    assert.deepEqual(part.value, { name: 'part' });
  });

  test('a failed load is tried again by the next call', async () => {
    let loads = 0;
    const part = onDemand(async () => {
      loads++;
      if (loads === 1) throw new Error('chunk did not arrive');
      return 42;
    });
    await assert.rejects(part.load(), /chunk did not arrive/);
    assert.equal(part.ready, false);
    await part.load();
    assert.equal(loads, 2);
    assert.equal(part.value, 42);
  });
});

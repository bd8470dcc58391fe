// waitUntil for browser tests: the condition is what a test waits on; the timeout is only a guard
// against a hang. @open-wc's default guard is 1 s, which a busy 2-core machine (CI with other work
// beside it) overruns while the condition is still on its way to becoming true, so every browser
// test takes this one, whose guard is generous and whose floor a caller cannot lower.
import { waitUntil as openWcWaitUntil } from '@open-wc/testing';

const GUARD_MS = 30_000;

export function waitUntil(
  predicate: () => unknown | Promise<unknown>,
  message?: string,
  options: { interval?: number; timeout?: number } = {},
): Promise<void> {
  return openWcWaitUntil(predicate, message, {
    interval: options.interval ?? 20,
    timeout: Math.max(options.timeout ?? 0, GUARD_MS),
  });
}

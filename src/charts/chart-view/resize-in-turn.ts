/**
 * A ResizeObserver reports every chart whose box changed in one frame, and the browser runs all of
 * those reports in one task. ECharts lays out and draws a chart again on each resize (10–30 ms on a
 * slow machine), so a dashboard whose rows settle while its tiles fill in, or a window resized,
 * made one task of a dozen charts' work: a frozen page for a moment. Here one chart resizes at once
 * per task, and the others each in a task of their own, in the order they were reported; the same
 * chart reported again within its task resizes at once again.
 */
let owner: object | null = null;
const waiting = new Map<object, () => void>();
let channel: MessageChannel | null = null;

/** A message to ourselves: a task of its own, without the clamp nested timers get. */
function nextTask(): void {
  if (typeof MessageChannel === 'undefined') {
    setTimeout(handOver, 0);
    return;
  }
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = handOver;
  }
  channel.port2.postMessage(null);
}

function handOver(): void {
  const next = waiting.entries().next();
  if (next.done) {
    owner = null;
    return;
  }
  const [chart, resize] = next.value;
  waiting.delete(chart);
  owner = chart;
  // Scheduled first, so a resize that throws does not hold up the charts behind it.
  nextTask();
  resize();
}

/** Runs `resize` for `chart` now when no other chart resized in this task, else in a task of its own soon (the latest `resize` given). */
export function resizeInTurn(chart: object, resize: () => void): void {
  if (owner !== null && owner !== chart) {
    waiting.set(chart, resize);
    return;
  }
  if (owner === null) {
    owner = chart;
    nextTask();
  }
  resize();
}

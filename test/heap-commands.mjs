// A web-test-runner server command for leak tests (test/browser/long-session.browser.test.ts): forces a
// full garbage collection through the Chrome DevTools Protocol, then reports the JS heap in use and
// how many live objects have each given prototype (after that GC, only what something still holds).
//
// From a test: executeServerCommand('heap-report', { prototypes: { dashboard: 'customElements.get("conversation-dashboard").prototype' } })
// → { usedSize, totalSize, counts: { dashboard: 0 } }

async function countObjects(cdp, expression) {
  const group = 'heap-report';
  try {
    const prototype = await cdp.send('Runtime.evaluate', { expression, objectGroup: group });
    if (!prototype.result.objectId) throw new Error(`"${expression}" is not an object`);
    const found = await cdp.send('Runtime.queryObjects', { prototypeObjectId: prototype.result.objectId, objectGroup: group });
    const length = await cdp.send('Runtime.callFunctionOn', {
      objectId: found.objects.objectId,
      functionDeclaration: 'function () { return this.length; }',
      returnByValue: true,
    });
    return length.result.value;
  } finally {
    await cdp.send('Runtime.releaseObjectGroup', { objectGroup: group });
  }
}

export function heapCommands() {
  return {
    name: 'heap-commands',
    async executeCommand({ command, payload, session }) {
      if (command !== 'heap-report') return undefined;
      if (session.browser.type !== 'puppeteer') throw new Error(`heap-report needs the Chrome launcher, not ${session.browser.type}`);
      const page = session.browser.getPage(session.id);
      const cdp = await page.createCDPSession();
      try {
        // Twice: finalizers and weak callbacks of the first pass free more on the second.
        await cdp.send('HeapProfiler.collectGarbage');
        await cdp.send('HeapProfiler.collectGarbage');
        const counts = {};
        for (const [name, expression] of Object.entries(payload?.prototypes ?? {})) counts[name] = await countObjects(cdp, expression);
        await cdp.send('HeapProfiler.collectGarbage');
        const { usedSize, totalSize } = await cdp.send('Runtime.getHeapUsage');
        return { usedSize, totalSize, counts };
      } finally {
        await cdp.detach();
      }
    },
  };
}

/**
 * Watches every node added anywhere in the page — the document and every shadow root, including
 * ones attached later — so a test can assert that no element was ever injected, even one that was
 * added and removed again in between (a tooltip redrawn, say). Import it before the elements, so
 * their shadow roots are watched from the start.
 */

/** Elements data must never turn into. */
export const FORBIDDEN_TAGS = ['script', 'iframe', 'frame', 'object', 'embed', 'img', 'image', 'base', 'meta', 'link', 'style'] as const;

export interface Injection {
  tag: string;
  reason: string;
  html: string;
}

const seen: Injection[] = [];
let watching = false;

function inspect(node: Node): void {
  if (!(node instanceof Element)) return;
  for (const element of [node, ...node.querySelectorAll('*')]) {
    const tag = element.localName;
    if ((FORBIDDEN_TAGS as readonly string[]).includes(tag)) seen.push({ tag, reason: 'forbidden element', html: element.outerHTML.slice(0, 200) });
    for (const attribute of element.getAttributeNames())
      if (/^on/i.test(attribute)) seen.push({ tag, reason: `inline handler ${attribute}`, html: element.outerHTML.slice(0, 200) });
    // An SVG drawn by the kit is a chart (inside cr-chart-view) or a decorative icon; anything else came from data.
    if (tag === 'svg' && element.getAttribute('aria-hidden') !== 'true' && !isChartSvg(element))
      seen.push({ tag, reason: 'svg outside a chart', html: element.outerHTML.slice(0, 200) });
  }
}

function isChartSvg(element: Element): boolean {
  const root = element.getRootNode();
  return root instanceof ShadowRoot && root.host.localName === 'cr-chart-view';
}

const observer = new MutationObserver((records) => {
  if (!watching) return;
  for (const record of records) {
    if (record.type === 'childList') record.addedNodes.forEach(inspect);
    else if (record.type === 'attributes' && record.target instanceof Element && /^on/i.test(record.attributeName ?? ''))
      seen.push({ tag: record.target.localName, reason: `inline handler ${record.attributeName}`, html: record.target.outerHTML.slice(0, 200) });
  }
});

const options: MutationObserverInit = { childList: true, subtree: true, attributes: true };
observer.observe(document, options);
const attachShadow = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit): ShadowRoot {
  const root = attachShadow.call(this, init);
  observer.observe(root, options);
  return root;
};

/** Starts recording (what was added before is ignored: the test page's own scripts). */
export function startGuard(): void {
  seen.length = 0;
  watching = true;
}

/** Everything injected since `startGuard`, after the observer has caught up. */
export async function injections(): Promise<Injection[]> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  const records = observer.takeRecords();
  for (const record of records) if (record.type === 'childList') record.addedNodes.forEach(inspect);
  return [...seen];
}

/** Every element of the page, through open shadow roots. */
export function deepElements(root: ParentNode = document): Element[] {
  const out: Element[] = [];
  const walk = (node: ParentNode) => {
    for (const element of node.querySelectorAll('*')) {
      out.push(element);
      if (element.shadowRoot) walk(element.shadowRoot);
    }
  };
  walk(root);
  return out;
}

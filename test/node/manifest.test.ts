import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

interface Declaration {
  tagName?: string;
  customElement?: boolean;
  attributes?: { name: string; description?: string }[];
  events?: { name: string; description?: string }[];
  cssParts?: { name: string; description?: string }[];
  cssProperties?: { name: string; description?: string }[];
  members?: { kind: string; name: string; privacy?: string; static?: boolean; description?: string }[];
}

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as { modules: { declarations?: Declaration[] }[] };
const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement);
const byTag = new Map(elements.map((d) => [d.tagName, d]));

/** Every tag the sources define, read from their `customElements.define('…')` calls. */
function definedTags(dir: string): string[] {
  const tags: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) tags.push(...definedTags(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
      for (const match of readFileSync(path, 'utf8').matchAll(/customElements\.define\('([a-z-]+)'/g)) tags.push(match[1]!);
  }
  return tags;
}

describe('custom-elements.json', () => {
  it('lists every element the kit defines (run `npm run manifest` after changing an element)', () => {
    const tags = [...definedTags('src/elements'), ...definedTags('src/charts')].filter((tag) => !tag.startsWith('cr-property'));
    for (const tag of tags) assert.ok(byTag.has(tag), `${tag} is missing from custom-elements.json`);
    for (const tag of ['conversation-dashboard', 'report-tile', 'drill-dialog', 'report-editor']) assert.ok(byTag.has(tag), tag);
  });

  it('documents every attribute, public property, event, CSS part and custom property', () => {
    for (const element of elements) {
      const tag = element.tagName!;
      const missing = [
        ...(element.attributes ?? []).filter((a) => !a.description).map((a) => `attribute ${a.name}`),
        ...(element.events ?? []).filter((e) => !e.description).map((e) => `event ${e.name}`),
        ...(element.cssParts ?? []).filter((p) => !p.description).map((p) => `part ${p.name}`),
        ...(element.cssProperties ?? []).filter((p) => !p.description).map((p) => `custom property ${p.name}`),
        ...(element.members ?? [])
          .filter((m) => m.kind === 'field' && !m.privacy && !m.static && !m.name.startsWith('#') && !m.description)
          .map((m) => `property ${m.name}`),
      ];
      assert.deepEqual(missing, [], `${tag}: undocumented ${missing.join(', ')}`);
      assert.ok((element.cssParts ?? []).length > 0, `${tag} documents its CSS parts`);
      assert.ok((element.cssProperties ?? []).length > 0, `${tag} documents its custom properties`);
    }
  });

  it('names the contract events of the public elements', () => {
    const events = (tag: string) => (byTag.get(tag)?.events ?? []).map((e) => e.name);
    for (const name of ['dashboard-change', 'dashboard-create', 'report-save', 'data-error'])
      assert.ok(events('conversation-dashboard').includes(name), `conversation-dashboard fires ${name}`);
    for (const name of ['report-drill', 'report-edit', 'report-remove']) assert.ok(events('report-tile').includes(name), `report-tile fires ${name}`);
    assert.ok(events('drill-dialog').includes('close'));
    for (const name of ['report-save', 'report-cancel']) assert.ok(events('report-editor').includes(name), `report-editor fires ${name}`);
  });

  it('is what package.json points to', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { customElements?: string };
    assert.equal(pkg.customElements, 'custom-elements.json');
  });
});

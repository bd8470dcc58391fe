import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { propertyCatalog } from '../../core/table/properties.ts';
import { reportSpecSchema } from '../../core/schema/report-spec.ts';
import { FakeHost } from '../../../test/harness/fake-host.ts';
import { EditorDraftController } from './editor-draft-controller.ts';
import { draftFromSpec } from './editor-draft.ts';

const catalog = propertyCatalog();
const timeZone = 'Europe/Amsterdam';
const spec = reportSpecSchema.parse({
  id: 'volume',
  title: 'Volume',
  chartType: 'bar',
  dimension: 'assigneeId',
  measure: { op: 'count' },
  filters: [{ property: 'responseTime', operator: 'gt', value: 300_000 }],
});

function controller(): { host: FakeHost; draft: EditorDraftController } {
  const host = new FakeHost();
  const draft = new EditorDraftController(host, { catalog: () => catalog, timeZone: () => timeZone, hasList: () => false });
  draft.reset(draftFromSpec(spec, catalog, timeZone));
  return { host, draft };
}

describe('EditorDraftController', () => {
  it('builds the spec it was given back unchanged, and asks for an update on every edit', () => {
    const { host, draft } = controller();
    assert.deepEqual(draft.build().spec, spec);
    const before = host.updates;
    draft.edit({ chartType: 'column' });
    assert.equal(draft.build().spec.chartType, 'column');
    assert.ok(host.updates > before);
  });

  it('undoes a rename on Escape, and keeps a committed one', () => {
    const { draft } = controller();
    draft.startRename();
    draft.edit({ title: 'Half typed' });
    draft.undoRename();
    assert.equal(draft.editingName, false);
    assert.equal(draft.draft!.title, 'Volume');
    draft.startRename();
    draft.commitName('Chats');
    assert.equal(draft.draft!.title, 'Chats');
  });

  it('keeps the panel open and reveals only the criteria’s problems when Apply finds one', () => {
    const { draft } = controller();
    draft.edit({ title: '' });
    draft.openFilters();
    const [criterion] = draft.pending;
    draft.setPending([{ ...criterion!, original: undefined, input: { ...criterion!.input, text: '' } }]);
    const problems = draft.applyFilters();
    assert.equal(problems.length, 1);
    assert.equal(draft.filtersOpen, true);
    assert.ok(draft.visibleProblem(problems[0]!.control));
    assert.equal(draft.visibleProblem('title'), undefined, 'the title’s problem stays hidden until Save');
    assert.deepEqual(draft.draft!.criteria[0]!.original, { value: 300_000 }, 'the applied criteria are untouched');
  });

  it('validate() opens the panel and the name field where the problems are; takeForSave applies the open panel', () => {
    const { draft } = controller();
    draft.edit({ title: '', criteria: [{ ...draft.draft!.criteria[0]!, original: undefined, input: { ...draft.draft!.criteria[0]!.input, text: 'x' } }] });
    const problems = draft.validate();
    assert.deepEqual(problems.map((p) => p.control).sort(), ['criterion-' + draft.draft!.criteria[0]!.uid + '-value', 'title'].sort());
    assert.equal(draft.filtersOpen, true);
    assert.equal(draft.editingName, true);

    draft.commitName('Fixed');
    draft.setPending([]);
    assert.deepEqual(draft.validate(), []);
    const saved = draft.takeForSave();
    assert.deepEqual(saved.filters, []);
    assert.equal(draft.filtersOpen, false);
    assert.deepEqual(draft.draft!.criteria, [], 'the open panel’s criteria were applied');
  });
});

import { expect } from '@open-wc/testing';
import { waitUntil } from '../wait-until.js';
import { isCatalogLoaded } from '../../src/i18n/translate.ts';
import { renderGallery, type GalleryHandle } from '../../demo/gallery.ts';
import type { ConversationDashboard } from '../../src/elements/conversation-dashboard/conversation-dashboard.ts';
import type { DashboardSettings } from '../../src/elements/dashboard-settings/dashboard-settings.ts';
import type { DashboardWizard } from '../../src/elements/dashboard-wizard/dashboard-wizard.ts';
import type { DrillDialog } from '../../src/elements/drill-dialog/drill-dialog.ts';
import type { ReportEditor } from '../../src/elements/report-editor/report-editor.ts';
import type { ReportLibrary } from '../../src/elements/report-library/report-library.ts';
import type { ReportTile } from '../../src/elements/report-tile/report-tile.ts';

/** The designers' gallery (demo/gallery.html): every element in every state, and the theme panel. */
describe('Designers’ gallery', function () {
  this.timeout(30_000);

  const problems: string[] = [];
  const originalError = console.error;
  const onError = (event: ErrorEvent) => problems.push(`error event: ${event.message}`);
  const onRejection = (event: PromiseRejectionEvent) => problems.push(`unhandled rejection: ${String(event.reason)}`);
  let container: HTMLElement;
  let gallery: GalleryHandle;
  let stylesheet: HTMLLinkElement;

  const section = (name: string) => container.querySelector<HTMLElement>(`[data-gallery-section="${name}"]`)!;
  const tilesIn = (element: ParentNode) => [...element.querySelectorAll<ReportTile>('report-tile')];
  const part = (element: Element, name: string) => element.shadowRoot!.querySelector(`[part~="${name}"]`);
  const dashboard = (state: string) => container.querySelector<ConversationDashboard>(`conversation-dashboard[data-gallery-state="${state}"]`)!;

  before(async () => {
    console.error = (...args: unknown[]) => {
      problems.push(`console.error: ${args.map(String).join(' ')}`);
      originalError.apply(console, args);
    };
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    // The page's own stylesheet, so contrast is checked as designers see it.
    stylesheet = document.createElement('link');
    stylesheet.rel = 'stylesheet';
    stylesheet.href = new URL('../../demo/gallery.css', import.meta.url).href;
    const loaded = new Promise((resolve, reject) => {
      stylesheet.onload = resolve;
      stylesheet.onerror = reject;
    });
    document.head.append(stylesheet);
    await loaded;
    container = document.createElement('div');
    document.body.append(container);
    gallery = renderGallery(container, { size: 1500 });
    await gallery.ready;
  });

  after(() => {
    gallery?.destroy();
    container?.remove();
    stylesheet?.remove();
    console.error = originalError;
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  });

  it('draws every chart type from the generated sample data', async () => {
    const tiles = tilesIn(section('charts'));
    expect(tiles.map((tile) => tile.spec!.chartType)).to.have.members(['bar', 'column', 'line', 'area', 'pie', 'donut', 'table', 'kpi']);
    for (const tile of tiles) expect(tile.shownResult!.matched, tile.spec!.chartType).to.be.greaterThan(0);
    await waitUntil(() => tiles.filter((tile) => !['table', 'kpi'].includes(tile.spec!.chartType)).every((tile) => tile.chart !== undefined));
    const byType = (type: string) => tiles.find((tile) => tile.spec!.chartType === type)!;
    expect(part(byType('table'), 'table')).to.not.equal(null);
    expect(part(byType('kpi'), 'kpi')).to.not.equal(null);
  });

  it('shows the loading, empty and error states of a tile and of a dashboard', async () => {
    const states = section('states');
    const tile = (state: string) => states.querySelector<ReportTile>(`[data-state="${state}"] report-tile`)!;
    expect(part(tile('loading'), 'loading')).to.not.equal(null);
    expect(part(tile('empty'), 'empty')).to.not.equal(null);
    expect(part(tile('error'), 'error')!.textContent).to.contain('503');
    expect(part(tile('table-view'), 'table')).to.not.equal(null);
    expect(part(dashboard('loading'), 'progress')).to.not.equal(null);
    expect(part(dashboard('error'), 'error')!.textContent).to.contain('503');
  });

  it('shows a read-only dashboard to a user without canEdit, and settings to a non-owner without owner controls', async () => {
    const readOnly = dashboard('read-only');
    expect(part(readOnly, 'toolbar')).to.equal(null);
    const tiles = tilesIn(readOnly.shadowRoot!);
    expect(tiles).to.have.length(4);
    expect(tiles.some((tile) => tile.editable)).to.equal(false);

    const settings = (user: string) => container.querySelector<DashboardSettings>(`dashboard-settings[data-user="${user}"]`)!;
    await gallery.open('settings-teammate');
    const teammate = settings('tom');
    expect(teammate.open).to.equal(true);
    expect(part(teammate, 'sharing')).to.not.equal(null);
    expect(part(teammate, 'privacy')).to.equal(null);
    expect(part(teammate, 'delete-button')).to.equal(null);
    await teammate.hide();

    await gallery.open('settings-owner');
    const owner = settings('olivia');
    expect(part(owner, 'privacy')).to.not.equal(null);
    expect(part(owner, 'delete-button')).to.not.equal(null);
    await owner.hide();
  });

  it('sets light and dark side by side', () => {
    const schemes = section('schemes');
    const light = tilesIn(schemes.querySelector('[data-scheme="light"]')!);
    const dark = tilesIn(schemes.querySelector('[data-scheme="dark"]')!);
    expect(light.length).to.be.greaterThan(0);
    expect(dark.map((tile) => tile.theme)).to.deep.equal(dark.map(() => 'dark'));
    const surface = (tile: ReportTile) => getComputedStyle(part(tile, 'tile')!).backgroundColor;
    expect(surface(dark[0]!)).to.equal('rgb(22, 27, 34)');
    expect(surface(light[0]!)).to.equal('rgb(255, 255, 255)');
  });

  it('speaks English, French and Dutch', async () => {
    const columns = [...section('languages').querySelectorAll<HTMLElement>('[data-locale]')];
    expect(columns.map((column) => column.lang)).to.deep.equal(['en', 'fr', 'nl']);
    // The French and Dutch catalogs load on first use; the tiles render again once they are in.
    await waitUntil(() => isCatalogLoaded('fr') && isCatalogLoaded('nl'), 'the French and Dutch catalogs load');
    for (const column of columns) await Promise.all(tilesIn(column).map((tile) => tile.updateComplete));
    const titles = columns.map((column) => part(tilesIn(column)[0]!, 'title')!.textContent!.trim());
    expect(titles[0]).to.equal('Email volume over time');
    expect(new Set(titles).size).to.equal(3);
    const empty = columns.map((column) => part(tilesIn(column).at(-1)!, 'empty')!.textContent!.trim());
    expect(new Set(empty).size).to.equal(3);
  });

  it('puts tiles in a narrow (360 px) and a wide container', () => {
    const width = (size: string) => container.querySelector(`[data-size="${size}"]`)!.getBoundingClientRect().width;
    expect(width('narrow')).to.be.at.most(360);
    expect(width('wide')).to.be.greaterThan(500);
    expect(tilesIn(container.querySelector('[data-size="narrow"]')!)).to.have.length(2);
  });

  it('opens the drill dialog with real rows, and the editor, wizard and library', async () => {
    await gallery.open('drill');
    const drill = container.querySelector<DrillDialog>('drill-dialog')!;
    expect(drill.open).to.equal(true);
    await waitUntil(() => drill.shadowRoot!.querySelectorAll('[part="row"]').length > 0, 'the first page is shown');
    expect(drill.page!.total).to.be.greaterThan(0);
    await drill.hide();

    await gallery.open('editor');
    const editor = container.querySelector<ReportEditor>('report-editor')!;
    expect(container.querySelector<HTMLDialogElement>('.g-editor-dialog')!.open).to.equal(true);
    await waitUntil(() => editor.previewResult !== null);
    part(editor, 'cancel')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await waitUntil(() => !container.querySelector<HTMLDialogElement>('.g-editor-dialog')!.open);

    for (const name of ['wizard', 'library'] as const) {
      await gallery.open(name);
      const element = container.querySelector<DashboardWizard | ReportLibrary>(name === 'wizard' ? 'dashboard-wizard' : 'report-library')!;
      expect(element.open, name).to.equal(true);
      await element.hide();
    }
  });

  it('edits the --cr-* custom properties live and prints the CSS to copy', async () => {
    const css = container.querySelector<HTMLTextAreaElement>('.g-css-output')!;
    expect(css.value).to.contain('Nothing changed yet');

    const accent = container.querySelector<HTMLInputElement>('[data-token="--cr-color-accent"] input[type="color"]')!;
    accent.value = '#7b2ff7';
    accent.dispatchEvent(new Event('input', { bubbles: true }));
    const palette = container.querySelector<HTMLInputElement>('[data-token="--cr-chart-palette"] input')!;
    palette.value = '#d7263d, #1b998b, #2e294e';
    palette.dispatchEvent(new Event('change', { bubbles: true }));

    const stage = container.querySelector<HTMLElement>('[data-gallery-stage]')!;
    expect(getComputedStyle(stage).getPropertyValue('--cr-color-accent').trim()).to.equal('#7b2ff7');
    expect(css.value).to.contain(':root {').and.contain('--cr-color-accent: #7b2ff7;').and.contain('--cr-chart-palette: #d7263d, #1b998b, #2e294e;');
    expect(gallery.css()).to.equal(css.value);

    // Charts redraw with the new palette (the dark ones keep theirs).
    const bar = tilesIn(section('charts')).find((tile) => tile.spec!.chartType === 'bar')!;
    await waitUntil(() => (bar.chart?.getOption() as { color?: string[] }).color?.[0] === '#d7263d', 'the bar chart was not redrawn');
    const darkBar = tilesIn(section('schemes').querySelector('[data-scheme="dark"]')!)[0]!;
    expect((darkBar.chart!.getOption() as { color?: string[] }).color?.[0]).to.equal('#4493f8');

    // Dark values are separate.
    gallery.setToken('--cr-color-accent', '#ffb000', 'dark');
    expect(css.value).to.contain("[theme='dark'] {").and.contain('--cr-color-accent: #ffb000;');
    expect(getComputedStyle(darkBar).getPropertyValue('--cr-color-accent').trim()).to.equal('#ffb000');

    container.querySelector<HTMLButtonElement>('[data-action="copy-css"]')!.click();
    await waitUntil(() => container.querySelector('.g-copy-status')!.textContent!.trim() !== '');

    container.querySelector<HTMLButtonElement>('[data-action="reset"]')!.click();
    expect(css.value).to.contain('Nothing changed yet');
  });

  it('passes axe', async () => {
    // The theme panel folds on narrow screens: open it so axe checks its controls too.
    container.querySelector<HTMLDetailsElement>('.g-panel-details')!.open = true;
    // Several dashboards on one page: the kit adds no landmarks of its own, so none can collide.
    await expect(container).to.be.accessible();
  });

  it('logged no error', () => {
    expect(problems).to.deep.equal([]);
  });
});

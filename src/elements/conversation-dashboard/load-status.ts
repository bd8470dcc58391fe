import { html, nothing, type TemplateResult } from 'lit';
import type { DataLoadController } from '../../controllers/data-load-controller.ts';
import { onDemand } from '../../core/on-demand.ts';
import type { DashboardConfigError } from '../../core/schema/dashboard-config.ts';
import type { ParseError } from '../../core/wire/parse-conversations.ts';

type Translate = (key: string, params?: Record<string, string | number>) => string;

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export interface LoadStatusInput {
  loader: DataLoadController;
  hasSource: boolean;
  /** Why the range cannot be used, in the reader's words; null when it can. */
  rangeError: string | null;
  locale: string;
  timeZone: string;
  t: Translate;
  retry: () => void;
}

/** No source yet, a range that cannot be used, the load's progress, or its error with Retry (and the time of the data still shown). */
export function renderLoadStatus({ loader, hasSource, rangeError, locale, timeZone, t, retry }: LoadStatusInput): TemplateResult | typeof nothing {
  if (rangeError) return html`<div part="error" role="alert">${rangeError}</div>`;
  if (!hasSource) return html`<div part="notice" role="status">${t('dashboard.noSource')}</div>`;
  const number = new Intl.NumberFormat(locale);
  if (loader.state === 'loading') {
    const { loaded, total, activity } = loader.progress;
    let text =
      activity?.step === 'reading' && activity.of !== null
        ? t('dashboard.readingMessages', { done: number.format(activity.done), of: number.format(activity.of) })
        : activity?.step === 'listing'
          ? t('dashboard.listing', { done: number.format(activity.done) })
          : total === null
            ? t('dashboard.loadingUnknown', { loaded: number.format(loaded) })
            : t('dashboard.loading', { loaded: number.format(loaded), total: number.format(total) });
    if (activity?.waiting === 'rate-limit') text += ` · ${t('dashboard.waitingRateLimit', { service: activity.service ?? '' })}`;
    return html`<div part="progress" role="status" aria-live="polite">
      <span>${text}</span>
      <progress max=${total ?? 1} .value=${total === null ? 0 : loaded} aria-label=${text}></progress>
    </div>`;
  }
  if (loader.state === 'error') {
    const asOf = loader.data
      ? t('dashboard.asOf', { time: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(loader.data.loadedAt) })
      : '';
    return html`<div part="error" role="alert">
      <span>${t('dashboard.loadError', { message: message(loader.error) })} ${asOf}</span>
      <button type="button" class="primary" @click=${retry}>${t('dashboard.retry')}</button>
    </div>`;
  }
  return nothing;
}

/** The source's names could not be read: the reports still show, with ids in place of names. */
export function renderLookupsNotice(loader: DataLoadController, hasSource: boolean, t: Translate, retry: () => void): TemplateResult | typeof nothing {
  const error = hasSource ? loader.lookupsError : null;
  if (!error || loader.state === 'error') return nothing;
  return html`<div part="notice" role="status" class="lookups-notice">
    <span>${t('dashboard.lookupsError', { message: message(error) })}</span>
    <button type="button" @click=${retry}>${t('dashboard.retry')}</button>
  </div>`;
}

export interface Toast {
  message: string;
  undo?: () => void;
}

/** What just happened, with Undo for a removal; always in the page (empty when idle), so that a screen reader announces what is put into it. */
export function renderToast(toast: Toast | null, t: Translate, dismiss: () => void): TemplateResult {
  return html`<div part="toast" class=${toast ? 'toast open' : 'toast'} role="status" aria-live="polite">
    ${toast
      ? html`<span class="toast-message">${toast.message}</span>
          ${toast.undo ? html`<button type="button" class="undo" @click=${toast.undo}>${t('dashboard.undo')}</button>` : nothing}
          <button type="button" class="dismiss" aria-label=${t('dashboard.dismiss')} @click=${dismiss}>
            <span aria-hidden="true">✕</span>
          </button>`
      : nothing}
  </div>`;
}

/** An unusable markup configuration, in place of the dashboard: what is wrong, field by field. */
export function renderConfigError(error: DashboardConfigError, t: Translate): TemplateResult {
  return html`<div part="config-error" role="alert" class="config-error">
    <p><strong>${t('dashboard.configError')}</strong></p>
    <ul>
      ${error.issues.slice(0, 20).map((issue) => html`<li>${issue.path ? html`<code>${issue.path}</code>: ` : nothing}${issue.message}</li>`)}
    </ul>
  </div>`;
}

export interface StatusAreaInput extends LoadStatusInput {
  /** Why the store failed, or null. */
  storeError: string | null;
  /** The records the source rejected (the data-quality panel shows when there are any). */
  rejected: readonly ParseError[];
}

/** The data-quality panel's element: most loads reject nothing, so it is defined when the first rejected record is to be shown. */
const dataQualityPanel = onDemand(() => import('../data-quality/data-quality.ts'));

/**
 * Defines `<cr-data-quality>` when `rejected` holds records to show; resolves once it is defined (at
 * once when there are none). A chunk that did not arrive is asked for again by the next call.
 */
export function dataQualityReady(rejected: readonly ParseError[]): Promise<void> {
  if (rejected.length === 0 || dataQualityPanel.ready) return Promise.resolve();
  return dataQualityPanel.load().catch(() => undefined);
}

/** Everything between the header and the grid: the load's status, the names notice, the store's error and the rejected records. */
export function renderStatusArea(input: StatusAreaInput): TemplateResult {
  const { loader, hasSource, t, retry, storeError, rejected } = input;
  return html`${renderLoadStatus(input)} ${renderLookupsNotice(loader, hasSource, t, retry)}
  ${storeError ? html`<div part="error" role="alert">${t('dashboard.storeError', { message: storeError })}</div>` : nothing}
  ${rejected.length > 0 ? html`<cr-data-quality part="data-quality" .rejected=${rejected} locale=${input.locale}></cr-data-quality>` : nothing}`;
}

import { html, nothing, type TemplateResult } from 'lit';
import type { DashboardConfigError } from '../../core/schema/dashboard-config.ts';
import type { ReportSpec } from '../../core/schema/report-spec.ts';
import { MAX_DATE_BUCKETS } from '../../core/time/time-buckets.ts';
import { errorMessage } from '../../i18n/error-message.ts';
import { formatNumber } from '../../i18n/format.ts';
import type { TileText } from './tile-text.ts';

export function renderLoading(text: TileText): TemplateResult {
  return html`<div class="state" part="loading" role="status" aria-live="polite">
    <div class="spinner" aria-hidden="true"></div>
    <span>${text.t('tile.loading')}</span>
  </div>`;
}

export function renderEmpty(text: TileText): TemplateResult {
  return html`<div class="state" part="empty" role="status">${text.t('tile.empty')}</div>`;
}

export function renderError(text: TileText, message: string, retry: () => void): TemplateResult {
  return html`<div class="state" part="error" role="alert">
    <span>${text.t('tile.error', { message })}</span>
    <button type="button" class="retry" @click=${retry}>${text.t('tile.retry')}</button>
  </div>`;
}

/** In place of the whole report: each bad field of the markup configuration. */
export function renderConfigError(text: TileText, error: DashboardConfigError): TemplateResult {
  return html`<article part="tile">
    <div part="config-error" role="alert">
      <p><strong>${text.t('tile.configError')}</strong></p>
      <ul>
        ${error.issues.slice(0, 20).map((issue) => html`<li>${issue.path ? html`<code>${issue.path}</code>: ` : nothing}${issue.message}</li>`)}
      </ul>
    </div>
  </article>`;
}

/** A compute error in the user's words; the bucket bound is known by name (it crosses from the Worker). */
export function computeErrorText(text: TileText, error: unknown, spec: ReportSpec): string {
  if (error instanceof Error && error.name === 'TooManyBucketsError')
    return text.t('tile.tooManyBuckets', {
      bucket: text.t(`editor.bucket.${spec.timeBucket ?? 'day'}`),
      limit: formatNumber(MAX_DATE_BUCKETS, text.locale),
    });
  // Business-hour reports need the host's schedule: say so in the reader's language, naming the property.
  const property = (error as { property?: unknown } | null)?.property;
  if (error instanceof Error && error.name === 'MissingBusinessHoursError' && typeof property === 'string')
    return text.t('tile.needsBusinessHours', { property: text.t(`property.${property}`) });
  return errorMessage(error);
}

import { html, nothing, type TemplateResult } from 'lit';
import type { RefreshController } from '../../controllers/refresh-controller.ts';
import type { Clock } from '../../controllers/clock.ts';
import { formatUntil } from '../../i18n/elapsed.ts';

export interface RefreshStatusInput {
  refresh: RefreshController;
  clock: Clock;
  locale: string;
  timeZone: string;
  t: (key: string, params?: Record<string, string | number>) => string;
  /** Why the last background refresh failed (the shown data is older), or null. */
  error: string | null;
}

/**
 * "Updated 3 minutes ago" with a Refresh button, and, after a failed background refresh, a note
 * that the previous data is shown and when the next try comes. Not a live region: a clock that
 * changes every minute would talk over the reports; the note of a failure is a status.
 */
export function renderRefreshStatus({ refresh, clock, locale, timeZone, t, error }: RefreshStatusInput): TemplateResult | typeof nothing {
  const elapsed = refresh.elapsed(locale);
  if (!elapsed) return nothing;
  const text = elapsed.text === null ? t('live.updatedJustNow') : t('live.updated', { time: elapsed.text });
  const exact = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium', timeZone }).format(elapsed.at);
  const retry = error && refresh.dueAt !== null ? t('live.retryIn', { time: formatUntil(refresh.dueAt - clock.now(), locale) }) : '';
  return html`<div part="refresh" class="refresh-status" role="group" aria-label=${t('live.status')}>
    <time datetime=${new Date(elapsed.at).toISOString()} title=${exact}>${text}</time>
    ${refresh.refreshing ? html`<span class="refreshing">${t('live.refreshing')}</span>` : nothing}
    <button type="button" class="refresh-button" ?disabled=${refresh.refreshing} @click=${() => refresh.refreshNow()}>${t('live.refresh')}</button>
    ${error ? html`<p class="refresh-error" role="status">${t('live.refreshFailed', { message: error })} ${retry}</p>` : nothing}
  </div>`;
}

import { html, nothing } from 'lit';
import type { Conversation } from '../../core/index.ts';
import { formatDuration } from '../../i18n/format.ts';
import {
  assigneeName,
  channelLabel,
  chatflowName,
  conversationHref,
  inboxName,
  responseTime,
  safeHref,
  shortUrl,
  statusLabel,
  textOf,
  timeOf,
  timeToClose,
  type DrillColumnId,
  type LookupNames,
} from './drill-columns.ts';

/** How the dialog shows values: its texts, names, language, dates and the conversation link template. */
export interface DrillCellView {
  t(key: string, params?: Record<string, string | number>): string;
  names: LookupNames;
  language: string;
  dateFormat: Intl.DateTimeFormat;
  conversationUrl: string | null;
}

/** The content of one table cell: column `id` of conversation `c`; a missing value says so. */
export function renderDrillCell(id: DrillColumnId, c: Conversation, view: DrillCellView): unknown {
  const missing = () => html`<span class="missing">${view.t('drill.none')}</span>`;
  const text = (value: string | null) => value ?? missing();
  switch (id) {
    case 'subject': {
      const subject = textOf(c.subject);
      const name = textOf(c.contactName);
      const email = textOf(c.contactEmail);
      const shownSubject = subject ?? view.t('drill.noSubject');
      const href = conversationHref(view.conversationUrl, c.id);
      return html`<span class=${subject === null ? 'subject missing' : 'subject'}
          >${href
            ? html`<a part="conversation-link" href=${href} rel="noopener noreferrer" target="_blank"
                >${shownSubject}<span class="visually-hidden"> ${view.t('drill.openConversation')}</span></a
              >`
            : shownSubject}</span
        >
        ${name || email
          ? html`<span class="contact">${name ? html`<span class="name">${name}</span>` : nothing}
              ${email ? html`<span class="email">${email}</span>` : nothing}</span>`
          : nothing}`;
    }
    case 'assignee': {
      const name = assigneeName(c, view.names);
      return name ?? html`<span class="missing">${view.t('drill.unassigned')}</span>`;
    }
    case 'inbox':
      return text(inboxName(c, view.names));
    case 'channel':
      return text(channelLabel(c.channel, view.language));
    case 'status':
      return text(statusLabel(c.status, view.language));
    case 'createdAt':
    case 'firstResponseAt':
    case 'closedAt': {
      const time = timeOf(c[id]);
      if (time === null) return missing();
      return html`<time datetime=${new Date(time).toISOString()}>${view.dateFormat.format(time)}</time>`;
    }
    case 'responseTime':
    case 'timeToClose': {
      const ms = id === 'responseTime' ? responseTime(c) : timeToClose(c);
      return ms === null ? missing() : formatDuration(ms, view.language);
    }
    case 'pageUrl': {
      const url = textOf(c.pageUrl);
      if (url === null) return missing();
      const href = safeHref(url);
      return href
        ? html`<a href=${href} rel="noopener noreferrer" target="_blank" title=${url}
            >${shortUrl(url)}<span class="visually-hidden"> ${view.t('drill.newTab')}</span></a
          >`
        : html`<span title=${url}>${shortUrl(url)}</span>`;
    }
    case 'chatflow':
      return text(chatflowName(c, view.names));
    case 'ticket':
      return text(textOf(c.ticketId));
  }
}

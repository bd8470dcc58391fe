import type { ReportSpec } from '../schema/report-spec.ts';

export interface DashboardTemplate {
  id: string;
  name: string;
  description: string;
  reports: ReportSpec[];
}

const byAssignee = { dimension: 'assigneeId' as const, filters: [] };

/**
 * The two default dashboards of the source article, six reports each, and (v2) a third with what
 * peers offer beyond it. Titles are English; catalogs translate them by id.
 */
export const templates: { readonly chatOverview: DashboardTemplate; readonly emailOverview: DashboardTemplate; readonly teamPerformance: DashboardTemplate } = {
  chatOverview: {
    id: 'chat-overview',
    name: 'Chat overview',
    description: 'How chats between your team and your website visitors are spread, answered and closed.',
    reports: [
      {
        id: 'chat-volume-by-assignee',
        title: 'Chat volume by assignee',
        description: 'Chats, open or closed, assigned to each team member.',
        channel: 'chat',
        chartType: 'bar',
        ...byAssignee,
        measure: { op: 'count' },
        dateProperty: 'createdAt',
      },
      {
        id: 'chat-volume-by-page-url',
        title: 'Chat volume by URL',
        description: 'Chats started on each page URL (query strings and fragments ignored).',
        channel: 'chat',
        chartType: 'bar',
        dimension: 'pageUrl',
        filters: [],
        measure: { op: 'count' },
        dateProperty: 'createdAt',
        limit: 10,
      },
      {
        id: 'chat-response-time-by-assignee',
        title: 'Chat response time by assignee',
        description: 'Average time each team member took to answer a new chat.',
        channel: 'chat',
        chartType: 'bar',
        ...byAssignee,
        measure: { op: 'avg', property: 'responseTime' },
        dateProperty: 'createdAt',
      },
      {
        id: 'chat-time-to-close-by-assignee',
        title: 'Time to close chats by assignee',
        description: 'Average time each team member took to close a chat.',
        channel: 'chat',
        chartType: 'bar',
        ...byAssignee,
        measure: { op: 'avg', property: 'timeToClose' },
        dateProperty: 'createdAt',
      },
      {
        id: 'chats-closed-by-assignee',
        title: 'Total chats closed by assignee',
        description: 'Chats each team member closed in the period.',
        channel: 'chat',
        chartType: 'column',
        dimension: 'assigneeId',
        filters: [{ property: 'status', operator: 'is', value: 'closed' }],
        measure: { op: 'count' },
        dateProperty: 'closedAt',
      },
      {
        id: 'chat-volume-by-chatflow',
        title: 'Chat volume by chatflow',
        description: 'Chats, open or closed, started by each chatflow.',
        channel: 'chat',
        chartType: 'donut',
        dimension: 'chatflowId',
        filters: [],
        measure: { op: 'count' },
        dateProperty: 'createdAt',
      },
    ],
  },
  emailOverview: {
    id: 'email-overview',
    name: 'Email overview',
    description: 'How your team handles email conversations in the inbox.',
    reports: [
      {
        id: 'email-volume-by-assignee',
        title: 'Email volume by assignee',
        description: 'Email conversations assigned to each team member.',
        channel: 'email',
        chartType: 'bar',
        ...byAssignee,
        measure: { op: 'count' },
        dateProperty: 'createdAt',
      },
      {
        id: 'email-response-time-by-assignee',
        title: 'Email response time by assignee',
        description: 'Average time each team member took to answer a new email.',
        channel: 'email',
        chartType: 'bar',
        ...byAssignee,
        measure: { op: 'avg', property: 'responseTime' },
        dateProperty: 'createdAt',
      },
      {
        id: 'emails-closed-by-assignee',
        title: 'Total emails closed by assignee',
        description: 'Email conversations each team member closed in the period.',
        channel: 'email',
        chartType: 'column',
        dimension: 'assigneeId',
        filters: [{ property: 'status', operator: 'is', value: 'closed' }],
        measure: { op: 'count' },
        dateProperty: 'closedAt',
      },
      {
        id: 'email-time-to-close-by-assignee',
        title: 'Time to close emails by assignee',
        description: 'Average time each team member took to close an email conversation.',
        channel: 'email',
        chartType: 'bar',
        ...byAssignee,
        measure: { op: 'avg', property: 'timeToClose' },
        dateProperty: 'createdAt',
      },
      {
        id: 'email-volume-over-time',
        title: 'Email volume over time',
        description: 'Incoming email conversations per day.',
        channel: 'email',
        chartType: 'line',
        dimension: 'createdAt',
        timeBucket: 'day',
        filters: [],
        measure: { op: 'count' },
        dateProperty: 'createdAt',
      },
      {
        id: 'open-emails-by-inbox',
        title: 'Open emails by inbox',
        description: 'Email conversations still open, per inbox.',
        channel: 'email',
        chartType: 'pie',
        dimension: 'inboxId',
        filters: [{ property: 'status', operator: 'is', value: 'open' }],
        measure: { op: 'count' },
        dateProperty: 'createdAt',
      },
    ],
  },
  // Needs `context.businessHours` (and `context.sla` for the SLA reports): see README, "Business hours and SLAs".
  teamPerformance: {
    id: 'team-performance',
    name: 'Team performance',
    description: 'Response and resolution times in business hours, SLA targets met and missed, and when conversations come in, per team.',
    reports: [
      {
        id: 'first-response-business-by-assignee',
        title: 'Median first response in business hours by assignee',
        description: 'Half of each team member’s first replies came faster than this, counting business hours only.',
        chartType: 'bar',
        ...byAssignee,
        measure: { op: 'median', property: 'responseTimeBusiness' },
        dateProperty: 'createdAt',
      },
      {
        id: 'first-response-sla-by-team',
        title: '% first responses within SLA by team',
        description: 'Share of conversations each team answered within the first-response target (still waiting within it left out).',
        chartType: 'bar',
        dimension: 'teamId',
        filters: [],
        measure: { op: 'share', property: 'firstResponseSla', value: 'met' },
        dateProperty: 'createdAt',
      },
      {
        id: 'sla-breaches-over-time',
        title: 'SLA breaches over time',
        description: 'Conversations per day whose first response missed the target, or is still missing past it.',
        chartType: 'column',
        dimension: 'createdAt',
        timeBucket: 'day',
        filters: [{ property: 'firstResponseSla', operator: 'is', value: 'breached' }],
        measure: { op: 'count' },
        dateProperty: 'createdAt',
      },
      {
        id: 'volume-by-weekday-hour',
        title: 'Conversations by weekday and hour',
        description: 'When conversations come in, by hour of the day and day of the week: for staffing.',
        chartType: 'heatmap',
        dimension: 'createdHour',
        breakdown: 'createdWeekday',
        filters: [],
        measure: { op: 'count' },
        dateProperty: 'createdAt',
      },
      {
        id: 'time-to-close-business-by-inbox',
        title: 'Time to close in business hours by inbox',
        description: 'Average time to close a conversation in each inbox, counting that inbox’s business hours only.',
        chartType: 'bar',
        dimension: 'inboxId',
        filters: [],
        measure: { op: 'avg', property: 'timeToCloseBusiness' },
        dateProperty: 'createdAt',
      },
      {
        id: 'volume-by-team',
        title: 'Conversation volume by team',
        description: 'Conversations, open or closed, assigned to each team.',
        chartType: 'donut',
        dimension: 'teamId',
        filters: [],
        measure: { op: 'count' },
        dateProperty: 'createdAt',
      },
    ],
  },
};

export const templateList: readonly DashboardTemplate[] = [templates.chatOverview, templates.emailOverview, templates.teamPerformance];

/** The dashboards a dashboard shows by default: the article's two (the third needs business hours and SLAs set). */
export const defaultTemplateList: readonly DashboardTemplate[] = [templates.chatOverview, templates.emailOverview];

/** Every template report, for the report library. */
export const templateReports: readonly ReportSpec[] = templateList.flatMap((template) => template.reports);

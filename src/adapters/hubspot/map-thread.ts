import type { PropertyValue } from '../../core/schema/conversation.ts';

/**
 * A thread as HubSpot Conversations v3 returns it (`PublicThread`, `GET /conversations/v3/conversations/threads`).
 * Every field is read defensively: the kit validates what comes out and names what is wrong.
 */
export interface HubSpotThread {
  id: string;
  createdAt: string;
  closedAt?: string | null;
  status: string;
  originalChannelId?: string;
  originalChannelAccountId?: string;
  inboxId?: string;
  assignedTo?: string | null;
  associatedContactId?: string;
  spam?: boolean;
  archived?: boolean;
  latestMessageTimestamp?: string;
  latestMessageSentTimestamp?: string;
  latestMessageReceivedTimestamp?: string;
  threadAssociations?: { associatedTicketId?: string | null } | null;
}

/** `PublicClient`: who sent a message through which door. */
export interface HubSpotClient {
  clientType?: 'HUBSPOT' | 'SYSTEM' | 'INTEGRATION' | 'UNKNOWN' | string;
  integrationAppId?: number;
}

/**
 * One entry of a thread's messages (`PublicMessage`: a `MESSAGE`, or a `COMMENT`, `WELCOME_MESSAGE`,
 * `ASSIGNMENT`, `THREAD_STATUS_CHANGE`, `THREAD_INBOX_CHANGE`).
 */
export interface HubSpotMessage {
  id: string;
  type: string;
  createdAt: string;
  direction?: string;
  createdBy?: string;
  subject?: string;
  client?: HubSpotClient;
  senders?: { actorId?: string; name?: string; deliveryIdentifier?: { type?: string; value?: string } }[];
}

export interface HubSpotMappingOptions {
  /** `originalChannelId` → channel; ids without an entry stay as they are. */
  channels: Readonly<Record<string, string>>;
  /** Count messages an integration sent as an agent (`client.clientType` INTEGRATION) as responses. */
  countIntegrations: boolean;
}

/** What the messages give a conversation: its start, its first response and who wrote first. */
export interface MessageFacts {
  createdAt: string | null;
  firstResponseAt: string | null;
  subject: string | null;
  contactName: string | null;
  contactEmail: string | null;
}

export function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

export function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : null;
}

export function time(value: unknown): number {
  return typeof value === 'string' ? Date.parse(value) : Number.NaN;
}

/**
 * The actors behind a message: its senders' `actorId`s, or, when no sender carries one (the spec
 * allows that), `createdBy`. `A-` agents, `V-` visitors, `B-` bots, `L-` the AI customer agent,
 * `S-` the system, `I-` integrations, `E-` email addresses.
 */
function actorsOf(message: HubSpotMessage): string[] {
  const senders = Array.isArray(message.senders) ? message.senders : [];
  const ids = senders.map((sender) => record(sender)?.actorId).filter((id): id is string => typeof id === 'string' && id !== '');
  if (ids.length > 0) return ids;
  return typeof message.createdBy === 'string' ? [message.createdBy] : [];
}

/** A message a team member wrote to the customer (not a bot, not an automation, not a note). */
export function isAgentResponse(message: HubSpotMessage, options: Pick<HubSpotMappingOptions, 'countIntegrations'>): boolean {
  if (message.type !== 'MESSAGE' || message.direction !== 'OUTGOING') return false;
  const clientType = record(message.client)?.clientType;
  // HubSpot takes only agent actors as API senders, so an integration's auto-reply looks like an A- agent: the client tells.
  if (clientType === 'SYSTEM' || (clientType === 'INTEGRATION' && !options.countIntegrations)) return false;
  return actorsOf(message).some((id) => id.startsWith('A-'));
}

/** `MESSAGE`s with a readable time, oldest first (HubSpot lists newest first); equal times keep ascending order of position. */
export function conversationMessages(messages: readonly HubSpotMessage[]): HubSpotMessage[] {
  return messages
    .map((message, index) => ({ message, index, at: time(record(message)?.createdAt) }))
    .filter((entry) => entry.message?.type === 'MESSAGE' && !Number.isNaN(entry.at))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map((entry) => entry.message);
}

/**
 * The conversation's start and first response, by DESIGN.md: it starts with the first INCOMING
 * message (an agent-initiated email starts when the customer answers); the first response is the
 * first OUTGOING message by a team member after it. With no incoming message there is no start
 * from the messages (the thread's own `createdAt` is used) and no response time.
 */
export function messageFacts(messages: readonly HubSpotMessage[], options: Pick<HubSpotMappingOptions, 'countIntegrations'>): MessageFacts {
  const ordered = conversationMessages(messages);
  const index = ordered.findIndex((message) => message.direction === 'INCOMING');
  const incoming = index < 0 ? undefined : ordered[index];
  const reply = incoming === undefined ? undefined : ordered.slice(index + 1).find((message) => isAgentResponse(message, options));
  const sender = Array.isArray(incoming?.senders) ? record(incoming.senders[0]) : null;
  const identifier = record(sender?.deliveryIdentifier);
  return {
    createdAt: incoming?.createdAt ?? null,
    firstResponseAt: reply?.createdAt ?? null,
    subject: text(incoming?.subject),
    contactName: text(sender?.name),
    contactEmail: identifier?.type === 'HS_EMAIL_ADDRESS' ? text(identifier.value) : null,
  };
}

/** The first response by a team member after the first customer message, or null. */
export function firstAgentResponse(messages: readonly HubSpotMessage[], options: { countIntegrations?: boolean } = {}): string | null {
  return messageFacts(messages, { countIntegrations: options.countIntegrations ?? false }).firstResponseAt;
}

/** What the enrichment callback may add or override: chatflow and page URL are not on the thread object. */
export interface HubSpotEnrichment {
  chatflowId?: string | null;
  pageUrl?: string | null;
  subject?: string | null;
  contactName?: string | null;
  contactEmail?: string | null;
  properties?: Record<string, PropertyValue>;
}

/** The fields a thread itself carries, which change without new messages (closing, reassigning, moving inbox). */
export function threadFields(thread: Record<string, unknown>, options: HubSpotMappingOptions): Record<string, unknown> {
  const status = text(thread.status);
  const channelId = text(thread.originalChannelId);
  return {
    channel: channelId === null ? null : Object.hasOwn(options.channels, channelId) ? options.channels[channelId] : channelId,
    status: status === 'OPEN' ? 'open' : status === 'CLOSED' ? 'closed' : status,
    inboxId: text(thread.inboxId),
    assigneeId: text(thread.assignedTo),
    // A reopened thread may still carry the time it was closed before: open means not closed.
    closedAt: status === 'OPEN' ? null : (thread.closedAt ?? null),
    ticketId: text(record(thread.threadAssociations)?.associatedTicketId),
  };
}

/** The conversation of a thread, from the thread, its messages' facts and the host's enrichment. */
export function mapThread(thread: Record<string, unknown>, facts: MessageFacts, extra: HubSpotEnrichment, options: HubSpotMappingOptions): Record<string, unknown> {
  const pick = <K extends keyof HubSpotEnrichment>(key: K, fallback: HubSpotEnrichment[K] | null): HubSpotEnrichment[K] | null =>
    Object.hasOwn(extra, key) ? (extra[key] ?? null) : fallback;
  const fields = threadFields(thread, options);
  // Passed on as found: the kit validates every field and reports what is wrong with which thread.
  return {
    id: text(thread.id),
    channel: fields.channel,
    status: fields.status,
    inboxId: fields.inboxId,
    assigneeId: fields.assigneeId,
    createdAt: facts.createdAt ?? thread.createdAt,
    closedAt: fields.closedAt,
    firstResponseAt: facts.firstResponseAt,
    ticketId: fields.ticketId,
    chatflowId: pick('chatflowId', null),
    pageUrl: pick('pageUrl', null),
    subject: pick('subject', facts.subject),
    contactName: pick('contactName', facts.contactName),
    contactEmail: pick('contactEmail', facts.contactEmail),
    properties: extra.properties ?? {},
  };
}

import type { Conversation, Lookups } from '../../../src/core/schema/conversation.ts';
import { seededRandom as makeRandom } from '../../fixtures/seeded-random.ts';

/**
 * Hand-shaped data for the SQL oracle: small enough to read, dense in the places where a report
 * engine can go wrong (range edges, DST changes, nulls, unknown ids, odd URLs, ties).
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** DST changes the bucket tests cross, as UTC instants of the change. */
export const DST_CHANGES = {
  amsterdamSpring: Date.UTC(2026, 2, 29, 1),
  amsterdamAutumn: Date.UTC(2026, 9, 25, 1),
  newYorkSpring: Date.UTC(2026, 2, 8, 7),
  newYorkAutumn: Date.UTC(2026, 10, 1, 6),
  // Chile skips local midnight (00:00 → 01:00), so that day starts at 01:00.
  santiagoSpring: Date.UTC(2026, 8, 6, 4),
} as const;

/** A window where every group gets the same count, so `limit` must break ties by label. */
export const TIE_WINDOW = { from: Date.UTC(2026, 6, 1), to: Date.UTC(2026, 6, 2) } as const;

export const ADVERSARIAL_LOOKUPS: Lookups = {
  // Names chosen so that code-point order and human (locale) order disagree: lower-case first
  // letters, accents. `agent-ghost` has no entry on purpose.
  assignees: [
    { id: 'agent-01', name: 'Ana Ruiz', teamId: 'team-a' },
    { id: 'agent-02', name: 'ben Okafor', teamId: 'team-a' },
    { id: 'agent-03', name: 'Émile Zola', teamId: 'team-b' },
    { id: 'agent-04', name: 'Zoë Park' },
    { id: 'agent-05', name: 'Chen Wei', teamId: 'team-b' },
    { id: 'agent-06', name: 'dana Scully' },
    { id: 'agent-07', name: 'Bea Smith' },
    { id: 'agent-08', name: 'Ömer Kaya' },
  ],
  inboxes: [
    { id: 'inbox-sales', name: 'Sales' },
    { id: 'inbox-support', name: 'support' },
    { id: 'inbox-billing', name: 'Billing' },
  ],
  chatflows: [
    { id: 'flow-welcome', name: 'Welcome' },
    { id: 'flow-pricing', name: 'pricing questions' },
    { id: 'flow-after-hours', name: 'After hours' },
  ],
};

const ASSIGNEE_IDS = [...ADVERSARIAL_LOOKUPS.assignees.map((a) => a.id), 'agent-ghost', 'agent-phantom'];
const INBOX_IDS = [...ADVERSARIAL_LOOKUPS.inboxes.map((i) => i.id), 'inbox-ghost'];
const CHATFLOW_IDS = [...ADVERSARIAL_LOOKUPS.chatflows.map((f) => f.id), 'flow-ghost'];

/** Raw URLs: the same page reached with UTM tags, fragments, case and port variants, plus non-URLs. */
export const PAGE_URLS = [
  'https://shop.example.com/pricing',
  'https://shop.example.com/pricing?utm_source=google&utm_medium=cpc',
  'https://shop.example.com/pricing#faq',
  'https://shop.example.com/pricing?UTM_SOURCE=Newsletter#top',
  'https://SHOP.example.com:443/pricing',
  'https://shop.example.com/Pricing',
  'https://shop.example.com/pricing/',
  'https://shop.example.com',
  'https://shop.example.com/?utm_campaign=spring',
  'http://shop.example.com/pricing',
  'https://shop.example.com:8443/pricing?x=1',
  'https://blog.example.com/posts/2026/dst?ref=twitter#comments',
  'https://blog.example.com/posts/2026/dst',
  'https://bücher.example/katalog?q=1',
  'https://shop.example.com/caf%C3%A9',
  'https://shop.example.com/café',
  '  https://shop.example.com/contact?utm_source=x  ',
  '/relative/path?utm_source=x',
  'not a url',
  'shop.example.com/pricing',
  '',
];

/**
 * URLs that parse but have an opaque origin: WHATWG gives origin "null", so the contract's
 * `origin + pathname` reads "nullsales@example.com". Kept apart so that one reading does not
 * drown every other page-URL comparison.
 */
export const OPAQUE_ORIGIN_URLS = ['mailto:sales@example.com?subject=hi', 'javascript:void(0)', 'about:blank#top', 'data:text/plain,hello'];

/** A few chats on opaque-origin URLs next to ordinary ones. */
export function generateOpaqueOriginConversations(): AdversarialData {
  const base = Date.UTC(2026, 5, 1, 9);
  const urls = [...OPAQUE_ORIGIN_URLS, 'https://shop.example.com/pricing?utm_source=x', 'https://shop.example.com/pricing'];
  const conversations: Conversation[] = urls.flatMap((pageUrl, u) =>
    Array.from({ length: u + 1 }, (_, k): Conversation => ({
      id: `opaque-${u}-${k}`,
      channel: 'chat',
      status: 'open',
      inboxId: 'inbox-sales',
      assigneeId: null,
      createdAt: base + u * 60_000 + k,
      firstResponseAt: null,
      closedAt: null,
      chatflowId: null,
      pageUrl,
      ticketId: null,
      subject: null,
      contactName: null,
      contactEmail: null,
      properties: {},
    })),
  );
  return { conversations, lookups: ADVERSARIAL_LOOKUPS };
}

const SUBJECTS = [
  'Refund request',
  'REFUND please',
  'Where is my order?',
  'Invoice #123',
  'Question about pricing',
  'refunded twice?!',
  'Hello',
  '',
];

const PRIORITIES = ['low', 'normal', 'high', 'urgent', ''];
const SEGMENTS = ['smb', 'Enterprise', 'enterprise', 'mid-market'];

export interface AdversarialOptions {
  seed?: number;
  /**
   * Range edges (from, to, previous-period from) of the contexts under test: records land exactly
   * on them and one millisecond either side, for every date property.
   */
  boundaries?: readonly number[];
}

export interface AdversarialData {
  conversations: Conversation[];
  lookups: Lookups;
}

export function generateAdversarialConversations(options: AdversarialOptions = {}): AdversarialData {
  const random = makeRandom(options.seed ?? 20260329);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const chance = (p: number): boolean => random() < p;
  const conversations: Conversation[] = [];

  type Shape = {
    createdAt: number;
    firstResponseAt?: number | null;
    closedAt?: number | null;
    assigneeId?: string | null;
    channel?: string;
  };

  const add = (shape: Shape): void => {
    const i = conversations.length + 1;
    const channelRoll = random();
    const channel = shape.channel ?? (channelRoll < 0.55 ? 'chat' : channelRoll < 0.95 ? 'email' : 'whatsapp');
    const createdAt = shape.createdAt;

    let firstResponseAt: number | null;
    if (shape.firstResponseAt !== undefined) firstResponseAt = shape.firstResponseAt;
    else {
      const roll = random();
      if (roll < 0.2) firstResponseAt = null;
      else if (roll < 0.3) firstResponseAt = createdAt + 5 * MINUTE; // exactly on a 5-minute filter edge
      else if (roll < 0.33) firstResponseAt = createdAt + 5 * MINUTE - 1;
      else if (roll < 0.36) firstResponseAt = createdAt + 5 * MINUTE + 1;
      else if (roll < 0.38) firstResponseAt = createdAt; // a response time of 0 is known, not null
      else firstResponseAt = createdAt + Math.floor(random() * random() * 6 * HOUR);
    }

    let closedAt: number | null;
    if (shape.closedAt !== undefined) closedAt = shape.closedAt;
    else if (chance(0.3)) closedAt = null;
    else closedAt = Math.max(createdAt, firstResponseAt ?? createdAt) + Math.floor(random() * random() * 3 * DAY);

    // Mostly consistent with closedAt, but not always: reports read the fields, not the story.
    const status: 'open' | 'closed' = chance(0.04) ? (closedAt === null ? 'closed' : 'open') : closedAt === null ? 'open' : 'closed';

    const assigneeId = shape.assigneeId !== undefined ? shape.assigneeId : chance(0.15) ? null : pick(ASSIGNEE_IDS);
    const isChat = channel === 'chat';
    const chatflowId = isChat ? (chance(0.15) ? null : pick(CHATFLOW_IDS)) : chance(0.03) ? pick(CHATFLOW_IDS) : null;
    const pageUrl = isChat ? (chance(0.1) ? null : pick(PAGE_URLS)) : chance(0.03) ? pick(PAGE_URLS) : null;

    const properties: Record<string, string | number | boolean | null> = {};
    const propRoll = random();
    // Each custom property is: present, explicitly null, or missing altogether.
    if (propRoll < 0.7) properties.priority = pick(PRIORITIES);
    else if (propRoll < 0.85) properties.priority = null;
    if (chance(0.6)) properties.amount = Math.round(random() * 50000) / 100;
    else if (chance(0.5)) properties.amount = null;
    if (chance(0.5)) properties.vip = chance(0.3);
    else if (chance(0.3)) properties.vip = null;
    if (chance(0.7)) properties.score = 1 + Math.floor(random() * 5);
    if (chance(0.5)) properties.segment = pick(SEGMENTS);

    conversations.push({
      id: 'adv-' + String(i).padStart(5, '0'),
      channel,
      status,
      inboxId: pick(INBOX_IDS),
      assigneeId,
      createdAt,
      firstResponseAt,
      closedAt,
      chatflowId,
      pageUrl,
      ticketId: chance(0.4) ? 'T-' + String(Math.floor(random() * 100000)).padStart(5, '0') + '-' + i : null,
      subject: chance(0.1) ? null : pick(SUBJECTS),
      contactName: chance(0.2) ? null : pick(['Jan Jansen', 'María López', 'li wei', 'Zoë']),
      contactEmail: chance(0.25) ? null : 'contact' + (i % 97) + '@example.com',
      properties,
    });
  };

  // Background: all of 2026 (and a little beyond), every timestamp with a millisecond part.
  const yearStart = Date.UTC(2026, 0, 1);
  const yearEnd = Date.UTC(2027, 0, 15);
  for (let n = 0; n < 2200; n++) add({ createdAt: yearStart + Math.floor(random() * (yearEnd - yearStart)) });

  // Around each DST change: dense random traffic plus instants on and next to the change, and in
  // the repeated / skipped local hour.
  const nearChange = [-DAY, -HOUR - 1, -HOUR, -HOUR + 1, -30 * MINUTE, -1, 0, 1, 30 * MINUTE, HOUR - 1, HOUR, HOUR + 1, 2 * HOUR];
  for (const change of Object.values(DST_CHANGES)) {
    for (const delta of nearChange) {
      add({ createdAt: change + delta });
      // Closed / first answered right at the change too, so those date properties bucket there.
      add({ createdAt: change + delta - 3 * HOUR - 7, closedAt: change + delta, firstResponseAt: change + delta - HOUR });
    }
    for (let n = 0; n < 120; n++) add({ createdAt: change - 4 * DAY + Math.floor(random() * 8 * DAY) });
  }

  for (const boundary of options.boundaries ?? []) {
    for (const delta of [-1, 0, 1]) {
      const at = boundary + delta;
      add({ createdAt: at });
      add({ createdAt: at - 2 * HOUR - 123, firstResponseAt: at, closedAt: at + 17 });
      add({ createdAt: at - 5 * HOUR - 7, firstResponseAt: at - 5 * HOUR, closedAt: at });
    }
  }

  // Tie window: every assignee (incl. unknown ids) gets exactly three chats; a fourth group of
  // three is unassigned.
  const tieAssignees = [...ASSIGNEE_IDS, null];
  tieAssignees.forEach((assigneeId, index) => {
    for (let k = 0; k < 3; k++) {
      const createdAt = TIE_WINDOW.from + index * 17 * MINUTE + k * 3 * MINUTE + 123;
      add({ createdAt, assigneeId, channel: 'chat', firstResponseAt: createdAt + 5 * MINUTE, closedAt: createdAt + HOUR });
    }
  });

  // Open conversations that were never answered (all date properties but createdAt null), in a
  // row, so a group can hold nothing but nulls for a measure.
  for (let n = 0; n < 40; n++) {
    add({
      createdAt: Date.UTC(2026, 4, 5) + n * 7 * MINUTE + 999,
      firstResponseAt: null,
      closedAt: null,
      assigneeId: 'agent-silent',
    });
  }

  return { conversations, lookups: ADVERSARIAL_LOOKUPS };
}

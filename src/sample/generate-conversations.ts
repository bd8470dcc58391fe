import type { Conversation, Lookups } from '../core/schema/conversation.ts';

export interface GenerateConversationsOptions {
  /** How many conversations to make. */
  n: number;
  /** Same seed, same options → the same conversations, byte for byte. Taken as a 32-bit unsigned integer. */
  seed?: number;
  /** Epoch ms; no timestamp reaches it. Default 2026-11-20T00:00:00Z, fixed so demos and tests are reproducible. */
  end?: number;
  /** Days before `end` over which conversations arrive (rounded to whole hours). Default 120. */
  days?: number;
  /** IANA zone whose office hours (Mon–Fri 9–17) shape the arrivals. Default "Europe/Amsterdam". */
  timeZone?: string;
}

export interface GeneratedConversations {
  conversations: Conversation[];
  lookups: Lookups;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const DEFAULT_END = Date.UTC(2026, 10, 20);
const DEFAULT_DAYS = 120;
const DEFAULT_TIME_ZONE = 'Europe/Amsterdam';
const CHAT_SHARE = 0.6;

/**
 * sfc32: a few integer ops per draw, passes PractRand, and unlike Math.random it can be seeded,
 * which is the whole point of a reproducible sample.
 */
class Random {
  #a: number;
  #b: number;
  #c: number;
  #d: number;
  #spareNormal = 0;
  #hasSpareNormal = false;

  constructor(seed: number) {
    // splitmix32 spreads one small seed over sfc32's four words, so seeds 1 and 2 do not start alike.
    let state = seed >>> 0;
    const words = [0, 0, 0, 0];
    for (let i = 0; i < 4; i++) {
      state = (state + 0x9e3779b9) | 0;
      let z = state;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      words[i] = (z ^ (z >>> 16)) >>> 0;
    }
    this.#a = words[0]!;
    this.#b = words[1]!;
    this.#c = words[2]!;
    this.#d = words[3]!;
    for (let i = 0; i < 12; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.#a + this.#b) | 0) + this.#d) | 0;
    this.#d = (this.#d + 1) | 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) | 0;
    this.#c = (this.#c << 21) | (this.#c >>> 11);
    this.#c = (this.#c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** Standard normal (Box–Muller; the second value of each pair is kept for the next call). */
  normal(): number {
    if (this.#hasSpareNormal) {
      this.#hasSpareNormal = false;
      return this.#spareNormal;
    }
    const radius = Math.sqrt(-2 * Math.log(1 - this.next()));
    const angle = 2 * Math.PI * this.next();
    this.#spareNormal = radius * Math.sin(angle);
    this.#hasSpareNormal = true;
    return radius * Math.cos(angle);
  }

  /** Waiting times are skewed: most are short, a few are very long. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** Index drawn in proportion to the weights behind a cumulative table. */
  pick(cumulative: Float64Array): number {
    const target = this.next() * cumulative[cumulative.length - 1]!;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (cumulative[middle]! > target) high = middle;
      else low = middle + 1;
    }
    return low;
  }
}

function cumulativeOf(weights: readonly number[]): Float64Array {
  const cumulative = new Float64Array(weights.length);
  let sum = 0;
  for (let i = 0; i < weights.length; i++) cumulative[i] = sum += weights[i]!;
  return cumulative;
}

/** Zipf-like weights: the first few handle far more than the rest, as in real teams. */
function skewedWeights(count: number, exponent: number): number[] {
  return Array.from({ length: count }, (_, rank) => 1 / Math.pow(rank + 1, exponent));
}

// --- Who and where -------------------------------------------------------------------------------

type Language = 'en' | 'fr' | 'nl';
type TeamId = 'team-support' | 'team-sales' | 'team-billing';

const ASSIGNEES: readonly { name: string; teamId: TeamId }[] = [
  { name: 'Camille Dubois', teamId: 'team-support' },
  { name: 'Sanne de Vries', teamId: 'team-support' },
  { name: 'Emily Carter', teamId: 'team-support' },
  { name: 'Julien Moreau', teamId: 'team-support' },
  { name: 'Daan Jansen', teamId: 'team-support' },
  { name: 'Olivia Bennett', teamId: 'team-support' },
  { name: 'Léa Fontaine', teamId: 'team-support' },
  { name: 'Bram Visser', teamId: 'team-support' },
  { name: 'Grace Turner', teamId: 'team-support' },
  { name: 'Anouk de Boer', teamId: 'team-support' },
  { name: 'James Whitfield', teamId: 'team-sales' },
  { name: 'Chloé Girard', teamId: 'team-sales' },
  { name: 'Lotte Bakker', teamId: 'team-sales' },
  { name: 'Harry Collins', teamId: 'team-sales' },
  { name: 'Antoine Lefèvre', teamId: 'team-sales' },
  { name: 'Femke van Dijk', teamId: 'team-sales' },
  { name: 'Sophie Hughes', teamId: 'team-billing' },
  { name: 'Joost Mulder', teamId: 'team-billing' },
  { name: 'Mathieu Roux', teamId: 'team-billing' },
  { name: 'Thomas Reed', teamId: 'team-billing' },
];

const INBOXES: readonly { id: string; name: string; teamId: TeamId; chatWeight: number; emailWeight: number }[] = [
  { id: 'inbox-support', name: 'Support', teamId: 'team-support', chatWeight: 70, emailWeight: 50 },
  { id: 'inbox-sales', name: 'Sales', teamId: 'team-sales', chatWeight: 25, emailWeight: 25 },
  { id: 'inbox-billing', name: 'Billing', teamId: 'team-billing', chatWeight: 5, emailWeight: 25 },
];

const OUT_OF_HOURS_FLOW = 'flow-out-of-hours';
const CHATFLOWS: readonly { id: string; name: string; weight: number }[] = [
  { id: 'flow-support-widget', name: 'Support widget', weight: 34 },
  { id: 'flow-pricing-bot', name: 'Pricing page bot', weight: 18 },
  { id: 'flow-onboarding', name: 'Onboarding assistant', weight: 12 },
  { id: 'flow-checkout', name: 'Checkout helper', weight: 10 },
  { id: 'flow-demo-request', name: 'Demo request bot', weight: 9 },
  { id: 'flow-help-center', name: 'Help center bot', weight: 9 },
  { id: 'flow-returns', name: 'Returns & refunds', weight: 5 },
  // Only ever picked outside office hours, below.
  { id: OUT_OF_HOURS_FLOW, name: 'Out-of-hours bot', weight: 0 },
];

const SITE = 'https://www.northwind.example';
const HELP = 'https://help.northwind.example';
const PAGE_URLS: readonly string[] = [
  `${SITE}/`, `${SITE}/pricing`, `${SITE}/pricing/teams`, `${SITE}/pricing/enterprise`, `${SITE}/features`,
  `${SITE}/features/live-chat`, `${SITE}/features/email`, `${SITE}/features/chatbots`, `${SITE}/features/reports`,
  `${SITE}/integrations`, `${SITE}/integrations/shopify`, `${SITE}/integrations/wordpress`,
  `${SITE}/integrations/slack`, `${SITE}/customers`, `${SITE}/customers/acme`, `${SITE}/blog`,
  `${SITE}/blog/faster-response-times`, `${SITE}/blog/chatbot-tips`, `${SITE}/blog/omnichannel-support`,
  `${SITE}/about`, `${SITE}/careers`, `${SITE}/contact`, `${SITE}/demo`, `${SITE}/signup`, `${SITE}/login`,
  `${SITE}/checkout`, `${SITE}/checkout/payment`, `${SITE}/checkout/confirm`, `${SITE}/account`,
  `${SITE}/account/billing`, `${SITE}/account/team`, `${SITE}/security`, `${SITE}/partners`, `${SITE}/webinars`,
  `${SITE}/fr/`, `${SITE}/fr/tarifs`, `${SITE}/fr/fonctionnalites`, `${SITE}/nl/`, `${SITE}/nl/prijzen`,
  `${SITE}/nl/functies`, `${HELP}/`, `${HELP}/articles/getting-started`, `${HELP}/articles/install-the-widget`,
  `${HELP}/articles/chatflows`, `${HELP}/articles/email-forwarding`, `${HELP}/articles/reports`,
  `${HELP}/articles/billing-faq`, `${HELP}/articles/gdpr`, `${HELP}/articles/api`, `${HELP}/status`,
];

/** Campaign tags and anchors: the same page reached many ways, which is why the kit normalizes page URLs. */
const URL_SUFFIXES: readonly { suffix: string; weight: number }[] = [
  { suffix: '', weight: 70 },
  { suffix: '?utm_source=google&utm_medium=cpc&utm_campaign=brand', weight: 10 },
  { suffix: '?utm_source=newsletter&utm_medium=email&utm_campaign=november', weight: 7 },
  { suffix: '?utm_source=linkedin&utm_medium=social', weight: 4 },
  { suffix: '#faq', weight: 5 },
  { suffix: '?ref=partner#top', weight: 4 },
];

const FIRST_NAMES: Record<Language, readonly string[]> = {
  en: ['Oliver', 'Amelia', 'George', 'Isla', 'Noah', 'Ava', 'Jack', 'Mia', 'Leo', 'Ella', 'Arthur', 'Freya', 'Henry', 'Lily', 'Oscar', 'Ruby'],
  fr: ['Louis', 'Jade', 'Gabriel', 'Louise', 'Raphaël', 'Emma', 'Arthur', 'Alice', 'Hugo', 'Inès', 'Lucas', 'Manon', 'Nathan', 'Zoé', 'Théo', 'Élodie'],
  nl: ['Daan', 'Emma', 'Sem', 'Julia', 'Lucas', 'Mila', 'Finn', 'Tess', 'Levi', 'Sophie', 'Milan', 'Noor', 'Jesse', 'Fleur', 'Thijs', 'Sara'],
};
const LAST_NAMES: Record<Language, readonly string[]> = {
  en: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Evans', 'Thomas', 'Roberts', 'Walker', 'Wright', 'Green', 'Hall', 'Wood'],
  fr: ['Martin', 'Bernard', 'Durand', 'Petit', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefebvre', 'Michel', 'Garcia', 'Rousseau', 'Blanc', 'Faure'],
  nl: ['de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Janssen', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos'],
};
const MAIL_DOMAINS: readonly string[] = ['example.com', 'example.org', 'example.net', 'mail.example', 'post.example', 'acme.example', 'globex.example'];

const EMAIL_SUBJECTS: Record<Language, readonly string[]> = {
  en: [
    'Invoice question', 'Cannot log in to my account', 'Request for a quote', 'Refund for order',
    'Widget not showing on our site', 'Upgrade to the Teams plan', 'Change of billing address',
    'Export of our conversation history', 'GDPR data request', 'Partnership enquiry', 'Payment failed',
    'Add three seats to our subscription',
  ],
  fr: [
    'Question sur ma facture', 'Impossible de me connecter', 'Demande de devis', 'Remboursement de commande',
    'Changement d’adresse de facturation', 'Le widget ne s’affiche pas', 'Résiliation de l’abonnement',
  ],
  nl: [
    'Vraag over factuur', 'Kan niet inloggen', 'Offerteaanvraag', 'Terugbetaling bestelling',
    'Wijziging factuuradres', 'Widget werkt niet', 'Abonnement opzeggen',
  ],
};
const CHAT_SUBJECTS: readonly string[] = [
  'Pricing question', 'Help with setup', 'Where is my order?', 'Book a demo', 'Discount for non-profits?',
  'Trouble with checkout', 'How do chatflows work?', 'Cancel my trial',
];

const LANGUAGES: readonly Language[] = ['en', 'fr', 'nl'];
const LANGUAGE_WEIGHTS = cumulativeOf([35, 30, 35]);
const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
const PRIORITY_WEIGHTS = cumulativeOf([20, 60, 15, 5]);
/** Urgent work is answered first. */
const PRIORITY_SPEED = [1.4, 1, 0.7, 0.4];
const CSAT_WEIGHTS = cumulativeOf([6, 7, 12, 30, 45]);
const CONTACT_POOL_SIZE = 6000;

/** Hourly arrival weights, local time, index = hour. Chat follows the staffed widget; email trickles in all day. */
const CHAT_WEEKDAY = [0.3, 0.2, 0.15, 0.1, 0.1, 0.15, 0.4, 1.2, 4, 8, 10, 10, 8, 9, 10, 9.5, 8, 6, 3.5, 2.5, 2.2, 1.8, 1.2, 0.6];
const EMAIL_WEEKDAY = [1, 0.8, 0.6, 0.5, 0.5, 0.7, 1.2, 2.5, 5, 7, 7, 6.5, 5.5, 6, 6.5, 6, 5.5, 4.5, 3, 2.5, 2.2, 2, 1.6, 1.2];
const CHAT_WEEKEND = [0.3, 0.2, 0.15, 0.1, 0.1, 0.1, 0.2, 0.4, 0.8, 1.4, 1.8, 2, 2, 2, 2, 1.9, 1.8, 1.6, 1.4, 1.3, 1.2, 1, 0.7, 0.4];
const EMAIL_WEEKEND = [0.8, 0.6, 0.5, 0.4, 0.4, 0.4, 0.5, 0.7, 1, 1.4, 1.6, 1.6, 1.5, 1.5, 1.5, 1.4, 1.4, 1.3, 1.3, 1.3, 1.2, 1.1, 1, 0.9];

// --- Time ----------------------------------------------------------------------------------------

/** Offset of the zone from UTC at an instant, in ms (local = utc + offset). One Intl call. */
function zoneOffset(format: Intl.DateTimeFormat, instant: number): number {
  let year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0;
  for (const part of format.formatToParts(instant)) {
    const value = Number(part.value);
    switch (part.type) {
      case 'year': year = value; break;
      case 'month': month = value; break;
      case 'day': day = value; break;
      case 'hour': hour = value; break;
      case 'minute': minute = value; break;
      case 'second': second = value; break;
    }
  }
  return Date.UTC(year, month - 1, day, hour, minute, second) - Math.floor(instant / SECOND) * SECOND;
}

interface HourSlots {
  count: number;
  start: number;
  /** Cumulative arrival weight (chat + email) up to and including each hour. */
  cumulative: Float64Array;
  weight: Float64Array;
  chatShare: Float64Array;
  office: Uint8Array;
  /** Start of the next office hour at or after each hour (its own start when it is one). */
  nextOfficeStart: Float64Array;
}

/**
 * Arrival weights per hour of the span. The zone is asked once per day (plus once per hour on
 * the rare day whose offset changes), never per record.
 */
function hourSlots(end: number, days: number, timeZone: string, random: Random): HourSlots {
  const count = Math.max(1, Math.round(days * 24));
  const start = end - count * HOUR;
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
    hour: 'numeric', minute: 'numeric', second: 'numeric',
  });
  const dayCount = Math.ceil(count / 24);
  const dayOffsets = Array.from({ length: dayCount + 1 }, (_, day) => zoneOffset(format, start + day * DAY));

  const chat = new Float64Array(count);
  const email = new Float64Array(count);
  const office = new Uint8Array(count);
  let chatSum = 0;
  let emailSum = 0;
  let dayFactor = 1;
  for (let slot = 0; slot < count; slot++) {
    const day = Math.floor(slot / 24);
    const slotStart = start + slot * HOUR;
    if (slot % 24 === 0) {
      // Busy and quiet days, and a business that grows a little over the span.
      dayFactor = random.logNormal(1, 0.12) * (0.9 + (0.2 * day) / dayCount);
    }
    const offset = dayOffsets[day] === dayOffsets[day + 1] ? dayOffsets[day]! : zoneOffset(format, slotStart);
    const local = slotStart + offset;
    const hour = Math.floor((((local % DAY) + DAY) % DAY) / HOUR);
    const weekday = (((Math.floor(local / DAY) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
    const weekend = weekday === 0 || weekday === 6;
    chat[slot] = (weekend ? CHAT_WEEKEND : CHAT_WEEKDAY)[hour]! * dayFactor;
    email[slot] = (weekend ? EMAIL_WEEKEND : EMAIL_WEEKDAY)[hour]! * dayFactor;
    office[slot] = !weekend && hour >= 9 && hour < 17 ? 1 : 0;
    chatSum += chat[slot]!;
    emailSum += email[slot]!;
  }

  const chatScale = ((CHAT_SHARE / (1 - CHAT_SHARE)) * emailSum) / chatSum;
  const cumulative = new Float64Array(count);
  const weight = new Float64Array(count);
  const chatShare = new Float64Array(count);
  let sum = 0;
  for (let slot = 0; slot < count; slot++) {
    const chatWeight = chat[slot]! * chatScale;
    weight[slot] = chatWeight + email[slot]!;
    chatShare[slot] = chatWeight / weight[slot]!;
    cumulative[slot] = sum += weight[slot]!;
  }

  const nextOfficeStart = new Float64Array(count);
  // Past the span the next office hour is unknown; "tomorrow morning" is close enough, as it lies beyond `end` anyway.
  let next = end + 16 * HOUR;
  for (let slot = count - 1; slot >= 0; slot--) {
    if (office[slot]) next = start + slot * HOUR;
    nextOfficeStart[slot] = next;
  }
  return { count, start, cumulative, weight, chatShare, office, nextOfficeStart };
}

// --- Contacts ------------------------------------------------------------------------------------

interface Contact {
  name: string;
  email: string;
  language: Language;
  vip: boolean;
}

function mailbox(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').replace(/[^A-Za-z]/g, '').toLowerCase();
}

function contactPool(random: Random): Contact[] {
  const contacts: Contact[] = [];
  for (let i = 0; i < CONTACT_POOL_SIZE; i++) {
    const language = LANGUAGES[random.pick(LANGUAGE_WEIGHTS)]!;
    const firstNames = FIRST_NAMES[language];
    const lastNames = LAST_NAMES[language];
    const first = firstNames[Math.floor(random.next() * firstNames.length)]!;
    const last = lastNames[Math.floor(random.next() * lastNames.length)]!;
    const domain = MAIL_DOMAINS[Math.floor(random.next() * MAIL_DOMAINS.length)]!;
    // A number keeps two customers with the same name apart.
    const email = `${mailbox(first)}.${mailbox(last)}${i % 7 === 0 ? i : ''}@${domain}`;
    contacts.push({ name: `${first} ${last}`, email, language, vip: random.chance(0.05) });
  }
  return contacts;
}

// --- The generator -------------------------------------------------------------------------------

/**
 * A seeded, deterministic set of realistic chat and email conversations with their lookups, for
 * demos, tests and benchmarks. Arrivals follow office hours in `timeZone`; load is skewed across
 * about twenty assignees; response and close times are long-tailed (minutes for chat, hours for
 * email); the newest conversations are the ones most often still open. No timestamp reaches `end`.
 */
export function generateConversations(options: GenerateConversationsOptions): GeneratedConversations {
  const { n, seed = 1, end = DEFAULT_END, days = DEFAULT_DAYS, timeZone = DEFAULT_TIME_ZONE } = options;
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a whole number ≥ 0, got ${n}`);
  if (!Number.isFinite(end)) throw new RangeError(`end must be epoch milliseconds, got ${end}`);
  if (!Number.isFinite(days) || days <= 0) throw new RangeError(`days must be a positive number, got ${days}`);

  const random = new Random(seed);
  const slots = hourSlots(end, days, timeZone, random);
  const contacts = contactPool(random);

  const assigneeIds = ASSIGNEES.map((_, index) => `agent-${String(index + 1).padStart(2, '0')}`);
  const assigneeSpeed = ASSIGNEES.map(() => random.logNormal(1, 0.35));
  const anyAssignee = cumulativeOf(skewedWeights(ASSIGNEES.length, 0.8));
  const teamMembers = INBOXES.map((inbox) =>
    ASSIGNEES.flatMap((assignee, index) => (assignee.teamId === inbox.teamId ? [index] : [])),
  );
  const teamWeights = teamMembers.map((members) => cumulativeOf(skewedWeights(members.length, 0.9)));
  const chatInboxWeights = cumulativeOf(INBOXES.map((inbox) => inbox.chatWeight));
  const emailInboxWeights = cumulativeOf(INBOXES.map((inbox) => inbox.emailWeight));
  const chatflowWeights = cumulativeOf(CHATFLOWS.map((flow) => flow.weight));
  const pageWeights = cumulativeOf(skewedWeights(PAGE_URLS.length, 0.7));
  const suffixWeights = cumulativeOf(URL_SUFFIXES.map((variant) => variant.weight));
  // Every URL variant is built once here so the loop below only picks strings.
  const pageVariants = PAGE_URLS.map((url) => URL_SUFFIXES.map((variant) => url + variant.suffix));
  const idWidth = Math.max(6, String(n).length);

  const conversations: Conversation[] = new Array(n);
  let slot = 0;
  let ticketNumber = 10000;
  const lastSlot = slots.count - 1;
  const total = slots.cumulative[lastSlot]!;

  for (let i = 0; i < n; i++) {
    // Stratified draw: one arrival per 1/n of the total weight, so createdAt rises with the id
    // and the slot search only ever moves forward.
    const target = ((i + random.next()) / n) * total;
    while (slot < lastSlot && slots.cumulative[slot]! <= target) slot++;
    const slotWeight = slots.weight[slot]!;
    const fraction = Math.min(0.999999, Math.max(0, (target - (slots.cumulative[slot]! - slotWeight)) / slotWeight));
    let createdAt = slots.start + slot * HOUR + Math.floor(fraction * HOUR);
    const chat = random.next() < slots.chatShare[slot]!;
    // Mail headers carry whole seconds; chat events carry milliseconds.
    if (!chat) createdAt = Math.floor(createdAt / SECOND) * SECOND;
    const inOffice = slots.office[slot] === 1;

    const contact = contacts[Math.floor(random.next() * random.next() * CONTACT_POOL_SIZE)]!;
    const inboxIndex = random.pick(chat ? chatInboxWeights : emailInboxWeights);
    const priorityIndex = random.pick(PRIORITY_WEIGHTS);
    const ageInDays = (end - createdAt) / DAY;
    let open = random.chance(0.065 + 0.55 * Math.exp(-ageInDays / 6));
    const answered = open ? !random.chance(0.45) : !random.chance(0.04);

    let memberIndex: number;
    if (random.chance(0.9)) {
      const members = teamMembers[inboxIndex]!;
      memberIndex = members[random.pick(teamWeights[inboxIndex]!)]!;
    } else {
      memberIndex = random.pick(anyAssignee);
    }
    const speed = assigneeSpeed[memberIndex]! * PRIORITY_SPEED[priorityIndex]!;

    let firstResponseAt: number | null = null;
    if (answered) {
      const wait = chat
        ? random.logNormal(2.5 * MINUTE, 0.9) * (inOffice ? 1 : 3) * speed
        : Math.max(0, slots.nextOfficeStart[slot]! - createdAt) + random.logNormal(80 * MINUTE, 1) * speed;
      const at = createdAt + Math.max(chat ? 5 * SECOND : MINUTE, Math.round(wait));
      if (at < end) firstResponseAt = at;
      else open = true;
    }

    let closedAt: number | null = null;
    if (!open) {
      const from = firstResponseAt ?? createdAt;
      const duration = chat
        ? random.logNormal(firstResponseAt === null ? 30 * MINUTE : 12 * MINUTE, 0.8)
        : random.logNormal(firstResponseAt === null ? 2 * DAY : 18 * HOUR, 1.1);
      const at = from + Math.max(SECOND, Math.round(duration));
      if (at < end) closedAt = at;
      else open = true;
    }

    const unassigned = random.chance(open ? (firstResponseAt === null ? 0.3 : 0.08) : 0.033);
    const ticketId = random.chance(chat ? 0.22 : 0.42) ? `TCK-${ticketNumber++}` : null;
    const csat = closedAt !== null && firstResponseAt !== null && random.chance(0.35) ? random.pick(CSAT_WEIGHTS) + 1 : null;

    let chatflowId: string | null = null;
    let pageUrl: string | null = null;
    let subject: string | null;
    if (chat) {
      if (!inOffice && random.chance(0.35)) chatflowId = OUT_OF_HOURS_FLOW;
      else if (!random.chance(0.03)) chatflowId = CHATFLOWS[random.pick(chatflowWeights)]!.id;
      if (!random.chance(0.02)) pageUrl = pageVariants[random.pick(pageWeights)]![random.pick(suffixWeights)]!;
      subject = random.chance(0.6) ? null : CHAT_SUBJECTS[Math.floor(random.next() * CHAT_SUBJECTS.length)]!;
    } else {
      const subjects = EMAIL_SUBJECTS[contact.language];
      subject = subjects[Math.floor(random.next() * subjects.length)]!;
    }

    conversations[i] = {
      id: 'c-' + String(i + 1).padStart(idWidth, '0'),
      channel: chat ? 'chat' : 'email',
      status: open ? 'open' : 'closed',
      inboxId: INBOXES[inboxIndex]!.id,
      assigneeId: unassigned ? null : assigneeIds[memberIndex]!,
      createdAt,
      firstResponseAt,
      closedAt,
      chatflowId,
      pageUrl,
      ticketId,
      subject,
      contactName: contact.name,
      contactEmail: contact.email,
      properties: {
        priority: PRIORITIES[priorityIndex]!,
        csat,
        vip: contact.vip,
        language: contact.language,
      },
    };
  }

  return {
    conversations,
    lookups: {
      assignees: ASSIGNEES.map((assignee, index) => ({ id: assigneeIds[index]!, name: assignee.name, teamId: assignee.teamId })),
      inboxes: INBOXES.map((inbox) => ({ id: inbox.id, name: inbox.name })),
      chatflows: CHATFLOWS.map((flow) => ({ id: flow.id, name: flow.name })),
      teams: [
        { id: 'team-support', name: 'Support' },
        { id: 'team-sales', name: 'Sales' },
        { id: 'team-billing', name: 'Billing' },
      ],
    },
  };
}

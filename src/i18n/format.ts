import type { TimeBucket } from '../core/schema/report-spec.ts';

/** Shown wherever a value is missing: a group with no measurable conversations, an open conversation's time to close. */
export const MISSING_VALUE = '—';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// Unit symbols rather than words: they read the same in en, fr and nl and keep axis labels short.
const DURATION_UNITS = [
  { symbol: 'd', ms: DAY },
  { symbol: 'h', ms: HOUR },
  { symbol: 'min', ms: MINUTE },
  { symbol: 's', ms: SECOND },
] as const;

// Building an Intl formatter costs far more than using one, and charts format thousands of ticks and cells.
const MAX_CACHED = 200;
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function cached<T>(cache: Map<string, T>, key: string, create: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size >= MAX_CACHED) cache.clear();
    value = create();
    cache.set(key, value);
  }
  return value;
}

/**
 * Locale and time zone come from attributes a host page sets; a typo there ("en_US", "Europe/Amsterdamm")
 * must degrade to the default locale / UTC rather than make every chart throw.
 */
function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return cached(numberFormats, `${locale}|${JSON.stringify(options)}`, () => {
    try {
      return new Intl.NumberFormat(locale, options);
    } catch {
      try {
        return new Intl.NumberFormat(undefined, options);
      } catch {
        return new Intl.NumberFormat();
      }
    }
  });
}

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached(dateFormats, `${locale}|${JSON.stringify(options)}`, () => {
    for (const [loc, zone] of [
      [locale, options.timeZone],
      [undefined, options.timeZone],
      [locale, 'UTC'],
      [undefined, 'UTC'],
    ] as const) {
      try {
        return new Intl.DateTimeFormat(loc, { ...options, timeZone: zone });
      } catch {
        // try the next, safer combination
      }
    }
    return new Intl.DateTimeFormat(undefined, { ...options, timeZone: 'UTC' });
  });
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * A number in the reader's locale ("1,234.5", "1 234,5"). `null`, `undefined` and non-finite values give "—".
 */
export function formatNumber(
  value: number | null | undefined,
  locale: string,
  options?: Intl.NumberFormatOptions,
): string {
  if (!isFiniteNumber(value)) return MISSING_VALUE;
  return numberFormat(locale, options).format(value);
}

/** French writes a day "j" (jour); the other units are the same symbols in en, fr and nl ("d" is dag). */
function unitSymbol(symbol: string, locale: string): string {
  return symbol === 'd' && /^fr\b/i.test(locale) ? 'j' : symbol;
}

/**
 * A duration in milliseconds as its two largest units: "3 d 4 h", "2 h 5 min", "1 min 30 s", "45 s", "850 ms".
 * Under a minute only seconds are shown (one decimal under ten seconds), under a second only milliseconds.
 * The smaller unit is rounded, carrying into the larger one ("59 min 59.7 s" → "1 h"); a zero smaller unit
 * is left out ("2 h"). `null` and non-finite values give "—".
 */
export function formatDuration(ms: number | null | undefined, locale: string): string {
  if (!isFiniteNumber(ms)) return MISSING_VALUE;
  const negative = ms < 0;
  // The sign goes on the first number so that Intl renders the locale's own minus sign.
  const num = (value: number, first: boolean, maximumFractionDigits = 0) =>
    formatNumber(negative && first ? -value : value, locale, { maximumFractionDigits });
  let abs = Math.abs(ms);

  if (abs < SECOND) {
    const rounded = Math.round(abs);
    if (rounded < SECOND) return `${num(rounded, true)} ms`;
    abs = SECOND;
  }
  if (abs < MINUTE) {
    const seconds = abs / SECOND;
    const digits = seconds < 10 ? 1 : 0;
    const factor = 10 ** digits;
    const rounded = Math.round(seconds * factor) / factor;
    if (rounded < 60) return `${num(rounded, true, digits)} s`;
    abs = MINUTE;
  }

  const largest = (value: number) => DURATION_UNITS.findIndex((unit) => value >= unit.ms);
  let index = largest(abs);
  let rounded = Math.round(abs / DURATION_UNITS[index + 1]!.ms) * DURATION_UNITS[index + 1]!.ms;
  const afterRounding = largest(rounded);
  if (afterRounding !== index) {
    index = afterRounding;
    rounded = Math.round(rounded / DURATION_UNITS[index + 1]!.ms) * DURATION_UNITS[index + 1]!.ms;
  }
  const big = DURATION_UNITS[index]!;
  const small = DURATION_UNITS[index + 1]!;
  const bigCount = Math.floor(rounded / big.ms);
  const smallCount = Math.round((rounded - bigCount * big.ms) / small.ms);
  const head = `${num(bigCount, true)} ${unitSymbol(big.symbol, locale)}`;
  return smallCount === 0 ? head : `${head} ${num(smallCount, false)} ${unitSymbol(small.symbol, locale)}`;
}

/**
 * The signed relative change from `previous` to `current` as a percentage in the reader's locale
 * ("+12%", "−3,5 %"). One decimal below ten percent, none above. `null` when there is nothing to compare
 * against: a missing value, or a previous value of 0 (the change would be infinite).
 */
export function formatPercentDelta(
  current: number | null | undefined,
  previous: number | null | undefined,
  locale: string,
): string | null {
  if (!isFiniteNumber(current) || !isFiniteNumber(previous) || previous === 0) return null;
  const ratio = (current - previous) / Math.abs(previous);
  return numberFormat(locale, {
    style: 'percent',
    signDisplay: 'exceptZero',
    maximumFractionDigits: Math.abs(ratio) < 0.1 ? 1 : 0,
  }).format(ratio);
}

interface BucketPhrases {
  week: (date: string) => string;
  quarter: (quarter: string, year: string) => string;
}

// Intl names neither weeks nor quarters, so the kit's own languages get a phrase; any other language
// falls back to a date range for weeks and the widespread "Q1 2026" for quarters.
const BUCKET_PHRASES: Record<string, BucketPhrases> = {
  en: { week: (date) => `Week of ${date}`, quarter: (q, year) => `Q${q} ${year}` },
  fr: { week: (date) => `Semaine du ${date}`, quarter: (q, year) => `T${q} ${year}` },
  nl: { week: (date) => `Week van ${date}`, quarter: (q, year) => `K${q} ${year}` },
};

function languageOf(locale: string): string {
  try {
    return new Intl.Locale(locale).language;
  } catch {
    return locale.split(/[-_]/)[0]?.toLowerCase() ?? '';
  }
}

/** The zone's calendar month (1–12) of an instant, read with Latin digits whatever the locale. */
function monthIn(epochMs: number, timeZone: string): number {
  return Number(dateFormat('en-US-u-nu-latn', { timeZone, month: 'numeric' }).format(epochMs));
}

/**
 * The label of a date bucket whose key is the epoch ms of its first instant in `timeZone`:
 * hour "Mar 31, 2:00 PM", day "Mar 31", week "Week of Mar 25", month "Mar 2026", quarter "Q1 2026"
 * (wording and order follow `locale`). A non-finite key gives "—".
 */
export function formatBucketLabel(key: number, bucket: TimeBucket, timeZone: string, locale: string): string {
  if (!isFiniteNumber(key)) return MISSING_VALUE;
  const phrases = BUCKET_PHRASES[languageOf(locale)];
  switch (bucket) {
    case 'hour': {
      const options: Intl.DateTimeFormatOptions = { timeZone, month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' };
      const format = dateFormat(locale, options);
      // 24-hour clocks read as "00:00"–"23:00"; "0:00" looks like a typo in a column of hours.
      const { hourCycle } = format.resolvedOptions();
      const clock = hourCycle === 'h23' || hourCycle === 'h24' ? dateFormat(locale, { ...options, hour: '2-digit' }) : format;
      return clock.format(key);
    }
    case 'day':
      return dateFormat(locale, { timeZone, month: 'short', day: 'numeric' }).format(key);
    case 'week': {
      const format = dateFormat(locale, { timeZone, month: 'short', day: 'numeric' });
      if (phrases) return phrases.week(format.format(key));
      // Noon of the seventh day stays inside the week whatever DST does to that week's length.
      return format.formatRange(key, key + 6 * DAY + 12 * HOUR);
    }
    case 'month':
      return dateFormat(locale, { timeZone, month: 'short', year: 'numeric' }).format(key);
    case 'quarter': {
      const quarter = formatNumber(Math.floor((monthIn(key, timeZone) - 1) / 3) + 1, locale);
      const year = dateFormat(locale, { timeZone, year: 'numeric' }).format(key);
      return (phrases ?? BUCKET_PHRASES.en!).quarter(quarter, year);
    }
    default:
      return dateFormat(locale, { timeZone, dateStyle: 'medium' }).format(key);
  }
}

/**
 * Weekdays and hours of the day as a reader of `locale` writes them: the `createdWeekday`
 * (1 = Monday … 7 = Sunday, ISO) and `createdHour` (0–23) properties on axes, in tables and in
 * drill headings.
 */

/** Regions whose week starts on Sunday (CLDR), for engines without `Intl.Locale#getWeekInfo`. */
const SUNDAY_FIRST = new Set([
  'AG', 'AS', 'BR', 'BS', 'BT', 'BW', 'BZ', 'CA', 'CN', 'CO', 'DM', 'DO', 'ET', 'GT', 'GU', 'HK', 'HN', 'ID', 'IL', 'IN',
  'JM', 'JP', 'KE', 'KH', 'KR', 'LA', 'MH', 'MM', 'MO', 'MT', 'MX', 'MZ', 'NI', 'NP', 'PA', 'PE', 'PH', 'PK', 'PR', 'PT',
  'PY', 'SA', 'SG', 'SV', 'TH', 'TT', 'TW', 'UM', 'US', 'VE', 'VI', 'WS', 'YE', 'ZA', 'ZW',
]);
/** Regions whose week starts on Saturday (CLDR). */
const SATURDAY_FIRST = new Set(['AE', 'AF', 'BH', 'DJ', 'DZ', 'EG', 'IQ', 'IR', 'JO', 'KW', 'LY', 'OM', 'QA', 'SD', 'SY']);

type WeekInfoLocale = Intl.Locale & { getWeekInfo?: () => { firstDay: number }; weekInfo?: { firstDay: number } };

function locale(tag: string): WeekInfoLocale | null {
  try {
    return new Intl.Locale(tag) as WeekInfoLocale;
  } catch {
    return null;
  }
}

/**
 * The first day of the week in `tag` (1 = Monday … 7 = Sunday): the engine's week data where it
 * has some (`Intl.Locale#getWeekInfo`, or the older `weekInfo`), else by the locale's region (its
 * likely region when none is given: "en" → US → Sunday, "fr" → FR → Monday), else Monday.
 */
export function firstDayOfWeek(tag: string): number {
  const parsed = locale(tag);
  if (!parsed) return 1;
  const info = typeof parsed.getWeekInfo === 'function' ? parsed.getWeekInfo() : parsed.weekInfo;
  if (info && Number.isInteger(info.firstDay) && info.firstDay >= 1 && info.firstDay <= 7) return info.firstDay;
  return firstDayByRegion(parsed);
}

/** The fallback of {@link firstDayOfWeek}, by region alone (exported for tests of engines without week data). */
export function firstDayByRegion(parsed: Intl.Locale): number {
  let region = parsed.region;
  if (!region) {
    try {
      region = parsed.maximize().region;
    } catch {
      region = undefined;
    }
  }
  if (region && SUNDAY_FIRST.has(region)) return 7;
  if (region && SATURDAY_FIRST.has(region)) return 6;
  return 1;
}

/** The seven ISO weekdays (1 = Monday … 7 = Sunday) in the order a reader of `tag` lists them. */
export function weekdayOrder(tag: string): number[] {
  const first = firstDayOfWeek(tag);
  return Array.from({ length: 7 }, (_, index) => ((first - 1 + index) % 7) + 1);
}

function dateFormat(tag: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(tag, { ...options, timeZone: 'UTC' });
  } catch {
    return new Intl.DateTimeFormat(undefined, { ...options, timeZone: 'UTC' });
  }
}

/** The name of ISO weekday `day` (1 = Monday) in `tag`: "Mon" / "lun." / "ma" (short) or "Monday" (long). */
export function weekdayName(day: number, tag: string, width: 'short' | 'long' = 'short'): string {
  if (!Number.isInteger(day) || day < 1 || day > 7) return String(day);
  // 1 January 2024 was a Monday.
  return dateFormat(tag, { weekday: width }).format(Date.UTC(2024, 0, day));
}

/** Hour `hour` (0–23) of the day as `tag` writes it: "9 AM" (en-US), "09 h" (fr), "09" (nl). */
export function hourLabel(hour: number, tag: string): string {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) return String(hour);
  return dateFormat(tag, { hour: 'numeric' }).format(Date.UTC(2024, 0, 1, hour));
}

/** Hour `hour` as a span, for tooltips and screen readers: "9:00 AM – 10:00 AM" / "09:00 – 10:00". */
export function hourSpan(hour: number, tag: string): string {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) return String(hour);
  // A 24-hour clock writes "09:00", a 12-hour one "9:00 AM".
  const twelve = dateFormat(tag, { hour: 'numeric' }).resolvedOptions().hour12 === true;
  const format = dateFormat(tag, { hour: twelve ? 'numeric' : '2-digit', minute: '2-digit' });
  // The last hour ends at midnight of the next day: its wall-clock time, not the date, is what is meant.
  return `${format.format(Date.UTC(2024, 0, 1, hour))} – ${format.format(Date.UTC(2024, 0, 1, (hour + 1) % 24))}`;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How long ago, in the largest whole unit: "1 minute ago", "il y a 3 heures"; null under a minute. */
export function formatElapsed(ms: number, locale: string): string | null {
  if (!(ms >= MINUTE)) return null;
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'always', style: 'long' });
  if (ms < HOUR) return format.format(-Math.floor(ms / MINUTE), 'minute');
  if (ms < DAY) return format.format(-Math.floor(ms / HOUR), 'hour');
  return format.format(-Math.floor(ms / DAY), 'day');
}

/** When {@link formatElapsed} next reads differently: the next whole minute, hour or day since. */
export function nextElapsedChange(ms: number): number {
  const unit = ms < HOUR ? MINUTE : ms < DAY ? HOUR : DAY;
  return (Math.floor(Math.max(0, ms) / unit) + 1) * unit - ms;
}

/** How long until, in the largest whole unit (rounded up): "in 2 minutes", "dans 30 secondes". */
export function formatUntil(ms: number, locale: string): string {
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'always', style: 'long' });
  const wait = Math.max(0, ms);
  if (wait < MINUTE) return format.format(Math.ceil(wait / 1000), 'second');
  if (wait < HOUR) return format.format(Math.ceil(wait / MINUTE), 'minute');
  return format.format(Math.ceil(wait / HOUR), 'hour');
}

import * as z from 'zod/mini';

/** An IANA zone name this runtime knows ("Europe/Amsterdam", "UTC"). */
export const timeZoneSchema = z.string().check(
  z.refine(
    (value) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: value });
        return value !== '';
      } catch {
        return false;
      }
    },
    { error: 'must be an IANA time zone such as "Europe/Amsterdam" or "UTC"' },
  ),
);

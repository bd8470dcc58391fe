/** The data every part of the benchmark uses: the seeded generator's default span, all of it in range. */
export const SEED = 42;
export const END = Date.UTC(2026, 10, 20);
export const DAYS = 120;
export const RANGE = { from: END - DAYS * 86_400_000, to: END };
export const TIME_ZONE = 'Europe/Amsterdam';

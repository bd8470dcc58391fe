import { common } from './common.ts';

/** The English catalog, the reference every other catalog must match key for key. */
export const en: Record<string, string> = { ...common };

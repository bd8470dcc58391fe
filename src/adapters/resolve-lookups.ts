import type { Lookups, LookupsInput } from '../core/schema/conversation.ts';
import { throwIfAborted } from './data-source.ts';

/** Names given to a source: fixed lists, or a function that fetches them. */
export type LookupsOption = LookupsInput | ((signal: AbortSignal) => Promise<LookupsInput>);

/** Resolves a LookupsOption into fresh lists (missing ones empty), so callers cannot change what the next one gets. */
export async function resolveLookups(option: LookupsOption | undefined, signal: AbortSignal): Promise<Lookups> {
  throwIfAborted(signal);
  const input = typeof option === 'function' ? await option(signal) : option;
  return {
    assignees: (input?.assignees ?? []).map((entry) => ({ ...entry })),
    inboxes: (input?.inboxes ?? []).map((entry) => ({ ...entry })),
    chatflows: (input?.chatflows ?? []).map((entry) => ({ ...entry })),
    ...(input?.teams ? { teams: input.teams.map((entry) => ({ ...entry })) } : {}),
  };
}

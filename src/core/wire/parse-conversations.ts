import { conversationSchema, type Conversation } from '../schema/conversation.ts';
import { valueAt } from '../schema/value-at.ts';
import { describeValue } from '../schema/describe-value.ts';

export interface FieldProblem {
  /** Dotted path of the offending field, e.g. "createdAt" or "properties.plan". Empty for the record itself. */
  field: string;
  message: string;
}

export interface ParseError extends FieldProblem {
  /** Position of the record in the input (-1 when the input itself is wrong). */
  index: number;
  /** The record's id when it has a usable one. */
  id?: string;
  /** Every problem found in this record; `field` and `message` above are the first. */
  problems: FieldProblem[];
}

export interface ParseResult {
  conversations: Conversation[];
  errors: ParseError[];
}

interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: string;
}

function readable(issue: Issue, record: unknown): FieldProblem {
  const field = issue.path.map(String).join('.');
  const received = valueAt(record, issue.path);
  let message = issue.message;
  // zod's fallback text says nothing about the field; say what was expected and what came.
  if (issue.code === 'invalid_type' || message === 'Invalid input') {
    message =
      received === undefined && issue.code === 'invalid_type'
        ? `is required (${issue.expected ?? 'a value'})`
        : `must be ${issue.expected ?? 'valid'}, got ${describeValue(received, true)}`;
  } else if (issue.code === 'invalid_union' && message === 'Invalid input') {
    message = `has an unsupported value: ${describeValue(received, true)}`;
  }
  return { field, message };
}

function idOf(record: unknown): string | undefined {
  const id = valueAt(record, ['id']);
  return typeof id === 'string' && id !== '' ? id : undefined;
}

function errorFor(index: number, record: unknown, problems: FieldProblem[]): ParseError {
  const first = problems[0] ?? { field: '', message: 'is invalid' };
  const id = idOf(record);
  return { index, ...(id === undefined ? {} : { id }), field: first.field, message: first.message, problems };
}

/**
 * Validates and normalizes raw records. Every valid record is kept, whatever its neighbours;
 * every invalid one yields exactly one error naming its index, id, field and reason.
 */
export function parseConversations(input: unknown, seenIds: Set<string> = new Set()): ParseResult {
  const length = lengthOf(input);
  if (length === null) {
    return {
      conversations: [],
      errors: [errorFor(-1, undefined, [{ field: '', message: `expected an array of conversations, got ${describeValue(input, true)}` }])],
    };
  }
  const conversations: Conversation[] = [];
  const errors: ParseError[] = [];
  for (let index = 0; index < length; index++) {
    try {
      parseOne(input as unknown[], index, seenIds, conversations, errors);
    } catch (error) {
      // A getter or a proxy that throws: the record cannot be read, its neighbours still can.
      errors.push(errorFor(index, undefined, [{ field: '', message: `could not be read (${reasonOf(error)})` }]));
    }
  }
  return { conversations, errors };
}

/** The length of an array, or null for anything else (a revoked proxy included). */
function lengthOf(input: unknown): number | null {
  try {
    return Array.isArray(input) ? input.length : null;
  } catch {
    return null;
  }
}

function reasonOf(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return 'unknown error';
  }
}

/** Parses `input[index]` into `conversations`, or one error into `errors`; may throw on unreadable input. */
function parseOne(input: unknown[], index: number, seenIds: Set<string>, conversations: Conversation[], errors: ParseError[]): void {
  const record: unknown = input[index];
  const parsed = conversationSchema.safeParse(record);
  if (!parsed.success) {
    errors.push(errorFor(index, record, (parsed.error.issues as Issue[]).map((issue) => readable(issue, record))));
    return;
  }
  const conversation = parsed.data;
  const problems: FieldProblem[] = [];
  if (conversation.firstResponseAt !== null && conversation.firstResponseAt < conversation.createdAt)
    problems.push({ field: 'firstResponseAt', message: 'is earlier than createdAt' });
  if (conversation.closedAt !== null && conversation.closedAt < conversation.createdAt)
    problems.push({ field: 'closedAt', message: 'is earlier than createdAt' });
  if (seenIds.has(conversation.id))
    problems.push({ field: 'id', message: `duplicates the id of an earlier record ("${conversation.id}")` });
  if (problems.length > 0) {
    errors.push(errorFor(index, record, problems));
    return;
  }
  seenIds.add(conversation.id);
  conversations.push(conversation);
}

/** One line for logs and the data-quality panel: `Record 3 (id "c-17"): createdAt must be …`. */
export function formatParseError(error: ParseError): string {
  const who = error.index < 0 ? 'Input' : `Record ${error.index}${error.id === undefined ? '' : ` (id "${error.id}")`}`;
  return `${who}: ${error.problems.map((p) => (p.field ? `${p.field} ${p.message}` : p.message)).join('; ')}`;
}

import { dashboardSchema, type Dashboard } from '../core/schema/dashboard.ts';
import { ValidationError, type FieldIssue } from './errors.ts';
import { valueAt } from '../core/schema/value-at.ts';

interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: string;
  values?: unknown[];
  minimum?: unknown;
  maximum?: unknown;
  origin?: string;
}

// zod/mini ships no locale, so most messages are a bare "Invalid input"; say what was expected.
function readable(issue: Issue, input: unknown): FieldIssue {
  const field = issue.path.map(String).join('.');
  if (issue.message !== 'Invalid input') return { field, message: issue.message };
  switch (issue.code) {
    case 'invalid_type':
      return {
        field,
        message: valueAt(input, issue.path) === undefined ? 'is required' : `must be ${issue.expected ?? 'valid'}`,
      };
    case 'invalid_value':
      return { field, message: `must be one of ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(', ')}` };
    case 'too_small':
      return {
        field,
        message:
          issue.origin === 'string' && issue.minimum === 1 ? 'must not be empty' : `must be at least ${String(issue.minimum)}`,
      };
    case 'too_big':
      return { field, message: `must be at most ${String(issue.maximum)}` };
    case 'invalid_union':
      return { field, message: 'has an unsupported value' };
    default:
      return { field, message: 'is invalid' };
  }
}

function idOf(input: unknown): string | undefined {
  const id = valueAt(input, ['id']);
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/**
 * Parses with `dashboardSchema` (filling defaults) into a copy that shares nothing with `input`:
 * zod passes unknown values (filter values, layout extras) through by reference.
 * @throws ValidationError listing every bad field
 */
export function validateDashboard(input: unknown): Dashboard {
  const parsed = dashboardSchema.safeParse(input);
  if (!parsed.success)
    throw new ValidationError(
      idOf(input),
      (parsed.error.issues as unknown as Issue[]).map((issue) => readable(issue, input)),
    );
  try {
    return structuredClone(parsed.data);
  } catch (error) {
    throw new ValidationError(
      parsed.data.id,
      [{ field: '', message: 'holds a value that cannot be stored (such as a function)' }],
      { cause: error },
    );
  }
}

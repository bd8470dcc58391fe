import { dashboardUserSchema, type DashboardUser } from '../core/schema/dashboard.ts';
import { InvalidUserError } from './errors.ts';

/**
 * Checks the user every store call is made for, and returns a copy the caller cannot change
 * underneath the permission checks.
 * @throws InvalidUserError naming each bad field
 */
export function validateUser(user: unknown): DashboardUser {
  const parsed = dashboardUserSchema.safeParse(user);
  if (parsed.success) return parsed.data;
  if (typeof user !== 'object' || user === null)
    throw new InvalidUserError([{ field: '', message: 'must be an object { id, teamIds, canEdit }' }]);
  throw new InvalidUserError(
    parsed.error.issues.map((issue) => ({
      field: issue.path.map(String).join('.'),
      message: issue.message === 'Invalid input' ? 'is invalid' : issue.message,
    })),
  );
}

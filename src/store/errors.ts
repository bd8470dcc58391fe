import type { Dashboard } from '../core/schema/dashboard.ts';

/** One readable problem in a dashboard: `field` is a dotted path such as `reports.0.title`. */
export interface FieldIssue {
  field: string;
  message: string;
}

export type StoreAction = 'read' | 'create' | 'update' | 'delete';

interface StoreErrorOptions {
  dashboardId?: string | undefined;
  /** HTTP status when the error came from a server. */
  status?: number | undefined;
  cause?: unknown;
}

function quoted(id: string | undefined): string {
  return id === undefined ? 'the dashboard' : `dashboard "${id}"`;
}

/**
 * Base of every store error. `name` is set explicitly rather than taken from the class, so it
 * survives minification and can be checked across bundles where `instanceof` fails.
 */
export class StoreError extends Error {
  override name = 'StoreError';
  readonly dashboardId: string | undefined;
  readonly status: number | undefined;

  constructor(message: string, options: StoreErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.dashboardId = options.dashboardId;
    this.status = options.status;
  }
}

export class NotFoundError extends StoreError {
  override name = 'NotFoundError';

  constructor(dashboardId: string, options: Omit<StoreErrorOptions, 'dashboardId'> = {}) {
    super(`Dashboard "${dashboardId}" was not found.`, { ...options, dashboardId });
  }
}

export class ForbiddenError extends StoreError {
  override name = 'ForbiddenError';
  readonly action: StoreAction;
  /** Why, in words a user can read, e.g. "only its owner may delete it". */
  readonly reason: string;

  constructor(
    action: StoreAction,
    dashboardId: string | undefined,
    reason: string,
    options: Omit<StoreErrorOptions, 'dashboardId'> = {},
  ) {
    const verb = action === 'read' ? 'open' : action;
    super(`Not allowed to ${verb} ${quoted(dashboardId)}: ${reason}.`, { ...options, dashboardId });
    this.action = action;
    this.reason = reason;
  }
}

/**
 * Someone else changed (or deleted) the dashboard since this user last read it. The UI keeps the
 * user's edit from `local` and can show or merge `remote`; saving again after that is a deliberate
 * choice, never an accident.
 */
export class ConflictError extends StoreError {
  override name = 'ConflictError';
  /** What this user tried to save (or delete). */
  readonly local: Dashboard;
  /** The stored version now, when it could be read; undefined when deleted or unreadable. */
  readonly remote: Dashboard | undefined;
  /** True when the stored version is known to be gone. */
  readonly remoteDeleted: boolean;

  constructor(
    local: Dashboard,
    remote: Dashboard | undefined,
    options: Omit<StoreErrorOptions, 'dashboardId'> & { remoteDeleted?: boolean } = {},
  ) {
    const remoteDeleted = options.remoteDeleted ?? false;
    const what = remoteDeleted ? 'was deleted' : 'was changed';
    super(`Dashboard "${local.id}" ${what} by someone else since it was last read; your version was not saved.`, {
      ...options,
      dashboardId: local.id,
    });
    this.local = local;
    this.remote = remote;
    this.remoteDeleted = remoteDeleted;
  }
}

export class ValidationError extends StoreError {
  override name = 'ValidationError';
  readonly issues: FieldIssue[];

  constructor(dashboardId: string | undefined, issues: FieldIssue[], options: Omit<StoreErrorOptions, 'dashboardId'> = {}) {
    const list = issues.map((issue) => (issue.field ? `${issue.field} ${issue.message}` : issue.message)).join('; ');
    super(`${dashboardId === undefined ? 'The dashboard' : `Dashboard "${dashboardId}"`} is invalid: ${list || 'unknown problem'}.`, { ...options, dashboardId });
    this.issues = issues;
  }
}

/** The user a store was called with is not a `{ id, teamIds: string[], canEdit: boolean }`. */
export class InvalidUserError extends StoreError {
  override name = 'InvalidUserError';
  readonly issues: FieldIssue[];

  constructor(issues: FieldIssue[]) {
    const list = issues.map((issue) => (issue.field ? `${issue.field} ${issue.message}` : issue.message)).join('; ');
    super(`The dashboard user is invalid: ${list || 'unknown problem'}.`);
    this.issues = issues;
  }
}

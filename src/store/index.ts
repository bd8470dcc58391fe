export type { DashboardDraft, DashboardStore, StoreProblem } from './dashboard-store.ts';
export {
  ConflictError,
  ForbiddenError,
  InvalidUserError,
  NotFoundError,
  StoreError,
  ValidationError,
  type FieldIssue,
  type StoreAction,
} from './errors.ts';
export { assertCanDelete, assertCanRead, assertCanSave, withOwner } from './permissions.ts';
export { canChangeSharing, canCreateDashboard, canDeleteDashboard, canEditDashboard, canSee, canSeeOutsideStore } from './permission-checks.ts';
export { validateDashboard } from './validate-dashboard.ts';
export { validateUser } from './validate-user.ts';
export { MemoryStorage, type StorageLike } from './memory-storage.ts';
export { MemoryDashboardStore } from './memory-dashboard-store.ts';
export { LocalStorageDashboardStore, type LocalStorageDashboardStoreOptions } from './local-storage-dashboard-store.ts';
export { RestDashboardStore, type RestDashboardStoreOptions } from './rest-dashboard-store.ts';

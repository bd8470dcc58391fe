import type { FieldIssue } from '../../../store/errors.ts';
import { translate } from '../../../i18n/translate.ts';

function issuesOf(error: object): FieldIssue[] {
  const issues = (error as { issues?: unknown }).issues;
  return Array.isArray(issues) ? (issues as FieldIssue[]) : [];
}

/**
 * A store error in words for the dialog. Errors are told apart by `name`, not `instanceof`: a store
 * from another bundle of the kit throws its own copies of the classes.
 */
export function storeErrorMessage(locale: string, error: unknown): string {
  const t = (key: string, params?: Record<string, string | number>) => translate(locale, key, params);
  if (!(error instanceof Error)) return t('dashboards.error.other', { message: String(error) });
  switch (error.name) {
    case 'ForbiddenError': {
      const reason = (error as { reason?: unknown }).reason;
      return typeof reason === 'string' && reason !== '' ? t('dashboards.error.forbidden', { reason }) : error.message;
    }
    case 'ValidationError': {
      const details = issuesOf(error)
        .map((issue) => (issue.field ? `${issue.field} ${issue.message}` : issue.message))
        .join('; ');
      return details ? t('dashboards.error.invalid', { details }) : error.message;
    }
    case 'ConflictError':
      return (error as { remoteDeleted?: unknown }).remoteDeleted === true
        ? t('dashboards.error.conflictDeleted')
        : t('dashboards.error.conflict');
    case 'NotFoundError':
      return t('dashboards.error.notFound');
    default:
      return t('dashboards.error.other', { message: error.message });
  }
}

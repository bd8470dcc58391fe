import type { Dashboard, DashboardUser } from '../core/schema/dashboard.ts';
import type { DashboardDraft, DashboardStore, StoreProblem } from './dashboard-store.ts';
import { ConflictError, ForbiddenError, NotFoundError, StoreError, ValidationError, type FieldIssue, type StoreAction } from './errors.ts';
import { canSee } from './permission-checks.ts';
import { assertCanDelete, assertCanRead, assertCanSave, withOwner } from './permissions.ts';
import { validateUser } from './validate-user.ts';
import { fetchWithoutRedirects, RedirectRefusedError } from '../adapters/fetch-without-redirects.ts';
import { validateDashboard } from './validate-dashboard.ts';

export interface RestDashboardStoreOptions {
  /** Up to, not including, `/dashboards`, e.g. `https://example.com/api`. */
  baseUrl: string;
  /** Called before every request, so a token can be refreshed between calls. */
  headers?: () => Record<string, string> | Promise<Record<string, string>>;
  fetch?: typeof fetch;
  /** Told about each dashboard in a list response that is invalid (it is skipped); `key` is its id or list position. */
  onProblem?: (problem: StoreProblem) => void;
}

/** The version of a dashboard this client last saw, and its ETag when the server gave one. */
interface Known {
  dashboard: Dashboard;
  etag: string | undefined;
}

type Fetched = { state: 'ok'; dashboard: Dashboard; etag: string | undefined } | { state: 'missing' };

/**
 * Dashboards behind an HTTP API:
 * `GET {baseUrl}/dashboards` → Dashboard[];
 * `GET | PUT | DELETE {baseUrl}/dashboards/{id}` with ETags. A save sends `If-Match` with the ETag
 * of the version this client last read (or `If-None-Match: *` for a new dashboard), so a change
 * made in between is a 412 and becomes a ConflictError — never an overwrite. The server is the
 * real guard; the same permission rules are checked here first so a forbidden request is never
 * sent. Cross-origin servers must expose the `ETag` header (`Access-Control-Expose-Headers`).
 */
export class RestDashboardStore implements DashboardStore {
  readonly #baseUrl: string;
  readonly #headers: RestDashboardStoreOptions['headers'];
  readonly #fetch: typeof fetch | undefined;
  readonly #onProblem: ((problem: StoreProblem) => void) | undefined;
  readonly #known = new Map<string, Known>();

  constructor(options: RestDashboardStoreOptions) {
    this.#baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#headers = options.headers;
    this.#fetch = options.fetch;
    this.#onProblem = options.onProblem;
  }

  async list(given: DashboardUser): Promise<Dashboard[]> {
    const user = validateUser(given);
    const response = await this.#request('GET', '/dashboards', undefined);
    if (!response.ok) throw await this.#failure(response, 'read', undefined);
    const body = await this.#json(response, undefined);
    if (!Array.isArray(body))
      throw new StoreError('The server answered the dashboard list with something that is not a list.', {
        status: response.status,
      });
    const dashboards: Dashboard[] = [];
    body.forEach((item: unknown, index) => {
      let dashboard: Dashboard;
      try {
        dashboard = validateDashboard(item);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        this.#onProblem?.({ key: error.dashboardId ?? `#${index}`, message: error.message });
        return;
      }
      if (!canSee(dashboard, user)) return;
      const known = this.#known.get(dashboard.id);
      // A list carries no ETags: keep the one we have only while the content is still the same.
      const etag = known !== undefined && sameDashboard(known.dashboard, dashboard) ? known.etag : undefined;
      this.#known.set(dashboard.id, { dashboard, etag });
      dashboards.push(structuredClone(dashboard));
    });
    return dashboards;
  }

  async get(id: string, given: DashboardUser): Promise<Dashboard> {
    const user = validateUser(given);
    const fetched = await this.#fetchOne(id);
    if (fetched.state === 'missing') throw new NotFoundError(id);
    assertCanRead(fetched.dashboard, user);
    this.#known.set(id, { dashboard: fetched.dashboard, etag: fetched.etag });
    return structuredClone(fetched.dashboard);
  }

  async save(draft: DashboardDraft, given: DashboardUser): Promise<Dashboard> {
    const user = validateUser(given);
    let known = typeof draft.id === 'string' ? this.#known.get(draft.id) : undefined;
    const next = validateDashboard(withOwner(draft, known?.dashboard, user));
    assertCanSave(known?.dashboard, next, user);
    if (known !== undefined && known.etag === undefined) {
      known = await this.#etagFor(known, next, 'save');
      assertCanSave(known.dashboard, next, user);
    }
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (known === undefined) headers['if-none-match'] = '*';
    else headers['if-match'] = known.etag as string;
    const response = await this.#request('PUT', this.#path(next.id), headers, JSON.stringify(next));
    if (response.status === 412 || response.status === 409 || (response.status === 404 && known !== undefined))
      throw await this.#conflict(next, user, response.status);
    if (!response.ok) throw await this.#failure(response, known === undefined ? 'create' : 'update', next.id);
    const body = response.status === 204 ? undefined : await this.#json(response, next.id, true);
    const saved = body === undefined ? next : this.#validResponse(body, next.id, response.status);
    this.#known.set(saved.id, { dashboard: saved, etag: response.headers.get('etag') ?? undefined });
    return structuredClone(saved);
  }

  async delete(id: string, given: DashboardUser): Promise<void> {
    const user = validateUser(given);
    let known = this.#known.get(id);
    if (known === undefined) {
      const fetched = await this.#fetchOne(id);
      if (fetched.state === 'missing') throw new NotFoundError(id);
      known = { dashboard: fetched.dashboard, etag: fetched.etag };
      this.#known.set(id, known);
    } else if (known.etag === undefined) {
      known = await this.#etagFor(known, known.dashboard, 'delete');
    }
    assertCanDelete(known.dashboard, user);
    const headers: Record<string, string> = known.etag === undefined ? {} : { 'if-match': known.etag };
    const response = await this.#request('DELETE', this.#path(id), headers);
    if (response.status === 404) {
      this.#known.delete(id);
      throw new NotFoundError(id, { status: 404 });
    }
    if (response.status === 412 || response.status === 409) throw await this.#conflict(known.dashboard, user, response.status);
    if (!response.ok) throw await this.#failure(response, 'delete', id);
    this.#known.delete(id);
  }

  /** A `.` or `..` id would address the collection or the API root (URLs resolve dot segments, encoded or not). */
  #path(id: string): string {
    if (id === '.' || id === '..' || id === '')
      throw new ValidationError(id === '' ? undefined : id, [{ field: 'id', message: 'must not be empty, "." or ".." (they are path segments, not names)' }]);
    return `/dashboards/${encodeURIComponent(id)}`;
  }

  async #request(method: string, path: string, headers: Record<string, string> | undefined, body?: string): Promise<Response> {
    const fetchImpl = this.#fetch ?? globalThis.fetch;
    if (typeof fetchImpl !== 'function') throw new StoreError('No fetch() is available to reach the dashboard server.');
    const auth = (await this.#headers?.()) ?? {};
    try {
      return await fetchWithoutRedirects(
        fetchImpl,
        this.#baseUrl + path,
        { method, headers: { accept: 'application/json', ...auth, ...headers }, ...(body === undefined ? {} : { body }) },
        `${method} ${path}`,
      );
    } catch (error) {
      if (error instanceof RedirectRefusedError)
        throw new StoreError(
          `The dashboard server redirected ${method} ${path}${error.status > 0 ? ` (${error.status})` : ''}; redirects are not followed, so the sign-in headers never reach another address.`,
          { status: error.status || undefined, cause: error },
        );
      throw new StoreError(`Could not reach the dashboard server (${method} ${path}).`, { cause: error });
    }
  }

  async #fetchOne(id: string): Promise<Fetched> {
    const response = await this.#request('GET', this.#path(id), undefined);
    if (response.status === 404) return { state: 'missing' };
    if (!response.ok) throw await this.#failure(response, 'read', id);
    const dashboard = this.#validResponse(await this.#json(response, id), id, response.status);
    return { state: 'ok', dashboard, etag: response.headers.get('etag') ?? undefined };
  }

  /**
   * For a version seen only in a list (which has no ETags): fetches the current ETag, and goes on
   * only if the server still holds exactly the version the user saw.
   */
  async #etagFor(known: Known, local: Dashboard, action: 'save' | 'delete'): Promise<Known> {
    const id = known.dashboard.id;
    const fetched = await this.#fetchOne(id);
    if (fetched.state === 'missing') {
      this.#known.delete(id);
      throw new ConflictError(local, undefined, { remoteDeleted: true });
    }
    const current: Known = { dashboard: fetched.dashboard, etag: fetched.etag };
    this.#known.set(id, current);
    if (!sameDashboard(known.dashboard, fetched.dashboard)) throw new ConflictError(local, structuredClone(fetched.dashboard));
    if (current.etag === undefined)
      throw new StoreError(
        `Cannot ${action} dashboard "${id}": the server sent no ETag, so a change made by someone else could be overwritten.`,
        { dashboardId: id },
      );
    return current;
  }

  /** Builds the ConflictError with the server's current version, which from now on counts as seen. */
  async #conflict(local: Dashboard, user: DashboardUser, status: number): Promise<ConflictError> {
    let fetched: Fetched | undefined;
    try {
      fetched = await this.#fetchOne(local.id);
    } catch {
      // The conflict is the news; a failing refetch only means `remote` is unknown.
    }
    if (fetched?.state === 'ok') {
      this.#known.set(local.id, { dashboard: fetched.dashboard, etag: fetched.etag });
      const remote = canSee(fetched.dashboard, user) ? structuredClone(fetched.dashboard) : undefined;
      return new ConflictError(local, remote, { status });
    }
    this.#known.delete(local.id);
    return new ConflictError(local, undefined, { status, remoteDeleted: fetched?.state === 'missing' });
  }

  async #failure(response: Response, action: StoreAction, id: string | undefined): Promise<StoreError> {
    const { status } = response;
    const text = await response.text().catch(() => '');
    if (status === 401) return new ForbiddenError(action, id, 'the server did not accept the sign-in', { status });
    if (status === 403) return new ForbiddenError(action, id, 'the server refused it', { status });
    if (status === 404 && id !== undefined) return new NotFoundError(id, { status });
    if (status === 400 || status === 422) return new ValidationError(id, serverIssues(text), { status });
    const what = id === undefined ? 'dashboards' : `dashboard "${id}"`;
    const verb = action === 'read' ? 'load' : action;
    const answer = [status, response.statusText].filter(Boolean).join(' ');
    return new StoreError(`Could not ${verb} ${what}: the server answered ${answer}.`, {
      dashboardId: id,
      status,
    });
  }

  async #json(response: Response, id: string | undefined, emptyIsUndefined = false): Promise<unknown> {
    const text = await response.text();
    if (emptyIsUndefined && text.trim() === '') return undefined;
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new StoreError(`The server sent invalid JSON${id === undefined ? '' : ` for dashboard "${id}"`}.`, {
        dashboardId: id,
        status: response.status,
        cause: error,
      });
    }
  }

  /** A dashboard from the server that is invalid, or is not the one asked for, is a server fault, not the user's. */
  #validResponse(body: unknown, id: string, status: number): Dashboard {
    let dashboard: Dashboard;
    try {
      dashboard = validateDashboard(body);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      throw new StoreError(`The server sent an invalid dashboard for "${id}": ${error.message}`, {
        dashboardId: id,
        status,
        cause: error,
      });
    }
    if (dashboard.id !== id)
      throw new StoreError(`The server answered for dashboard "${id}" with dashboard "${dashboard.id}".`, {
        dashboardId: id,
        status,
      });
    return dashboard;
  }
}

/** Accepts `{ issues | errors: [{ field | path, message }] }` or `{ message }`; anything else becomes one issue. */
function serverIssues(text: string): FieldIssue[] {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return [{ field: '', message: text.trim() || 'was refused by the server' }];
  }
  const record = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const list = record['issues'] ?? record['errors'];
  if (Array.isArray(list)) {
    const issues = list.flatMap((item: unknown): FieldIssue[] => {
      if (typeof item !== 'object' || item === null) return [];
      const { field, path, message } = item as Record<string, unknown>;
      const where = typeof field === 'string' ? field : Array.isArray(path) ? path.join('.') : '';
      return typeof message === 'string' ? [{ field: where, message }] : [];
    });
    if (issues.length > 0) return issues;
  }
  if (typeof record['message'] === 'string') return [{ field: '', message: record['message'] }];
  return [{ field: '', message: 'was refused by the server' }];
}

/** Content equality that does not depend on the order of keys in the server's JSON. */
function sameDashboard(a: Dashboard, b: Dashboard): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null)
    return `{${Object.keys(value)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

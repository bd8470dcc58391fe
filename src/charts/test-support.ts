/**
 * Mocha's globals, typed. The browser test runner defines them before any test module loads, and
 * `@types/mocha` is not a dependency (its globals would also clash with `node:test` typings).
 */
type Body = () => unknown;

interface MochaGlobals {
  describe(title: string, body: () => void): void;
  it(title: string, body: Body): void;
  before(body: Body): void;
  after(body: Body): void;
  beforeEach(body: Body): void;
  afterEach(body: Body): void;
}

const mocha = globalThis as unknown as MochaGlobals;

export const describe = (title: string, body: () => void): void => mocha.describe(title, body);
export const it = (title: string, body: Body): void => mocha.it(title, body);
export const before = (body: Body): void => mocha.before(body);
export const after = (body: Body): void => mocha.after(body);
export const beforeEach = (body: Body): void => mocha.beforeEach(body);
export const afterEach = (body: Body): void => mocha.afterEach(body);

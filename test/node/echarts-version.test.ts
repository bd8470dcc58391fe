/**
 * ECharts below 6.1.0 has a tooltip advisory (CVE-2026-45249): the kit needs at least 6.1.0, in
 * what is installed, in what the lockfile pins, in the range package.json allows, and in the
 * ECharts the kit actually imports.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { version as runtimeVersion } from 'echarts/core';

const MINIMUM = [6, 1, 0] as const;

function parse(version: string): number[] {
  const match = /^\D*(\d+)\.(\d+)\.(\d+)/.exec(version);
  assert.ok(match, `"${version}" is not a version`);
  return match.slice(1, 4).map(Number);
}

function atLeastMinimum(version: string): boolean {
  const parts = parse(version);
  for (let i = 0; i < 3; i++) if (parts[i] !== MINIMUM[i]) return parts[i]! > MINIMUM[i]!;
  return true;
}

const require = createRequire(import.meta.url);
const root = join(dirname(new URL(import.meta.url).pathname), '..', '..');
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

describe('ECharts version', () => {
  test('the check refuses every version before 6.1.0', () => {
    for (const old of ['6.0.0', '6.0.9', '5.6.0', '^6.0.0', '~5.9.9']) assert.equal(atLeastMinimum(old), false, old);
    for (const fine of ['6.1.0', '6.1.1', '6.2.0', '7.0.0', '^6.1.0']) assert.equal(atLeastMinimum(fine), true, fine);
  });

  test('the installed echarts is at least 6.1.0', () => {
    // The entry point lives somewhere inside the package: walk up to its package.json.
    let dir = dirname(require.resolve('echarts'));
    while (!existsSync(join(dir, 'package.json')) || readJson(join(dir, 'package.json'))['name'] !== 'echarts') {
      assert.notEqual(dirname(dir), dir, 'echarts has no package.json');
      dir = dirname(dir);
    }
    const installed = readJson(join(dir, 'package.json'));
    assert.equal(installed['name'], 'echarts');
    assert.ok(atLeastMinimum(String(installed['version'])), `echarts ${String(installed['version'])} is installed`);
  });

  test('the ECharts the kit imports reports at least 6.1.0', () => {
    assert.ok(atLeastMinimum(runtimeVersion), `echarts/core says ${runtimeVersion}`);
  });

  test('package.json and the lockfile cannot bring an older one back', () => {
    const manifest = readJson(join(root, 'package.json'));
    const range = String((manifest['dependencies'] as Record<string, string>)['echarts']);
    // An exact version, or a ^ / ~ / >= range, whose lower bound is what matters.
    assert.match(range, /^(\^|~|>=)?\d+\.\d+\.\d+$/, `echarts is required as "${range}"`);
    assert.ok(atLeastMinimum(range), `package.json allows echarts ${range}`);
    const lock = readJson(join(root, 'package-lock.json'));
    const locked = (lock['packages'] as Record<string, { version?: string }>)['node_modules/echarts'];
    assert.ok(locked?.version && atLeastMinimum(locked.version), `the lockfile pins echarts ${locked?.version}`);
  });
});

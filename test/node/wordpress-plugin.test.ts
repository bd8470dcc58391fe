// The WordPress plugin as files: PHP that parses (`php -l`), the coding checks of wordpress/phpcs.xml,
// and the installable zip holding exactly the plugin plus the kit. The plugin inside a running
// WordPress is test/wordpress/wordpress.test.ts.
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { inflateRawSync } from 'node:zlib';

const root = new URL('../..', import.meta.url).pathname;
const pluginDir = join(root, 'wordpress', 'conversation-reports');
const inCi = process.env['CI'] === 'true';

function has(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

function phpFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return phpFiles(path);
    return name.endsWith('.php') ? [path] : [];
  });
}

/** Reads a zip the independent way: the central directory first, then each local entry, inflated. */
function readZip(zip: Buffer): Map<string, Buffer> {
  const endAt = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(endAt >= 0, 'the zip has an end-of-central-directory record');
  const count = zip.readUInt16LE(endAt + 10);
  let at = zip.readUInt32LE(endAt + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50, 'central directory entry signature');
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    assert.equal(zip.readUInt32LE(local), 0x04034b50, `local header of ${name}`);
    const dataAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(dataAt, dataAt + compressedSize);
    const data = method === 8 ? inflateRawSync(raw) : raw;
    assert.equal(data.length, size, `size of ${name}`);
    if (!name.endsWith('/')) files.set(name, data);
    at += 46 + nameLength + extra + comment;
  }
  return files;
}

test('every PHP file of the plugin parses (php -l)', { skip: !has('php') && !inCi && 'php is not installed (apt-get install php-cli)' }, () => {
  const files = phpFiles(pluginDir);
  assert.ok(files.length >= 8, `found ${files.length} PHP files`);
  for (const file of files) {
    const result = spawnSync('php', ['-l', file], { encoding: 'utf8' });
    assert.equal(result.status, 0, `${file}: ${result.stdout}${result.stderr}`);
  }
});

test('the plugin passes the WordPress-style checks of wordpress/phpcs.xml', { skip: !has('phpcs') && !inCi && 'phpcs is not installed (apt-get install php-codesniffer)' }, () => {
  const result = spawnSync('phpcs', ['--standard=phpcs.xml', '-q', '--report=full'], { cwd: join(root, 'wordpress'), encoding: 'utf8' });
  assert.equal(result.status, 0, result.stdout + result.stderr);
});

test('every PHP file refuses to run outside WordPress', () => {
  for (const file of phpFiles(pluginDir)) {
    const text = readFileSync(file, 'utf8');
    assert.match(text, /defined\( '(ABSPATH|WP_UNINSTALL_PLUGIN)' \) \|\| exit;/, file);
  }
});

test('npm run build:wordpress makes an installable zip: the plugin, its header and readme, and the kit', () => {
  execFileSync(process.execPath, [join(root, 'wordpress', 'build.mjs')], { cwd: root, stdio: 'pipe' });
  const zip = readFileSync(join(root, 'dist', 'wordpress', 'conversation-reports.zip'));
  const files = readZip(zip);
  for (const path of phpFiles(pluginDir)) {
    const name = `conversation-reports/${path.slice(pluginDir.length + 1)}`;
    assert.deepEqual(files.get(name), readFileSync(path), `${name} is in the zip, byte for byte`);
  }
  const main = files.get('conversation-reports/conversation-reports.php')!.toString('utf8');
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  assert.match(main, /^ \* Plugin Name:\s+Conversation Reports$/m);
  assert.match(main, new RegExp(`^ \\* Version:\\s+${version.replace(/\./g, '\\.')}$`, 'm'));
  assert.match(files.get('conversation-reports/readme.txt')!.toString('utf8'), new RegExp(`^Stable tag: ${version.replace(/\./g, '\\.')}$`, 'm'));
  const block = JSON.parse(files.get('conversation-reports/block/block.json')!.toString('utf8'));
  assert.equal(block.name, 'conversation-reports/dashboard');
  assert.deepEqual(Object.keys(block.attributes).sort(), ['dashboard', 'range', 'source']);
  assert.ok(files.has('conversation-reports/block/editor.js'));
  assert.deepEqual(files.get('conversation-reports/kit/conversation-reports.standalone.js'), readFileSync(join(root, 'dist', 'conversation-reports.standalone.js')));
  const features = JSON.parse(files.get('conversation-reports/kit/features.json')!.toString('utf8'));
  assert.ok(features.configKeys.includes('store') && features.sourceTypes.includes('csv'), JSON.stringify(features));
  // The settings' "server half at a URL" is printed as `server-src` only when the bundled kit reads it.
  assert.ok(features.sourceTypes.includes('server'), JSON.stringify(features));
  // Nothing of the repository beyond the plugin and the kit.
  assert.ok([...files.keys()].every((name) => name.startsWith('conversation-reports/')), [...files.keys()].join(', '));
  // Built twice from the same inputs, the same bytes.
  execFileSync(process.execPath, [join(root, 'wordpress', 'build.mjs')], { cwd: root, stdio: 'pipe' });
  assert.deepEqual(readFileSync(join(root, 'dist', 'wordpress', 'conversation-reports.zip')), zip);
});

test("the settings page's checks of business hours and SLA agree with the kit's schemas", { skip: !has('php') && !inCi && 'php is not installed' }, async () => {
  const { businessHoursSchema, slaSchema } = await import('../../src/core/schema/business-hours.ts');
  const hours: unknown[] = [
    { timeZone: 'Europe/Amsterdam', week: { mon: [['09:00', '17:00']] } },
    { timeZone: 'UTC', week: {}, holidays: ['2026-12-25', '2028-02-29'] },
    { timeZone: 'America/New_York', week: { sat: [['00:00', '06:00'], ['22:00', '24:00']] }, byInbox: { 'inbox-1': { timeZone: 'Asia/Tokyo', week: { fri: [['08:30', '12:00']] } } } },
    { timeZone: 'Europe/Amsterdam', week: { mon: [['17:00', '09:00']] } },
    { timeZone: 'Europe/Amsterdam', week: { mon: [['09:00', '24:30']] } },
    { timeZone: 'Europe/Amsterdam', week: { mon: [['9:00', '17:00']] } },
    { timeZone: 'Europe/Amsterdam', week: { mon: [['09:00']] } },
    { timeZone: 'Mars/Olympus', week: {} },
    { week: {} },
    { timeZone: 'UTC' },
    { timeZone: 'UTC', week: {}, holidays: ['2027-02-29'] },
    { timeZone: 'UTC', week: {}, byInbox: { a: { week: {} } } },
    [],
    'monday',
  ];
  const slas: unknown[] = [
    { firstResponseMs: 3_600_000 },
    { firstResponseMs: 0, closeMs: 86_400_000.5, businessHours: true },
    {},
    { firstResponseMs: -1 },
    { closeMs: '3600000' },
    { businessHours: 'yes' },
    [],
  ];
  const script = `define('ABSPATH', '/'); require ${JSON.stringify(join(pluginDir, 'includes', 'class-conversation-reports-settings.php'))};
    $cases = json_decode(stream_get_contents(STDIN));
    $out = array();
    foreach ($cases->hours as $case) $out['hours'][] = Conversation_Reports_Settings::business_hours_issues($case);
    foreach ($cases->slas as $case) $out['slas'][] = Conversation_Reports_Settings::sla_issues($case);
    echo json_encode($out);`;
  const result = spawnSync('php', ['-r', script], { input: JSON.stringify({ hours, slas }), encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  const php = JSON.parse(result.stdout) as { hours: string[][]; slas: string[][] };
  hours.forEach((value, index) => {
    assert.equal(php.hours[index]!.length === 0, businessHoursSchema.safeParse(value).success, `business hours ${JSON.stringify(value)}: PHP says ${JSON.stringify(php.hours[index])}`);
  });
  slas.forEach((value, index) => {
    assert.equal(php.slas[index]!.length === 0, slaSchema.safeParse(value).success, `SLA ${JSON.stringify(value)}: PHP says ${JSON.stringify(php.slas[index])}`);
  });
  // Where the kit's schema would drop an unknown key without a word, the settings refuse it: a typo is never ignored.
  const typo = spawnSync('php', ['-r', `define('ABSPATH', '/'); require ${JSON.stringify(join(pluginDir, 'includes', 'class-conversation-reports-settings.php'))}; echo json_encode(Conversation_Reports_Settings::business_hours_issues(json_decode('{"timeZone":"UTC","week":{"monday":[]}}')));`], { encoding: 'utf8' });
  assert.match(typo.stdout, /week\.monday: must be one of mon/);
});

test('the report-server proxy forwards exactly the ops of the kit\'s report protocol, and nothing that is not a JSON object', { skip: !has('php') && !inCi && 'php is not installed' }, async () => {
  const { reportRequestSchema } = await import('../../src/server/report-request.ts');
  // The ops the kit's handler reads, from its schema (zod/mini keeps a union's options in `_zod.def`).
  const ops = reportRequestSchema._zod.def.options.map((option) => String(option._zod.def.shape.op._zod.def.values[0])).sort();
  const bodies = [
    ...ops.map((op) => JSON.stringify({ op })),
    JSON.stringify({ op: 'sql', sql: 'SELECT 1' }),
    JSON.stringify({ op: ['query'] }),
    JSON.stringify([{ op: 'query' }]),
    '{"op": "query"',
    'op=query',
    '',
    JSON.stringify({ op: 'lookups', pad: 'x'.repeat(70_000) }),
  ];
  const script = `define('ABSPATH', '/'); require ${JSON.stringify(join(pluginDir, 'includes', 'class-conversation-reports-server-proxy.php'))};
    echo json_encode(array('ops' => Conversation_Reports_Server_Proxy::OPS, 'issues' => array_map(array('Conversation_Reports_Server_Proxy', 'request_issue'), json_decode(stream_get_contents(STDIN)))));`;
  const result = spawnSync('php', ['-r', script], { input: JSON.stringify(bodies), encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  const php = JSON.parse(result.stdout) as { ops: string[]; issues: (string | null)[] };
  assert.deepEqual([...php.ops].sort(), ops);
  assert.deepEqual(php.issues.slice(0, ops.length), ops.map(() => null));
  const refused = php.issues.slice(ops.length);
  assert.ok(refused.every((issue) => typeof issue === 'string' && issue.length > 0), JSON.stringify(refused));
  assert.match(refused[0]!, /op must be one of query, drill, lookups/);
  assert.match(refused.at(-1)!, /larger than 65536 bytes/);
});

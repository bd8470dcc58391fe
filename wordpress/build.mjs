// `npm run build:wordpress`: the installable plugin zip, dist/wordpress/conversation-reports.zip.
//
// The plugin folder (wordpress/conversation-reports) plus the kit's standalone build (one ES module
// file that loads nothing else) and a small features.json telling the PHP which config keys and
// source types this kit understands. Runs `vite build` first when the standalone file is missing or
// older than the sources. The zip is written here with Node's zlib (deflate + crc32): no dependency,
// no `zip` binary, and the same bytes for the same inputs (fixed timestamps, sorted entries).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateRawSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pluginDir = join(root, 'wordpress', 'conversation-reports');
const standalone = join(root, 'dist', 'conversation-reports.standalone.js');
const outDir = join(root, 'dist', 'wordpress');
const outFile = join(outDir, 'conversation-reports.zip');

function newestMtime(dir) {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    newest = Math.max(newest, stat.isDirectory() ? newestMtime(path) : stat.mtimeMs);
  }
  return newest;
}

function listFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

if (!existsSync(standalone) || statSync(standalone).mtimeMs < newestMtime(join(root, 'src'))) {
  console.log('build:wordpress: the standalone build is missing or older than src/, running vite build…');
  execFileSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
}

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const header = readFileSync(join(pluginDir, 'conversation-reports.php'), 'utf8');
const pluginVersion = /^\s*\*\s*Version:\s*(\S+)/m.exec(header)?.[1];
if (pluginVersion !== pkg.version)
  throw new Error(`wordpress/conversation-reports/conversation-reports.php says Version ${pluginVersion}, package.json ${pkg.version}: make them equal.`);

const features = execFileSync(process.execPath, ['--import', 'tsx', join(root, 'wordpress', 'kit-features.ts')], { cwd: root, encoding: 'utf8' });

/** [path inside the zip, bytes] */
const entries = listFiles(pluginDir)
  .map((path) => [`conversation-reports/${relative(pluginDir, path).split('\\').join('/')}`, readFileSync(path)])
  .concat([
    ['conversation-reports/kit/conversation-reports.standalone.js', readFileSync(standalone)],
    ['conversation-reports/kit/features.json', Buffer.from(features)],
  ])
  .sort(([a], [b]) => (a < b ? -1 : 1));

// ——— a zip file (PKWARE APPNOTE 4.3: local headers, central directory, end record) ———
const DOS_TIME = 0; // 00:00:00
const DOS_DATE = ((2026 - 1980) << 9) | (1 << 5) | 1; // 2026-01-01: fixed, so the zip is reproducible
const UTF8 = 0x0800;

function directoriesOf(names) {
  const dirs = new Set();
  for (const name of names) {
    const parts = name.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(`${parts.slice(0, i).join('/')}/`);
  }
  return [...dirs].sort();
}

const chunks = [];
const central = [];
let offset = 0;
const all = [
  ...directoriesOf(entries.map(([name]) => name)).map((name) => [name, Buffer.alloc(0), true]),
  ...entries.map(([name, data]) => [name, data, false]),
];
for (const [name, data, isDir] of all) {
  const nameBytes = Buffer.from(name, 'utf8');
  const compressed = isDir ? data : deflateRawSync(data, { level: 9 });
  const method = isDir ? 0 : 8;
  const crc = isDir ? 0 : crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(UTF8, 6);
  local.writeUInt16LE(method, 8);
  local.writeUInt16LE(DOS_TIME, 10);
  local.writeUInt16LE(DOS_DATE, 12);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(compressed.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  local.writeUInt16LE(0, 28);
  const entry = Buffer.alloc(46);
  entry.writeUInt32LE(0x02014b50, 0);
  entry.writeUInt16LE((3 << 8) | 20, 4); // made by: Unix, so the modes below count
  entry.writeUInt16LE(20, 6);
  entry.writeUInt16LE(UTF8, 8);
  entry.writeUInt16LE(method, 10);
  entry.writeUInt16LE(DOS_TIME, 12);
  entry.writeUInt16LE(DOS_DATE, 14);
  entry.writeUInt32LE(crc, 16);
  entry.writeUInt32LE(compressed.length, 20);
  entry.writeUInt32LE(data.length, 24);
  entry.writeUInt16LE(nameBytes.length, 28);
  entry.writeUInt32LE((((isDir ? 0o40755 : 0o100644) << 16) | (isDir ? 0x10 : 0)) >>> 0, 38);
  entry.writeUInt32LE(offset, 42);
  chunks.push(local, nameBytes, compressed);
  central.push(entry, nameBytes);
  offset += local.length + nameBytes.length + compressed.length;
}
const centralBytes = Buffer.concat(central);
const end = Buffer.alloc(22);
end.writeUInt32LE(0x06054b50, 0);
end.writeUInt16LE(all.length, 8);
end.writeUInt16LE(all.length, 10);
end.writeUInt32LE(centralBytes.length, 12);
end.writeUInt32LE(offset, 16);

mkdirSync(outDir, { recursive: true });
const zip = Buffer.concat([...chunks, centralBytes, end]);
writeFileSync(outFile, zip);
console.log(`build:wordpress: ${relative(root, outFile)} (${entries.length} files, ${(zip.length / 1024).toFixed(0)} KiB). Upload it in Plugins → Add New → Upload Plugin.`);

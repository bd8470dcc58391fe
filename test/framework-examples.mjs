// The React and Vue examples (demo/react.html, demo/vue.html) built for test/browser/frameworks.browser.test.ts.
//
// React ships CommonJS only, so the test runner cannot serve the example's imports as they are: each
// page is bundled with vite's build() API, in memory, on its first request (then kept), and served with
// its scripts and chunks:
//
// /__test__/frameworks/react/react.html   demo/react.html and everything it loads, bundled
// /__test__/frameworks/vue/vue.html       demo/vue.html, likewise
import { fileURLToPath } from 'node:url';
import { extname } from 'node:path';
import { build } from 'vite';

const PREFIX = '/__test__/frameworks/';
const demo = fileURLToPath(new URL('../demo/', import.meta.url));
const examples = new Set(['react', 'vue']);

/** @param {string} name 'react' | 'vue' → Map of file name → contents */
async function buildExample(name) {
  const output = await build({
    configFile: false,
    root: demo,
    base: `${PREFIX}${name}/`,
    publicDir: false,
    logLevel: 'warn',
    define: {
      // ECharts/zrender and React read process.env.NODE_ENV; Vue's full build wants its feature flags.
      'process.env.NODE_ENV': JSON.stringify('production'),
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
    worker: { format: 'es' },
    build: {
      write: false,
      minify: false,
      target: 'es2022',
      reportCompressedSize: false,
      modulePreload: false,
      rolldownOptions: {
        input: `${demo}${name}.html`,
        // The kit's lazy sources are also imported statically by its entry: said once per build, not news.
        onwarn(warning, warn) {
          if (warning.code !== 'INEFFECTIVE_DYNAMIC_IMPORT') warn(warning);
        },
      },
    },
  });
  const files = new Map();
  for (const result of Array.isArray(output) ? output : [output]) {
    for (const file of result.output) files.set(file.fileName, file.type === 'chunk' ? file.code : file.source);
  }
  return files;
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };

export function frameworkExamples() {
  /** @type {Map<string, Promise<Map<string, string | Uint8Array>>>} */
  const builds = new Map();
  return async function frameworkExamplesMiddleware(ctx, next) {
    if (!ctx.path.startsWith(PREFIX)) return next();
    const [name, ...rest] = ctx.path.slice(PREFIX.length).split('/');
    if (!examples.has(name)) return next();
    // The first request starts both builds: the second is ready by the time its test asks.
    if (!builds.has(name)) for (const example of examples) if (!builds.has(example)) builds.set(example, buildExample(example));
    let files;
    try {
      files = await builds.get(name);
    } catch (error) {
      builds.delete(name);
      ctx.status = 500;
      ctx.type = 'text/plain; charset=utf-8';
      ctx.body = `Building the ${name} example failed:\n${error?.stack ?? error}`;
      return undefined;
    }
    const file = files.get(rest.join('/'));
    if (file === undefined) return next();
    ctx.set('Cache-Control', 'no-store');
    ctx.type = TYPES[extname(ctx.path)] ?? 'application/octet-stream';
    ctx.body = typeof file === 'string' ? file : Buffer.from(file);
    return undefined;
  };
}

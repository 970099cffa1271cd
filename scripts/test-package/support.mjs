// Helpers of scripts/test-package.mjs: the native-addon shortcut, the asset scan and the server check.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The consumer project: one example blueprint with its test file, and the files of test/package/. */
export function copyFixtures(project) {
  mkdirSync(project, { recursive: true });
  writeFileSync(join(project, 'package.json'), '{ "name": "consumer", "private": true, "type": "module" }\n');
  for (const kind of ['blueprint', 'input', 'test']) {
    const file = `webhook-router.${kind}.json`;
    copyFileSync(join(root, 'blueprints', file), join(project, file));
  }
  const fixtures = {
    'plain.mjs': 'plain.mjs',
    'consumer.ts': 'consumer.ts',
    'matchers.vitest.ts': 'matchers.test.ts',
    'tsconfig.consumer.json': 'tsconfig.json',
  };
  for (const [from, to] of Object.entries(fixtures)) {
    copyFileSync(join(root, 'test', 'package', from), join(project, to));
  }
}

/**
 * better-sqlite3 installs with prebuild-install, which downloads a compiled addon and otherwise
 * compiles SQLite (minutes). Where no download is possible, hand it the addon this repository's
 * own install already built for the same version, Node ABI and platform, through prebuild-install's
 * documented local-prebuilds folder — the install script still runs as for a user. Without one the
 * install compiles. Returns the environment variables to pass to `npm install`.
 */
export function localPrebuilds(work) {
  let dir;
  try {
    dir = dirname(createRequire(join(root, 'package.json')).resolve('better-sqlite3/package.json'));
  } catch {
    return {};
  }
  const binary = 'build/Release/better_sqlite3.node';
  const glibc = process.platform !== 'linux' || process.report.getReport().header.glibcVersionRuntime;
  if (!existsSync(join(dir, binary)) || !glibc) return {};
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const abi = process.versions.modules;
  const name = `better-sqlite3-v${version}-node-v${abi}-${process.platform}-${process.arch}.tar.gz`;
  const prebuilds = join(work, 'prebuilds');
  mkdirSync(prebuilds, { recursive: true });
  const tar = spawnSync('tar', ['-czf', join(prebuilds, name), '-C', dir, binary]);
  return tar.status === 0 ? { npm_config_better_sqlite3_local_prebuilds: prebuilds } : {};
}

function* javascriptFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* javascriptFiles(path);
    else if (/\.m?js$/.test(entry.name)) yield path;
  }
}

/**
 * Every `new URL('<relative>', import.meta.url)` in the installed package names a file (or, for
 * a template like `./assets/${name}`, a folder) that is there: the run page, the checkpoint
 * worker, plans.json and whatever asset is added next.
 */
export function checkAssets(project) {
  const dist = join(project, 'node_modules', 'makesim', 'dist');
  const pattern = /new URL\(\s*(['"`])(\.{1,2}\/[^'"`]*)\1\s*,\s*import\.meta\.url\s*\)/g;
  const missing = [];
  let found = 0;
  for (const file of javascriptFiles(dist)) {
    for (const [, , target] of readFileSync(file, 'utf8').matchAll(pattern)) {
      const fixed = target.includes('${')
        ? target.slice(0, target.lastIndexOf('/', target.indexOf('${')))
        : target;
      const path = join(dirname(file), fixed);
      found++;
      if (!existsSync(path)) missing.push(`${file.slice(dist.length + 1)} → ${target}`);
    }
  }
  if (found === 0) return 'found no import.meta.url asset at all: the scan is broken';
  return missing.length > 0 ? `missing from the package:\n${missing.join('\n')}` : undefined;
}

/** `makesim serve` from the package with an on-disk database: the run page and one webhook call. */
export async function checkServe(project) {
  const bin = join(project, 'node_modules', '.bin', 'makesim');
  const args = ['serve', '.', '--port', '0', '--db', '.makesim/serve.db', '--no-watch'];
  const child = spawn(bin, args, { cwd: project, env: { ...process.env, NO_COLOR: '1' } });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  try {
    const url = await waitFor(() => /listening on (\S+)/.exec(output)?.[1], 30_000);
    const hook = /hook (http\S+)/.exec(output)?.[1];
    // The run page needs the token: refused without it, served after the banner's sign-in link.
    const refused = await fetch(`${url}/`);
    if (refused.status !== 401) return `GET / without signing in answered ${refused.status}, not 401`;
    const link = /inspector\s+(http\S+)/.exec(output)?.[1];
    if (!link) return `the banner printed no sign-in link:\n${output}`;
    const signIn = await fetch(link, { redirect: 'manual' });
    const cookie = signIn.headers.get('set-cookie')?.split(';')[0];
    if (signIn.status !== 303 || !cookie)
      return `the sign-in link answered ${signIn.status} without a cookie`;
    const page = await fetch(`${url}/`, { headers: { cookie } });
    const html = await page.text();
    if (page.status !== 200 || !/<html/i.test(html)) return `GET / answered ${page.status}:\n${html}`;
    const answer = await fetch(hook, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'order', orderId: 'S-1', total: 1 }),
    });
    const body = await answer.text();
    if (!body.includes('S-1')) return `the webhook answered ${answer.status} ${body}:\n${output}`;
    return undefined;
  } catch (error) {
    return `${error instanceof Error ? error.message : error}\n${output}`;
  } finally {
    child.kill('SIGTERM');
  }
}

async function waitFor(probe, ms) {
  const until = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`not ready within ${ms / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

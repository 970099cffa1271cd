#!/usr/bin/env node
// The packed-package test (.ci/run): `npm pack`, install the tarball into a fresh project in the
// system temp folder, and use it there as a user would — the CLI through npx, the library from
// plain Node ESM, a strict TypeScript consumer, vitest with `makesim/vitest`. The project sees
// only the tarball, the registry and the files of test/package/ plus one example blueprint.
// `--keep` leaves the temp project in place for inspection.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkAssets, checkServe, copyFixtures, localPrebuilds, root } from './test-package/support.mjs';

const keep = process.argv.includes('--keep');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'makesim-package-'));
const project = join(work, 'project');
const results = [];

function sh(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 600_000, ...options });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`;
  return { ok: result.status === 0, output, stdout: result.stdout ?? '' };
}

/** Runs one check and says whether it passed; a failing check prints what went wrong. */
async function check(name, fn) {
  const started = Date.now();
  let problem;
  try {
    problem = await fn();
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error);
  }
  const ms = Date.now() - started;
  results.push({ name, ok: !problem });
  console.log(`  ${problem ? 'FAIL' : 'ok  '} ${name} (${(ms / 1000).toFixed(1)} s)`);
  if (problem) console.log(problem.replace(/^/gm, '       | '));
  return !problem;
}

/** In the consumer project: a command that must exit 0 and print what `expect` matches. */
const inProject = (command, args, expect) => () => {
  const { ok, output } = sh(command, args, { cwd: project, env: { ...process.env, NO_COLOR: '1' } });
  if (!ok) return `exit code not 0:\n${output}`;
  if (expect && !expect.test(output)) return `output does not match ${expect}:\n${output}`;
  return undefined;
};

console.log(`packed-package test in ${work}`);
let tarball;
const packed = await check('npm pack (builds dist/ through prepare)', () => {
  const { ok, output, stdout } = sh('npm', ['pack', '--json', '--pack-destination', work], { cwd: root });
  if (!ok) return output;
  const [packed] = JSON.parse(stdout.slice(stdout.indexOf('\n[') + 1));
  tarball = join(work, packed.filename);
  const paths = packed.files.map((f) => f.path);
  const stray = paths.filter((p) => /^(test|bench|scripts|bin)\//.test(p) || /(?<!\.d)\.ts$/.test(p));
  if (stray.length > 0) return `development files in the package: ${stray.slice(0, 10).join(', ')}`;
  return undefined;
});

const installed =
  packed &&
  (await check('install the tarball into a fresh project (no EBADENGINE, no tsx)', () => {
    copyFixtures(project);
    const dev = pkg.devDependencies;
    const wanted = [
      tarball,
      `vitest@${dev.vitest}`,
      `typescript@${dev.typescript}`,
      `@types/node@${dev['@types/node']}`,
    ];
    const env = { ...process.env, ...localPrebuilds(work) };
    const { ok, output } = sh('npm', ['install', '--no-audit', '--no-fund', ...wanted], {
      cwd: project,
      env,
    });
    if (!ok) return output;
    if (/EBADENGINE/.test(output)) return `npm warned about engines:\n${output}`;
    if (sh('npm', ['ls', 'tsx', '--all'], { cwd: project }).output.includes('tsx@'))
      return 'tsx is installed';
    return undefined;
  }));

const runArgs = ['run', 'webhook-router.blueprint.json', '--input', 'webhook-router.input.json'];
if (installed) {
  await check(
    'npx makesim run',
    inProject('npx', ['--no-install', 'makesim', ...runArgs], /success\s+3 operation/),
  );
  await check(
    'npx makesim test',
    inProject('npx', ['--no-install', 'makesim', 'test', 'webhook-router.test.json']),
  );
  await check(
    'npx makesim test --workers 2 (a worker thread from the package)',
    inProject(
      'npx',
      ['--no-install', 'makesim', 'test', 'webhook-router.test.json', '--workers', '2'],
      /4 passed, 0 failed/,
    ),
  );
  await check('plain Node ESM import + runScenario', inProject('node', ['plain.mjs'], /plain ESM: success/));
  await check(
    'TypeScript consumer (NodeNext, strict, exactOptionalPropertyTypes)',
    inProject('npx', ['--no-install', 'tsc']),
  );
  await check('vitest with makesim/vitest matchers', inProject('npx', ['--no-install', 'vitest', 'run']));
  await check('runtime assets read through import.meta.url are in the package', () => checkAssets(project));
  await check('makesim serve answers its run page', () => checkServe(project));
}
const failed = results.filter((r) => !r.ok).length;
if (keep) console.log(`kept ${work}`);
else rmSync(work, { recursive: true, force: true });
console.log(
  failed === 0
    ? `packed package: all ${results.length} checks passed`
    : `packed package: ${failed} of ${results.length} checks FAILED`,
);
process.exit(failed === 0 ? 0 : 1);

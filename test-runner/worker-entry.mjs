// Entry of a test worker thread (test-runner/worker-pool.ts). In the built package it loads the
// bundled case worker (dist/cli/case-worker.js, scripts/bundle-cli.mjs: a few files instead of a
// few hundred modules, so a thread starts sooner), else the compiled case-worker.js beside it; in
// a source checkout (vitest, bin/makesim.js) there is only case-worker.ts, loaded through tsx as
// bin/makesim.js loads the CLI.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundled = new URL('../cli/case-worker.js', import.meta.url);
const built = new URL('./case-worker.js', import.meta.url);
if (existsSync(fileURLToPath(bundled))) {
  await import(bundled.href);
} else if (existsSync(fileURLToPath(built))) {
  await import(built.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(built.href.replace(/\.js$/, '.ts'));
}

/**
 * A case that sends no request does not load undici (test-runner/http-mocks.ts): loading it cost
 * each worker thread's start ~0.3 s (issue 14 §4). Checked in a fresh process, where nothing
 * else has loaded it.
 */
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

const file = (path: string) => JSON.stringify(join(root, path));
const script = `
  const { default: Module } = await import('node:module');
  const { runSuite } = await import(${file('test-runner/run-suite.ts')});
  const loaded = () => Object.keys(Module._cache).some((p) => /[\\/]undici[\\/]index.js$/.test(p));
  const run = (path) => runSuite({ files: [path], cwd: ${JSON.stringify(root)}, workers: 1 });
  const quiet = await run(${file('blueprints/data-store.test.json')});
  const before = loaded();
  // The control: a case that sends a request does load it.
  await run(${file('test/fixtures/trust/http-resume.test.json')});
  console.log(JSON.stringify({ passed: quiet.results.every((r) => r.passed), before, after: loaded() }));
`;

describe('undici in the test runner', () => {
  it('is not loaded by cases that send no request', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(JSON.parse(out.trim().split('\n').at(-1)!)).toEqual({ passed: true, before: false, after: true });
  });
});

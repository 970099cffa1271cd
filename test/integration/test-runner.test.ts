import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coverageOf } from '../../test-runner/coverage.ts';
import { runSuite } from '../../test-runner/run-suite.ts';
import { runCli } from '../helpers/cli.ts';

const root = resolve(import.meta.dirname, '../..');

async function cli(args: string[]) {
  const { code, out, err } = await runCli(args, { cwd: root });
  return { code, stdout: out, stderr: err };
}

describe('makesim test on the example blueprints', () => {
  it('passes every case and exercises every route, filter and error route', async () => {
    const files = [
      'webhook-router',
      'iterator-aggregator',
      'error-handling',
      'data-store',
      'order-intake',
    ].map((n) => join(root, 'blueprints', `${n}.test.json`));
    const suite = await runSuite({ files, cwd: root });
    expect(suite.fileErrors).toEqual([]);
    expect(suite.results.filter((r) => !r.passed)).toEqual([]);
    for (const run of suite.blueprints) expect(coverageOf(run)).toMatchObject({ complete: true });
  });

  it('ends with the N passed, N failed line and exits 0', async () => {
    const { code, stdout } = await cli(['test', 'blueprints']);
    expect(code).toBe(0);
    expect(stdout.trimEnd().split('\n').at(-1)).toMatch(/^\d+ passed, 0 failed$/);
  });
});

describe('a case that should fail does fail', () => {
  const fixture = join(root, 'test/fixtures/runner/failing.test.json');

  async function failuresOf(name: string) {
    const suite = await runSuite({ files: [fixture], cwd: root, filter: name });
    const result = suite.results.find((r) => r.name === name);
    if (!result) throw new Error(`no case ${name}`);
    return result;
  }

  it('on a wrong status, naming the error that ended the run', async () => {
    const r = await failuresOf('wrong status');
    expect(r.passed).toBe(false);
    expect(r.failures).toMatchObject([{ path: 'status', expected: 'error', actual: 'success' }]);
  });

  it('on wrong operations', async () => {
    expect((await failuresOf('wrong operations')).failures).toMatchObject([
      { path: 'operations', expected: 4, actual: 3 },
    ]);
  });

  it('on an unexpected module output, naming the module and the path in the bundle', async () => {
    const [failure] = (await failuresOf('unexpected module output')).failures;
    expect(failure).toMatchObject({
      path: 'modules.7.outputs[0].value',
      expected: 'Welcome B (row 5)',
      actual: 'Welcome A (row 5)',
      module: { id: 7, label: 'Welcome text' },
    });
  });

  it('on a missing mock, as a setup failure naming the module', async () => {
    const r = await failuresOf('missing mock');
    expect(r.status).toBe('error');
    expect(r.failures).toMatchObject([{ path: 'setup', module: { id: 2, label: 'Log signup to sheet' } }]);
    expect(r.failures[0]?.message).toMatch(/MissingMock/);
  });

  it('on a mock for a module the blueprint does not have, naming the closest ids and keys', async () => {
    const r = await failuresOf('mock for a module not in the blueprint');
    expect(r.status).toBeNull();
    expect(r.failures.map((f) => f.path)).toEqual(['mocks', 'mocks']);
    expect(r.failures[0]?.message).toMatch(/no module 12; closest module ids: 7, 6/);
    expect(r.failures[1]?.message).toMatch(/closest keys: "google-sheets:addRow"/);
  });

  it('on a jsonata assertion that is false', async () => {
    expect((await failuresOf('jsonata assertion false')).failures).toMatchObject([
      { path: 'assert[0]', actual: false },
    ]);
  });

  it('on an exhausted mock sequence', async () => {
    const r = await failuresOf('exhausted mock sequence');
    expect(r.status).toBe('error');
    expect(r.failures).toMatchObject([{ path: 'setup', module: { id: 2 } }]);
  });

  it('on a monthly credit budget the schedule would exceed', async () => {
    // 3 operations per run × 2,976 runs every 15 minutes in a 31-day month = 8,928 > 8,000.
    const [failure] = (await failuresOf('over the monthly credit budget')).failures;
    expect(failure).toMatchObject({ path: 'maxCreditsPerMonth', expected: 8000, actual: 8928 });
  });

  it('and the CLI exits 1 with the failures listed', async () => {
    const { code, stdout } = await cli(['test', fixture]);
    expect(code).toBe(1);
    expect(stdout).toContain('✗ test/fixtures/runner/failing.test.json › wrong operations');
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('1 passed, 8 failed');
  });
});

describe('makesim test reporters and snapshots', () => {
  it('writes JUnit XML with one testcase per case', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'makesim-junit-')), 'report.xml');
    const { code } = await cli(['test', 'test/fixtures/runner', '--reporter', 'junit', '--output', out]);
    expect(code).toBe(1);
    const xml = readFileSync(out, 'utf8');
    expect(xml.match(/<testcase /g)).toHaveLength(9);
    expect(xml.match(/<failure /g)).toHaveLength(8);
  });

  it('records a snapshot with --update and then detects a change', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'makesim-snap-'));
    const file = join(dir, 'router.test.json');
    const testFile = (type: string) =>
      JSON.stringify({
        blueprint: join(root, 'blueprints/webhook-router.blueprint.json'),
        cases: [{ name: 'snap', input: { type, orderId: 'S-1', total: 1 }, expect: { snapshot: true } }],
      });
    writeFileSync(file, testFile('order'));
    expect((await cli(['test', file])).code).toBe(1);
    expect((await cli(['test', file, '--update'])).code).toBe(0);
    expect((await cli(['test', file])).code).toBe(0);
    writeFileSync(file, testFile('refund'));
    const changed = await cli(['test', file]);
    expect(changed.code).toBe(1);
    expect(changed.stdout).toMatch(/snapshot\./);
  });

  it('--init writes a starter test file with the trigger input shape and a mock skeleton for every app module', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'makesim-init-'));
    const source = JSON.parse(readFileSync(join(root, 'blueprints/error-handling.blueprint.json'), 'utf8'));
    // Give the app module an output interface, as Make's exports carry one.
    source.flow[1].metadata.interface = [
      { name: 'rowNumber', type: 'number' },
      { name: 'values', type: 'collection', spec: [{ name: 'email', type: 'text' }] },
    ];
    writeFileSync(join(dir, 'signup.blueprint.json'), JSON.stringify(source));
    const { code, stdout } = await cli(['test', '--init', join(dir, 'signup.blueprint.json')]);
    expect(code).toBe(0);
    expect(stdout).toContain('signup.test.json');
    const starter = JSON.parse(readFileSync(join(dir, 'signup.test.json'), 'utf8'));
    expect(starter.blueprint).toBe('signup.blueprint.json');
    expect(starter.cases[0].mocks).toEqual({
      '2': { output: { rowNumber: 1, values: { email: 'someone@example.com' } } },
    });
    expect(starter.cases[0].input).toEqual({ email: 'someone@example.com', name: 'sample name' });
    // The starter is a valid test file, and refuses to be overwritten: that is bad usage (exit 2).
    expect((await cli(['test', join(dir, 'signup.test.json')])).code).toBe(0);
    const again = await cli(['test', '--init', join(dir, 'signup.blueprint.json')]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
  });

  it('exits 2 when no test file is found', async () => {
    expect((await cli(['test', 'docs'])).code).toBe(2);
  });
});

describe('the loader’s warnings in makesim test', () => {
  const dir = join(root, 'test/fixtures/lint-warnings');

  it('prints each warning of a blueprint it ran, with pointer and code, before the closing line', async () => {
    const { code, stdout } = await cli(['test', dir]);
    expect(code).toBe(0);
    const warning = stdout.indexOf('/flow/2/mapper/value [reference-unknown-field] {{2.done}}');
    expect(warning).toBeGreaterThan(-1);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('1 passed, 0 failed');
  });

  it('lists them per blueprint in the JSON report', async () => {
    const { stdout } = await cli(['test', dir, '--reporter', 'json']);
    const report = JSON.parse(stdout) as { warnings: { blueprint: string; warnings: { code: string }[] }[] };
    expect(report.warnings).toEqual([
      {
        blueprint: 'test/fixtures/lint-warnings/sleep-field.blueprint.json',
        warnings: [
          expect.objectContaining({ code: 'reference-unknown-field', pointer: '/flow/2/mapper/value' }),
        ],
      },
    ]);
  });
});

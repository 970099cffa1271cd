/** `makesim test` across worker threads and shards reports exactly what one thread reports. */
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSuite } from '../../test-runner/run-suite.ts';
import type { CaseResult } from '../../test-runner/types.ts';
import { runCli } from '../helpers/cli.ts';

const root = resolve(import.meta.dirname, '../..');
const files = ['data-store', 'error-handling', 'iterator-aggregator', 'webhook-router']
  .map((name) => join(root, 'blueprints', `${name}.test.json`))
  .concat(join(root, 'test/fixtures/runner/failing.test.json'));

const comparable = (results: CaseResult[]) => results.map(({ durationMs: _ms, ...rest }) => rest);

describe('test cases on worker threads', () => {
  it('report the same results, in file order then case order, as in one thread', async () => {
    const here = await runSuite({ files, cwd: root, workers: 1 });
    const order: string[] = [];
    const spread = await runSuite({
      files,
      cwd: root,
      workers: 2,
      onResult: (r) => order.push(`${r.file} › ${r.name}`),
    });
    expect(comparable(spread.results)).toEqual(comparable(here.results));
    expect(order).toEqual(here.results.map((r) => `${r.file} › ${r.name}`));
    // Each case keeps its own database: the data-store cases (which write records) all pass.
    expect(spread.results.filter((r) => r.file.startsWith('blueprints/') && !r.passed)).toEqual([]);
    expect(spread.results.some((r) => !r.passed)).toBe(true);
    expect(spread.blueprints.map((b) => b.records.length)).toEqual(
      here.blueprints.map((b) => b.records.length),
    );
  });

  it('keeps no record anywhere when asked not to, in this thread as on worker threads', async () => {
    for (const workers of [1, 2]) {
      const suite = await runSuite({ files, cwd: root, workers, keepRecords: false });
      expect(suite.results.length).toBeGreaterThan(20);
      expect(suite.results.filter((r) => r.record !== undefined)).toEqual([]);
      expect(suite.blueprints.flatMap((b) => b.records)).toEqual([]);
      // What records would have shown is still reported: the status and operations of each run.
      expect(suite.results.find((r) => r.passed)?.operations).toBeGreaterThan(0);
    }
  });

  it('runs a suite smaller than the workers asked for in this thread, all the same', async () => {
    // The worker threads start before the files load; with one case they are not used.
    const one = await runSuite({ files, cwd: root, workers: 3, filter: 'a refund takes the refunds route' });
    expect(one.results.map((r) => [r.name, r.passed])).toEqual([
      ['a refund takes the refunds route only', true],
    ]);
  });
});

describe('makesim test --shard', () => {
  const json = async (args: string[]) => {
    const { code, out } = await runCli(['test', 'blueprints', '--reporter', 'json', ...args], { cwd: root });
    return { code, report: JSON.parse(out) as { results: CaseResult[] } };
  };

  it('splits the files so that the shards concatenated are the whole run', async () => {
    const whole = await json(['--workers', '1']);
    const first = await json(['--workers', '1', '--shard', '1/2']);
    const second = await json(['--workers', '2', '--shard', '2/2']);
    expect(first.report.results.length).toBeGreaterThan(0);
    expect(second.report.results.length).toBeGreaterThan(0);
    const names = (results: CaseResult[]) => results.map((r) => `${r.file} › ${r.name}`);
    expect(names([...first.report.results, ...second.report.results])).toEqual(names(whole.report.results));
  });

  it('refuses a bad --workers or --shard with exit code 2', async () => {
    expect((await runCli(['test', 'blueprints', '--workers', '0'], { cwd: root })).code).toBe(2);
    expect((await runCli(['test', 'blueprints', '--shard', '3/2'], { cwd: root })).code).toBe(2);
  });
});
